import { expect, test, type Page } from '@playwright/test';
import { LabPage } from './support/labPage';

/** The YAML editor region and the pieces of it a learner sees. */
function editorPane(page: Page) {
  const region = page.getByRole('region', { name: 'YAML editor', exact: true });
  return {
    region,
    tab: (name: string) => region.getByRole('tab', { name, exact: true }),
    tabs: () => region.getByRole('tab'),
    text: region.locator('.monaco-editor .view-lines'),
    /** Squiggles monaco-yaml draws for schema problems (warnings) and YAML errors. */
    markers: region.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error'),
    input: region.locator('.monaco-editor textarea'),
  };
}

/**
 * Replaces the whole buffer by entering it line by line, as typed text. Line breaks are entered
 * as text too, not with the Enter key, which would accept whatever the completion list (opening
 * asynchronously as we type) has selected. Monaco indents each new line by itself; Shift+Home
 * selects that indentation so the entered line replaces it.
 */
async function typeBuffer(page: Page, text: string) {
  const pane = editorPane(page);
  await pane.region.locator('.monaco-editor').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  for (const [i, line] of text.split('\n').entries()) {
    if (i > 0) {
      await page.keyboard.insertText('\n');
      await page.keyboard.press('Shift+Home');
    }
    await page.keyboard.insertText(line);
  }
  await page.keyboard.press('Escape');
}

// Two documents: the schema is chosen per document, by apiVersion and kind.
const SERVICE_WITH_TYPO = [
  'apiVersion: v1',
  'kind: Namespace',
  'metadata:',
  '  name: dev',
  '---',
  'apiVersion: v1',
  'kind: Service',
  'metadata:',
  '  name: x',
  'spec:',
  '  selector:',
  '    app: x',
  '  prots:',
  '    - port: 80',
].join('\n');

test('in a multi-document file, a typo in a Service field is marked on its line, and fixing it clears the mark', async ({
  page,
}) => {
  const lab = new LabPage(page);
  await lab.open();
  const pane = editorPane(page);
  await expect(pane.region.locator('.monaco-editor')).toBeVisible();

  await typeBuffer(page, SERVICE_WITH_TYPO);
  await expect(pane.text).toContainText('prots:');

  // Exactly one marker, and it sits on the `prots:` line.
  await expect(pane.markers).toHaveCount(1, { timeout: 15_000 });
  const lineOf = async () => {
    const marker = await pane.markers.first().boundingBox();
    const line = await pane.region
      .locator('.monaco-editor .view-line')
      .filter({ hasText: 'prots:' })
      .boundingBox();
    return marker && line
      ? Math.abs(marker.y + marker.height / 2 - (line.y + line.height / 2)) < line.height
      : false;
  };
  await expect.poll(lineOf).toBe(true);

  // Hovering the marked word explains it (the squiggle itself lies under the text layer).
  await pane.region.locator('.view-line span span', { hasText: /^prots$/ }).hover();
  await expect(
    page.getByRole('tooltip').filter({ hasText: 'Property prots is not allowed.' }),
  ).toBeVisible();

  // Fix the typo: `prots` → `ports`.
  await pane.region.locator('.view-line span span', { hasText: /^prots$/ }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Home'); // first non-blank: just before `prots`
  await page.keyboard.press('Shift+End');
  await page.keyboard.type('ports:');
  await page.keyboard.press('Escape');
  await expect(pane.text).toContainText('ports:');
  await expect(pane.markers).toHaveCount(0, { timeout: 15_000 });

  // The text survives a reload.
  await page.waitForTimeout(600); // let the write-behind reach IndexedDB (250 ms pause)
  await page.reload();
  await expect(pane.text).toContainText('ports:', { timeout: 15_000 });
  await expect(pane.text).toContainText('name: x');
  await expect(pane.text).not.toContainText('prots');

  expect(lab.consoleErrors).toEqual([]);
  expect(lab.foreignRequests).toEqual([]);
});

test('Format Document reformats the YAML with prettier, which the worker fetches on first use', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  const pane = editorPane(page);
  await expect(pane.region.locator('.monaco-editor')).toBeVisible();
  await typeBuffer(page, ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '      name:    settings', 'data: {mode: "dark"}'].join('\n'));
  await expect(pane.text).toContainText('name:    settings');
  // Monaco's Format Document keybinding on Linux (Shift+Alt+F elsewhere).
  await page.keyboard.press('Control+Shift+I');
  await expect(pane.text).toContainText('data: { mode: "dark" }', { timeout: 15_000 });
  // Re-indented to two spaces (Monaco draws spaces as no-break spaces).
  const nameLine = pane.region.locator('.view-line').filter({ hasText: 'name: settings' });
  await expect.poll(async () => (await nameLine.textContent())?.replace(/\u00a0/g, ' ')).toBe('  name: settings');
  expect(lab.consoleErrors).toEqual([]);
  expect(lab.foreignRequests).toEqual([]);
});

