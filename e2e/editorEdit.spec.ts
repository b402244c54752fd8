import { expect, test } from '@playwright/test';
import { editorPane } from './support/editorPane';
import { LabPage } from './support/labPage';

const EDIT_TAB = /^\/tmp\/kubectl-edit-\d+\.yaml/;

test('kubectl edit svc x opens the object in the editor; Save applies it, closing the tab cancels, a rejected edit is reopened with its errors', async ({ page }) => {
  test.setTimeout(90_000); // three edits, each a round trip through the worker
  const lab = new LabPage(page);
  await lab.open();
  const pane = editorPane(page);
  await expect(pane.region.locator('.monaco-editor')).toBeVisible();
  await lab.typeInTerminal('kubectl create service clusterip x --tcp=80:80');
  await expect.poll(() => lab.terminalText()).toContain('service/x created');

  // Closing the tab unsaved is quitting the editor: nothing changes.
  await lab.typeInTerminal('kubectl edit svc x');
  await expect(pane.tab(EDIT_TAB)).toHaveAttribute('aria-selected', 'true');
  await expect(pane.text).toContainText("# Please edit the object below. Lines beginning with a '#' will be ignored,");
  await expect(pane.text).toContainText('internalTrafficPolicy: Cluster');
  await expect(pane.region.getByRole('note')).toContainText('kubectl edit is waiting in the terminal');
  await expect(pane.button('Apply')).toHaveCount(0);
  await pane.region.getByRole('button', { name: /^Close \/tmp\/kubectl-edit-/ }).click();
  await expect.poll(() => lab.terminalText()).toContain('Edit cancelled, no changes made.');
  await expect(pane.tab(EDIT_TAB)).toHaveCount(0);
  await expect.poll(() => lab.terminalText()).toMatch(/Edit cancelled, no changes made\.\ncontrolplane:~\$/);

  // An edit saved with Ctrl+S is applied: kubectl prints its line and the tab goes away.
  await lab.typeInTerminal('kubectl edit svc x');
  await expect(pane.tab(EDIT_TAB)).toHaveAttribute('aria-selected', 'true');
  await pane.word('Cluster').dblclick();
  await page.keyboard.type('Local');
  await page.keyboard.press('Escape');
  await expect(pane.tab(/\(unsaved\)$/)).toHaveCount(1);
  await page.keyboard.press('ControlOrMeta+S');
  await expect.poll(() => lab.terminalText()).toContain('service/x edited');
  await expect(pane.tab(EDIT_TAB)).toHaveCount(0);
  await lab.typeInTerminal('kubectl get svc x -o yaml | grep Traffic');
  await expect.poll(() => lab.terminalText()).toMatch(/\n {2}internalTrafficPolicy: Local\n/);

  // An invalid edit comes back with the API's complaint on top; the Save button saves too.
  await lab.typeInTerminal('kubectl edit svc x');
  await expect(pane.tab(EDIT_TAB)).toHaveAttribute('aria-selected', 'true');
  await pane.word('Local').dblclick();
  await page.keyboard.type('Bogus');
  await page.keyboard.press('Escape');
  await pane.button('Save').click();
  await expect(pane.text).toContainText('Unsupported value: "Bogus"');
  await expect(pane.tab(EDIT_TAB)).toHaveAttribute('aria-selected', 'true');
  await expect(pane.tab(/\(unsaved\)$/)).toHaveCount(0);
  // Leaving it there: kubectl keeps a copy and says no valid change was saved.
  await pane.region.getByRole('button', { name: /^Close \/tmp\/kubectl-edit-/ }).click();
  await expect.poll(() => lab.terminalText()).toContain('error: Edit cancelled, no valid changes were saved.');
  await expect(pane.tab(EDIT_TAB)).toHaveCount(0);
  expect(lab.consoleErrors).toEqual([]);
});

test('Ctrl+C in the terminal ends kubectl edit and its tab', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  const pane = editorPane(page);
  await lab.typeInTerminal('kubectl edit svc kubernetes');
  await expect(pane.tab(EDIT_TAB)).toBeVisible();
  await lab.region('Terminal').locator('.xterm').click();
  await page.keyboard.press('Control+C');
  await expect.poll(() => lab.terminalText()).toContain('Edit cancelled, no changes made.');
  await expect(pane.tab(EDIT_TAB)).toHaveCount(0);
});

test('kubectl get -o yaml > file, vim file, edit in the editor, kubectl apply -f file: the round trip', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  const pane = editorPane(page);
  await lab.typeInTerminal('kubectl create service clusterip x --tcp=80:80');
  await lab.typeInTerminal('kubectl get svc x -o yaml > x.yaml');
  await lab.typeInTerminal('vim x.yaml');
  await expect(pane.tab('x.yaml')).toHaveAttribute('aria-selected', 'true');
  await expect(pane.text).toContainText('internalTrafficPolicy: Cluster');
  await pane.word('Cluster').dblclick();
  await page.keyboard.type('Local');
  await page.keyboard.press('Escape');
  await expect(pane.text).toContainText('internalTrafficPolicy: Local');
  // The buffer reaches the home folder on its own; the terminal applies it.
  await expect.poll(async () => {
    await lab.typeInTerminal('grep -c Local x.yaml');
    return lab.terminalText();
  }).toMatch(/grep -c Local x\.yaml\n1\n/);
  await lab.typeInTerminal('kubectl apply -f x.yaml');
  await expect.poll(() => lab.terminalText()).toContain('service/x configured');
  await lab.typeInTerminal('kubectl get svc x -o yaml | grep Traffic');
  await expect.poll(() => lab.terminalText()).toMatch(/\n {2}internalTrafficPolicy: Local\n/);
  expect(lab.consoleErrors).toEqual([]);
});
