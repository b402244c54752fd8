import { expect, test } from '@playwright/test';
import { editorPane } from './support/editorPane';
import { LabPage } from './support/labPage';

test('Diff shows what apply would change against the live objects: all new, nothing, then the changed line', async ({ page }) => {
  test.setTimeout(60_000);
  const lab = new LabPage(page);
  await lab.open();
  const pane = editorPane(page);
  await pane.region.getByRole('combobox', { name: 'New file from example' }).selectOption({ label: 'Service: ClusterIP' });
  await expect(pane.tab('service-clusterip.yaml')).toHaveAttribute('aria-selected', 'true');

  const diff = pane.region.getByRole('region', { name: 'Diff of service-clusterip.yaml against the cluster' });
  const objects = diff.getByRole('group', { name: 'Objects in the file' });
  await pane.button('Diff').click();
  await expect(diff.getByRole('status')).toHaveText('1 of 1 object would change.');
  await expect(objects.getByRole('button')).toHaveText(['default/service/web (new)']);
  await expect(diff).toContainText('$ kubectl apply -f service-clusterip.yaml --dry-run=server');
  // The right side is the object as the API server would store it, defaults included.
  await expect(diff.locator('.editor.modified .view-line', { hasText: 'internalTrafficPolicy: Cluster' })).toHaveCount(1);
  await expect(diff.locator('.editor.modified .line-insert').first()).toBeAttached();
  // A dry run: nothing was created.
  await lab.typeInTerminal('kubectl get svc web');
  await expect.poll(() => lab.terminalText()).toContain('services "web" not found');

  // Escape in the diff goes back to the editor; Apply; then there is nothing to change.
  await diff.locator('.editor.modified .view-line', { hasText: 'apiVersion: v1' }).click();
  await page.keyboard.press('Escape');
  await expect(diff).toHaveCount(0);
  await pane.button('Apply').click();
  await expect(pane.region.getByRole('status', { name: 'kubectl result' })).toContainText('service/web created');
  await pane.button('Diff').click();
  await expect(diff.getByRole('status')).toHaveText('No changes: the cluster already matches service-clusterip.yaml.');
  await expect(objects.getByRole('button')).toHaveText(['default/service/web (no changes)']);
  await diff.getByRole('button', { name: 'Close diff' }).click();

  // Change the port: the diff marks the changed line on both sides.
  await pane.word('80').first().dblclick();
  await page.keyboard.type('8080');
  await page.keyboard.press('Escape');
  await pane.button('Diff').click();
  await expect(objects.getByRole('button')).toHaveText(['default/service/web (changed)']);
  await expect(diff.locator('.char-delete').first()).toBeAttached();
  // The first change on screen is the recorded configuration, which now carries the new port.
  await expect(diff.locator('.editor.modified .view-line', { hasText: '"port":8080' }).first()).toBeVisible();
  expect(lab.consoleErrors).toEqual([]);
});