test('find and folding work once the editor features have loaded (they come in a chunk after the editor)', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  const pane = editorPane(page);
  await pane.region.getByRole('combobox', { name: 'New file from example' }).selectOption({ label: 'Service: ClusterIP' });
  await pane.region.locator('.view-line span span', { hasText: /^ClusterIP$/ }).click();
  // Pressed before the features chunk arrives, Ctrl+F does nothing yet; it works once they are in.
  const findInput = pane.region.getByRole('textbox', { name: 'Find' });
  await expect(async () => {
    await page.keyboard.press('ControlOrMeta+F');
    await expect(findInput).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 15_000 });
  await page.keyboard.type('port');
  await expect(pane.region.locator('.find-widget .matchesCount')).toHaveText(/^1 of \d+$/);
  await page.keyboard.press('Escape');
  await expect(findInput).toBeHidden();

  // Folding the region around the cursor (`spec:`, Ctrl+Shift+[) hides the lines under it; the
  // gutter shows the folded control.
  await expect(pane.text).toContainText('targetPort');
  await pane.region.locator('.view-line span span', { hasText: /^ClusterIP$/ }).click();
  await page.keyboard.press('ControlOrMeta+Shift+BracketLeft');
  await expect(pane.text).not.toContainText('targetPort');
  await expect(pane.region.locator('.margin-view-overlays .codicon-folding-collapsed')).toHaveCount(1);
  expect(lab.consoleErrors).toEqual([]);
});

test('hover shows the schema documentation and the context menu opens (their services load with the features)', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  const pane = editorPane(page);
  await pane.region.getByRole('combobox', { name: 'New file from example' }).selectOption({ label: 'Service: ClusterIP' });
  const kind = pane.region.locator('.view-line span span', { hasText: /^kind$/ });
  // The hover service and the markdown renderer come with the features chunk, the documentation
  // from the YAML worker: hover again until both are in.
  const hover = page.locator('.monaco-hover-content');
  await expect(async () => {
    await page.mouse.move(0, 0);
    await kind.hover();
    await expect(hover.first()).toContainText('Kind is a string value representing the REST resource', { timeout: 2000 });
  }).toPass({ timeout: 20_000 });
  await page.mouse.move(0, 0);

  await kind.click({ button: 'right' });
  const menu = page.getByRole('menu');
  await expect(menu.getByRole('menuitem', { name: /^Format Document/ })).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: /^Copy/ })).toBeVisible();
  // The menu is drawn, not just its words: its box (Monaco's scrollable element around the list, in
  // a shadow root) has an opaque background, a border and a shadow from the editor theme.
  const look = await menu.evaluate((list) => {
    const style = (e: typeof list) => list.ownerDocument.defaultView!.getComputedStyle(e);
    const box = list.closest('.monaco-scrollable-element')!;
    const frame = list.closest('.monaco-menu')!;
    return {
      background: style(box).backgroundColor,
      border: style(frame).borderTopWidth,
      shadow: style(list.closest('.context-view')!).boxShadow,
    };
  });
  expect(look.background).toMatch(/^rgb\(/); // rgba(…, 0) when the theme's variables do not reach it
  expect(look.border).toBe('1px');
  expect(look.shadow).not.toBe('none');
  // Arrow keys move the highlight from item to item; Escape closes the menu.
  await page.keyboard.press('ArrowDown');
  const focused = menu.locator('.action-item.focused');
  await expect(focused).toHaveCount(1);
  const first = await focused.innerText();
  await page.keyboard.press('ArrowDown');
  await expect(focused).not.toHaveText(first);
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  expect(lab.consoleErrors).toEqual([]);
});

