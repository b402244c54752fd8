import { expect, test, type Page } from '@playwright/test';
import { editorPane } from './support/editorPane';
import { LabPage } from './support/labPage';

/** The worker that runs the cluster (the editor has workers of its own). */
function engineWorker(page: Page) {
  const worker = page.workers().find((w) => w.url().includes('engine.worker'));
  if (!worker) throw new Error(`no engine worker among ${page.workers().map((w) => w.url()).join(', ')}`);
  return worker;
}

async function typeAtTop(page: Page, text: string) {
  const pane = editorPane(page);
  await pane.region.locator('.monaco-editor').click();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.insertText(text);
}

test('a crashed engine worker is replaced: the app says so, the terminal logs in again, no editor text is lost', async ({ page }) => {
  test.setTimeout(90_000);
  const lab = new LabPage(page);
  await lab.open();
  const pane = editorPane(page);
  await expect(pane.region.locator('.monaco-editor')).toBeVisible();
  await lab.typeInTerminal('kubectl create service clusterip x --tcp=80:80');
  await expect.poll(() => lab.terminalText()).toContain('service/x created');

  // Typed just before the crash: nothing has had time to reach the worker or the storage.
  await typeAtTop(page, '# typed before the crash\n');
  await engineWorker(page).evaluate(() => {
    setTimeout(() => {
      throw new Error('boom');
    });
  });
  await expect(page.locator('.app-error')).toContainText('the cluster engine crashed');
  await expect(page.locator('.app-error')).toContainText('A fresh cluster was started; your editor files are kept.');
  // The terminal logs in to the fresh cluster (the message wraps at the terminal's width).
  await expect.poll(() => lab.terminalText()).toMatch(/st\n?arted\.\ncontrolplane:~\$/);
  await expect(pane.text).toContainText('# typed before the crash');

  // The fresh cluster has only what kubeadm made, and the home folder has the editor's files again.
  await lab.typeInTerminal('kubectl get svc x');
  await expect.poll(() => lab.terminalText()).toContain('Error from server (NotFound): services "x" not found');
  await lab.typeInTerminal('head -1 web.yaml');
  await expect.poll(() => lab.terminalText()).toMatch(/head -1 web\.yaml\n# typed before the crash\n/);
  await page.reload();
  await expect(pane.text).toContainText('# typed before the crash', { timeout: 15_000 });
});

test('a hung engine worker is noticed and replaced, and a kubectl edit waiting in it keeps its text as a file', async ({ page }) => {
  test.setTimeout(120_000);
  const lab = new LabPage(page);
  await lab.open();
  const pane = editorPane(page);
  await lab.typeInTerminal('kubectl edit svc kubernetes');
  await expect(pane.tab(/^\/tmp\/kubectl-edit-\d+\.yaml/)).toBeVisible();
  const name = ((await pane.tab(/^\/tmp\/kubectl-edit-\d+\.yaml/).textContent()) ?? '').replace('/tmp/', '');
  await typeAtTop(page, '# my edit\n');
  await engineWorker(page).evaluate(() => {
    setTimeout(() => {
      for (;;) {
        // A command that never yields.
      }
    });
  });
  await expect(page.locator('.app-error')).toContainText('the cluster engine stopped answering', { timeout: 40_000 });
  await expect(pane.tab(name)).toHaveAttribute('aria-selected', 'true');
  await expect(pane.text).toContainText('# my edit');
  await expect.poll(() => lab.terminalText()).toMatch(/st\n?arted\.\ncontrolplane:~\$/);
  await lab.typeInTerminal('kubectl get svc kubernetes -o name');
  await expect.poll(() => lab.terminalText()).toContain('service/kubernetes');
});
