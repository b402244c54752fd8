import { expect, test } from '@playwright/test';
import { LabPage } from './support/labPage';

const LAB = 'Put a Service in front of your pods';
const STEP = 'Give it one address';

async function openLab(lab: LabPage) {
  await lab.page.getByRole('group', { name: 'Mode' }).getByRole('button', { name: 'Labs' }).click();
  await lab.page.getByRole('button', { name: new RegExp(LAB) }).click();
  return lab.region('Lab');
}

test('a check goes from not yet to passed after the learner runs the command, and progress survives a reload', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  const panel = await openLab(lab);
  const checks = panel.getByRole('region', { name: 'Checks of step 2' });
  const first = checks.getByRole('listitem').first();
  await expect(first).toContainText('Not yet');
  await expect(first).toContainText('Hint: Expose the Deployment with --port=80 --target-port=8080.');
  await expect(panel.getByText('0 of 4 steps done')).toBeVisible();

  // The learner's own command, typed in the terminal: the checks run again once it finishes.
  await lab.typeInTerminal('kubectl create service clusterip alpaca --tcp=80:8080');
  await expect(first).toContainText('Passed');
  await expect(checks.getByRole('listitem').nth(1)).toContainText('Passed');
  await expect(panel.getByRole('heading', { name: new RegExp(`${STEP}.*Done`) })).toBeVisible();
  await expect(panel.getByRole('status')).toContainText(`Step 2 done: ${STEP}.`);
  await expect(panel.getByText('1 of 4 steps done')).toBeVisible();
  // Nothing of the checks reached the terminal.
  await expect.poll(() => lab.terminalText()).toContain('service/alpaca created');
  expect(await lab.terminalText()).not.toContain('jsonpath');

  // The Check button, by keyboard: step 1 still waits for its Deployment.
  const button = panel.getByRole('button', { name: 'Check step 1: Run the app' });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('status')).toContainText('Step 1: 0 of 1 checks passed.');

  await page.reload();
  await expect.poll(() => lab.terminalText()).toContain('controlplane:~$');
  const again = await openLab(lab);
  await expect(again.getByText('1 of 4 steps done')).toBeVisible();
  await expect(again.getByRole('heading', { name: new RegExp(`${STEP}.*Done`) })).toBeVisible();
  // A fresh cluster: the check itself is not met any more, the step stays done.
  await expect(again.getByRole('region', { name: 'Checks of step 2' }).getByRole('listitem').first()).toContainText('Not yet');
  await again.getByRole('button', { name: `Reset progress of ${LAB}` }).click();
  await expect(again.getByText('0 of 4 steps done')).toBeVisible();

  expect(lab.consoleErrors).toEqual([]);
  expect(lab.foreignRequests).toEqual([]);
});

test('a check that waits on the cluster passes once it is ready, without another command', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  const panel = await openLab(lab);
  const check = panel.getByRole('region', { name: 'Checks of step 1' }).getByRole('listitem').first();
  await lab.typeInTerminal('kubectl create deployment alpaca --image=gcr.io/kuar-demo/kuard-amd64:blue --replicas=3 --port=8080');
  await expect.poll(() => lab.terminalText()).toContain('deployment.apps/alpaca created');
  // Right after the command the pods are still starting.
  await expect(check).toContainText('Not yet');
  // Time flows; the pods become ready and the check looks again by itself.
  await expect(check).toContainText('Passed', { timeout: 20_000 });
  await expect(panel.getByRole('status')).toContainText('Step 1 done: Run the app.');
  expect(lab.consoleErrors).toEqual([]);
});

test('after the engine worker is replaced, the checks look at the fresh cluster', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  const panel = await openLab(lab);
  const check = panel.getByRole('region', { name: 'Checks of step 2' }).getByRole('listitem').first();
  await lab.typeInTerminal('kubectl create service clusterip alpaca --tcp=80:8080');
  await expect(check).toContainText('Passed');
  const worker = page.workers().find((w) => w.url().includes('engine.worker'));
  await worker!.evaluate(() => {
    setTimeout(() => {
      throw new Error('boom');
    });
  });
  await expect(page.locator('.app-error')).toContainText('the cluster engine crashed');
  // The fresh cluster has no alpaca Service: the check says so; the step stays done.
  await expect(check).toContainText('Not yet');
  await expect(panel.getByRole('heading', { name: new RegExp(`${STEP}.*Done`) })).toBeVisible();
});

test('rewinding the cluster takes a passed check back to not yet; the step stays done', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  const panel = await openLab(lab);
  const check = panel.getByRole('region', { name: 'Checks of step 2' }).getByRole('listitem').first();
  await lab.typeInTerminal('kubectl create service clusterip alpaca --tcp=80:8080');
  await expect(check).toContainText('Passed');
  const clock = page.getByRole('group', { name: 'Simulation clock' });
  await clock.getByRole('button', { name: 'Rewind' }).click();
  await page.getByRole('menu', { name: 'Rewind the cluster to just before…' }).getByRole('menuitem', { name: /before kubectl create service clusterip alpaca/ }).click();
  await expect(check).toContainText('Not yet');
  await expect(panel.getByRole('heading', { name: new RegExp(`${STEP}.*Done`) })).toBeVisible();
  expect(lab.consoleErrors).toEqual([]);
});