test('completion offers the fields of the kind the document declares', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  const pane = editorPane(page);
  await pane.region
    .getByRole('combobox', { name: 'New file from example' })
    .selectOption({ label: 'Service: ClusterIP' });
  // Click the word, not the line: a line box is as wide as the longest line and may sit under the ruler.
  await pane.region.locator('.view-line span span', { hasText: /^ClusterIP$/ }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter'); // Monaco keeps the indentation: the cursor is inside spec
  await page.keyboard.type('cl');
  const suggestions = page.locator('.suggest-widget .monaco-list-row');
  // The YAML worker may still be starting on the first request: ask again until it answers.
  await expect(async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Space');
    await expect(suggestions.first()).toBeVisible({ timeout: 1500 });
  }).toPass({ timeout: 15_000 });
  await expect
    .poll(() => suggestions.allInnerTexts())
    .toEqual(expect.arrayContaining(['clusterIP', 'clusterIPs']));
  // The list is drawn on its own background (its colours are registered by the features chunk,
  // after the theme first wrote its variables), not over the text.
  const background = await page
    .locator('.suggest-widget')
    .evaluate((w) => w.ownerDocument.defaultView!.getComputedStyle(w).backgroundColor);
  expect(background).toMatch(/^rgb\(/);
  // The highlighted suggestion stays readable: its label against its row, WCAG AA (4.5:1).
  const contrast = await page.locator('.suggest-widget .monaco-list-row.focused').evaluate((row) => {
    const view = row.ownerDocument.defaultView!;
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const luminance = (c: string) => {
      const [r, g, b] = rgb(c).map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const label = row.querySelector('.label-name') ?? row;
    const [a, b] = [luminance(view.getComputedStyle(label).color), luminance(view.getComputedStyle(row).backgroundColor)];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  });
  expect(contrast).toBeGreaterThanOrEqual(4.5);
  await page.keyboard.press('Escape');
  expect(lab.consoleErrors).toEqual([]);
});

test('files: new tab, examples, rename, close and reopen, all by keyboard-reachable controls', async ({
  page,
}) => {
  const lab = new LabPage(page);
  await lab.open();
  const pane = editorPane(page);
  await expect(pane.tab('web.yaml')).toHaveAttribute('aria-selected', 'true');

  await pane.region.getByRole('button', { name: 'New file' }).click();
  await expect(pane.tab('untitled.yaml')).toHaveAttribute('aria-selected', 'true');
  await expect(pane.tabs()).toHaveCount(2);

  // Rename with the keyboard: F2 on the focused tab, type, Enter.
  await pane.tab('untitled.yaml').focus();
  await page.keyboard.press('F2');
  const nameBox = pane.region.getByRole('textbox', { name: 'New name for untitled.yaml' });
  await expect(nameBox).toBeFocused();
  await nameBox.fill('web.yaml');
  await page.keyboard.press('Enter');
  await expect(pane.region.getByRole('alert')).toHaveText('A file named web.yaml already exists.');
  await nameBox.fill('svc.yaml');
  await page.keyboard.press('Enter');
  await expect(pane.tab('svc.yaml')).toHaveAttribute('aria-selected', 'true');
  await expect(pane.tab('untitled.yaml')).toHaveCount(0);

  // An example opens as a new file with its manifest.
  await pane.region
    .getByRole('combobox', { name: 'New file from example' })
    .selectOption({ label: 'Service: NodePort' });
  await expect(pane.tab('service-nodeport.yaml')).toHaveAttribute('aria-selected', 'true');
  await expect(pane.text).toContainText('type: NodePort');

  // Arrow keys move between tabs; Delete closes the focused one.
  await pane.tab('service-nodeport.yaml').focus();
  await page.keyboard.press('ArrowLeft');
  await expect(pane.tab('svc.yaml')).toBeFocused();
  await expect(pane.tab('svc.yaml')).toHaveAttribute('aria-selected', 'true');
  await pane.region.getByRole('button', { name: 'Close svc.yaml' }).click();
  await expect(pane.tab('svc.yaml')).toHaveCount(0);

  // Closed, not deleted: it can be reopened, and the tabs survive a reload.
  await pane.region
    .getByRole('combobox', { name: 'Reopen a closed file' })
    .selectOption('svc.yaml');
  await expect(pane.tab('svc.yaml')).toHaveAttribute('aria-selected', 'true');
  await page.reload();
  await expect(pane.tabs()).toHaveText(['web.yaml', 'service-nodeport.yaml', 'svc.yaml'], {
    timeout: 15_000,
  });
  await expect(pane.tab('svc.yaml')).toHaveAttribute('aria-selected', 'true');

  // A new file that takes a renamed file's old name starts empty, not with the old buffer.
  await pane.tab('web.yaml').click();
  await expect(pane.text).toContainText('kind: Deployment');
  await pane.region.getByRole('button', { name: 'Rename web.yaml' }).click();
  await pane.region.getByRole('textbox', { name: 'New name for web.yaml' }).fill('old.yaml');
  await page.keyboard.press('Enter');
  await pane.region.getByRole('button', { name: 'New file' }).click();
  await pane.region.getByRole('button', { name: 'Rename untitled.yaml' }).click();
  await pane.region.getByRole('textbox', { name: 'New name for untitled.yaml' }).fill('web.yaml');
  await page.keyboard.press('Enter');
  await expect(pane.tab('web.yaml')).toHaveAttribute('aria-selected', 'true');
  await expect(pane.text).not.toContainText('kind: Deployment');
  await pane.tab('old.yaml').click();
  await expect(pane.text).toContainText('kind: Deployment');

  // Apply and Delete act on the file in front.
  await expect(pane.region.getByRole('button', { name: 'Apply' })).toHaveCount(1);
  expect(lab.consoleErrors).toEqual([]);
  expect(lab.foreignRequests).toEqual([]);
});

test('Apply runs kubectl apply on the buffer: the result shows as kubectl prints it, and the terminal sees the object and the file', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  const pane = editorPane(page);
  await expect(pane.region.locator('.monaco-editor')).toBeVisible();
  await typeBuffer(page, ['apiVersion: v1', 'kind: Service', 'metadata:', '  name: x', 'spec:', '  selector:', '    app: x', '  ports:', '    - port: 0'].join('\n'));
  await pane.region.getByRole('button', { name: 'Apply' }).click();
  const result = pane.region.getByRole('status', { name: 'kubectl result' });
  await expect(result).toContainText('spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive');
  // The API's complaint is also marked on the line it is about (line 9: `- port: 0`).
  await expect(pane.region.locator('.monaco-editor .squiggly-error')).not.toHaveCount(0);
  const markerTop = await pane.region.locator('.monaco-editor .squiggly-error').first().evaluate((el) => el.getBoundingClientRect().top);
  const portLine = pane.region.locator('.monaco-editor .view-line', { hasText: 'port: 0' });
  const lineTop = await portLine.evaluate((el) => el.getBoundingClientRect().top);
  expect(Math.abs(markerTop - lineTop)).toBeLessThan(4);

  await typeBuffer(page, ['apiVersion: v1', 'kind: Service', 'metadata:', '  name: x', 'spec:', '  selector:', '    app: x', '  ports:', '    - port: 80'].join('\n'));
  await pane.region.locator('.monaco-editor').click();
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(result).toContainText('service/x created');

  await lab.typeInTerminal('kubectl get svc x -o name');
  await expect.poll(() => lab.terminalText()).toContain('service/x');
  await lab.typeInTerminal('grep port: web.yaml');
  await expect.poll(() => lab.terminalText()).toMatch(/port: 80/);
  expect(lab.consoleErrors).toEqual([]);
});

test('the editor files are the terminal home: cat sees the buffers, and vim FILE opens a file in a tab', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  const pane = editorPane(page);
  await expect(pane.region.locator('.monaco-editor')).toBeVisible();
  await lab.typeInTerminal('head -1 web.yaml');
  await expect.poll(() => lab.terminalText()).toContain('# Keeps two nginx pods running');

  await lab.typeInTerminal("printf 'apiVersion: v1\\nkind: ConfigMap\\n' > cm.yaml");
  await lab.typeInTerminal('vim cm.yaml');
  await expect(pane.tab('cm.yaml')).toBeVisible();
  await expect(pane.text).toContainText('kind: ConfigMap');
  await lab.typeInTerminal('vim /etc/hosts');
  await expect.poll(() => lab.terminalText()).toContain('kubelab: the editor opens files in /root/ only: /etc/hosts');
  expect(lab.consoleErrors).toEqual([]);
});
