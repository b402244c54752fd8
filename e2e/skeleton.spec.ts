import { expect, test } from '@playwright/test';
import { LabPage } from './support/labPage';

test('the lab opens with its four panes, runs a command, and stays on this machine', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();

  for (const name of ['Lab', 'YAML editor', 'Terminal', 'Topology']) {
    await expect(lab.region(name)).toBeVisible();
  }
  await expect(page.getByRole('heading', { name: 'kubelab', level: 1 })).toBeVisible();

  await lab.typeInTerminal('echo hello');
  await expect.poll(() => lab.terminalText()).toMatch(/controlplane:~\$ echo hello\nhello\ncontrolplane:~\$/);

  await lab.typeInTerminal('kubectrl get pods');
  await expect.poll(() => lab.terminalText()).toContain('bash: kubectrl: command not found');

  // The editor arrives lazily and is bundled with the app, never fetched from a CDN.
  await expect(lab.region('YAML editor').locator('.monaco-editor')).toBeVisible();
  await expect(lab.region('Topology').getByRole('group', { name: 'Node node01' })).toBeVisible();

  expect(lab.consoleErrors).toEqual([]);
  expect(lab.foreignRequests).toEqual([]);
});

test('the clock can be paused and resumed, and the theme toggled', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  const time = page.getByLabel('Virtual time');
  await page.getByRole('button', { name: 'Pause' }).click();
  const frozen = await time.textContent();
  await page.waitForTimeout(1500);
  expect(await time.textContent()).toBe(frozen);
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect.poll(() => time.textContent(), { timeout: 5000 }).not.toBe(frozen);

  const html = page.locator('html');
  const before = await html.getAttribute('data-theme');
  await page.getByRole('button', { name: /Switch to (light|dark) theme/ }).click();
  await expect(html).not.toHaveAttribute('data-theme', before ?? '');
  expect(lab.consoleErrors).toEqual([]);
});
