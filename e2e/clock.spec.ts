import { expect, test } from '@playwright/test';
import { editorPane } from './support/editorPane';
import { LabPage } from './support/labPage';

/** The seconds of an `HH:MM:SS` clock reading, from midnight. */
const seconds = (hms: string | null) => hms!.split(':').reduce((s, part) => s * 60 + Number(part), 0);

test('Step moves the paused clock by a second, and is off while time flows', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  const clock = page.getByRole('group', { name: 'Simulation clock' });
  const time = clock.getByLabel('Virtual time');
  const step = clock.getByRole('button', { name: 'Step 1 second' });
  await expect(step).toBeDisabled();

  await clock.getByRole('button', { name: 'Pause' }).click();
  await expect(step).toBeEnabled();
  const frozen = seconds(await time.textContent());
  await step.click();
  await expect(time).toHaveText(/\d\d:\d\d:\d\d/);
  await expect.poll(async () => seconds(await time.textContent())).toBe(frozen + 1);
  // The keyboard works it too.
  await step.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Space');
  await expect.poll(async () => seconds(await time.textContent())).toBe(frozen + 3);

  await clock.getByRole('button', { name: 'Resume' }).click();
  await expect(step).toBeDisabled();
  expect(lab.consoleErrors).toEqual([]);
});

test('Rewind brings a deleted deployment back, paused before the delete', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  const clock = page.getByRole('group', { name: 'Simulation clock' });

  await lab.typeInTerminal('kubectl create deployment web --image=nginx --replicas=2');
  await expect.poll(() => lab.terminalText()).toContain('deployment.apps/web created');
  const map = lab.region('Topology');
  await expect(map.getByRole('group', { name: /^Pod default\/web-/ })).toHaveCount(2);
  await lab.typeInTerminal('kubectl delete deployment web');
  await expect.poll(() => lab.terminalText()).toContain('deployment.apps "web" deleted');
  await expect(map.getByRole('group', { name: /^Pod default\/web-/ })).toHaveCount(0, { timeout: 20_000 });

  // Escape closes the menu and gives the focus back to its button.
  const rewind = clock.getByRole('button', { name: 'Rewind' });
  await rewind.click();
  const menu = page.getByRole('menu', { name: 'Rewind the cluster to just before…' });
  await expect(menu.getByRole('menuitem')).toHaveCount(2);
  await expect(menu.getByRole('menuitem').first()).toHaveAccessibleName(/^\d\d:\d\d:\d\d, before kubectl delete deployment web$/);
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(rewind).toBeFocused();

  // Open it from the keyboard and pick the checkpoint before the delete.
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(menu).toBeHidden();
  await expect(clock.getByRole('status')).toHaveText(/^Rewound to \d\d:\d\d:\d\d, before “kubectl delete deployment web”\. The clock is paused\.$/);
  await expect(clock.getByRole('button', { name: 'Resume' })).toBeVisible();
  await expect(map.getByRole('group', { name: /^Pod default\/web-/ })).toHaveCount(2);

  // The same terminal goes on working against the rewound cluster.
  await lab.typeInTerminal('kubectl get deploy');
  await expect.poll(async () => (await lab.terminalText()).split('controlplane:~$ kubectl get deploy').at(-1)).toMatch(/^\nNAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\nweb\s+/);
  expect(lab.consoleErrors).toEqual([]);
  expect(await lab.terminalText()).not.toContain('internal error');
});

test('Rewind to before an editor Apply takes its objects away again', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  const editor = editorPane(page);
  await expect(editor.tab('web.yaml')).toBeVisible();
  await editor.button('Apply').click();
  const map = lab.region('Topology');
  await expect(map.getByRole('group', { name: /^Pod default\/web-/ })).toHaveCount(2);

  await page.getByRole('group', { name: 'Simulation clock' }).getByRole('button', { name: 'Rewind' }).click();
  const items = page.getByRole('menu', { name: 'Rewind the cluster to just before…' }).getByRole('menuitem');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toHaveAccessibleName(/^\d\d:\d\d:\d\d, before kubectl apply -f web\.yaml$/);
  await items.first().click();
  await expect(map.getByRole('group', { name: /^Pod default\/web-/ })).toHaveCount(0);
  await lab.typeInTerminal('kubectl get deploy');
  await expect.poll(() => lab.terminalText()).toContain('No resources found in default namespace.');
  expect(lab.consoleErrors).toEqual([]);
});
