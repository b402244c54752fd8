import { expect, test } from '@playwright/test';
import { editorPane } from './support/editorPane';
import { LabPage } from './support/labPage';

const OBJECTS = 10_000;
const configMaps = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, k) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${from + k}\ndata:\n  n: "${from + k}"\n`).join('---\n');

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('a 10,000-object paste stays editable and applies in steps with progress; Cancel stops it; the result is summarized', async ({ page }) => {
  test.setTimeout(240_000);
  const lab = new LabPage(page);
  await lab.open();
  const pane = editorPane(page);
  await pane.button('New file').click();
  await expect(pane.tab('untitled.yaml')).toHaveAttribute('aria-selected', 'true');
  // The e2e code has no DOM types: the page runs this text.
  await page.evaluate(`navigator.clipboard.writeText(${JSON.stringify(configMaps(0, OBJECTS))})`);
  await pane.region.locator('.monaco-editor').click();
  await page.keyboard.press('ControlOrMeta+V');
  await expect(pane.text).toContainText('name: cm-9999');
  // Still editable after the paste: typing at the top lands at once.
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.insertText('# ten thousand\n');
  await expect(pane.text).toContainText('# ten thousand');

  // Apply: progress in steps, then Cancel.
  await pane.button('Apply').click();
  const result = pane.region.getByRole('status', { name: 'kubectl result' });
  const progress = result.getByRole('progressbar', { name: 'Objects applied' });
  await expect(progress).toBeVisible({ timeout: 30_000 });
  await expect(result).toContainText(`/ ${OBJECTS.toLocaleString('en-US')} objects`);
  await result.getByRole('button', { name: 'Cancel' }).click();
  await expect(result).toContainText(/Cancelled after [\d,]+ of 10,000 objects: those stay applied\./);
  const applied = Number((/Cancelled after ([\d,]+) of/.exec((await result.textContent()) ?? '')?.[1] ?? '0').replace(/,/g, ''));
  expect(applied).toBeGreaterThan(0);
  expect(applied).toBeLessThan(OBJECTS);
  await lab.typeInTerminal('kubectl get cm -o name | grep -c cm-');
  await expect.poll(() => lab.terminalText()).toContain(`grep -c cm-\n${applied}\n`);

  // Apply again to the end: one summary line, the 10,000 kubectl lines folded under it.
  await pane.button('Apply').click();
  // Counted in the order kubectl printed them: the objects of the cancelled run come first.
  await expect(result.locator('summary')).toHaveText(
    `${applied.toLocaleString('en-US')} unchanged, ${(OBJECTS - applied).toLocaleString('en-US')} created (10,000 lines)`,
    { timeout: 180_000 },
  );
  await expect(result.locator('pre')).toBeHidden();
  await result.locator('summary').click();
  await expect(result.locator('pre')).toContainText('configmap/cm-9999 created');
  expect(lab.consoleErrors).toEqual([]);
});
