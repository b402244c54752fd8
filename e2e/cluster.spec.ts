import { expect, test } from '@playwright/test';
import { LabPage } from './support/labPage';

test('kubectl in the browser terminal changes the live cluster, and the map follows', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();

  await lab.typeInTerminal('kubectl get nodes');
  await expect.poll(() => lab.terminalText()).toMatch(/NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\ncontrolplane\s+Ready\s+control-plane\s+5d/);

  await lab.typeInTerminal('kubectl create deployment web --image=nginx --replicas=2');
  await expect.poll(() => lab.terminalText()).toContain('deployment.apps/web created');
  await lab.typeInTerminal('kubectl expose deployment web --port=80');
  await expect.poll(() => lab.terminalText()).toContain('service/web exposed');

  const map = lab.region('Topology');
  await expect(map.getByRole('group', { name: 'Service default/web' })).toBeVisible();
  await expect(map.getByRole('group', { name: /^Pod default\/web-/ })).toHaveCount(2);
  // The pods start on the virtual clock, which follows real time: Running within a few seconds.
  await expect(map.getByRole('group', { name: /^Pod default\/web-/ }).first()).toContainText('Running', { timeout: 20_000 });
  expect(lab.consoleErrors).toEqual([]);
  expect(await lab.terminalText()).not.toContain('internal error');
});
