import { expect, test } from '@playwright/test';
import { LabPage } from './support/labPage';

// A pipeline whose reader stops early ends by itself, as in a real shell: the endless writer is
// killed by SIGPIPE (141) and the prompt comes back without Ctrl+C.
test('cat /dev/zero | head -c 5 | od -c ends by itself and the writer was killed by SIGPIPE', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.typeInTerminal('cat /dev/zero | head -c 5 | od -c; echo ${PIPESTATUS[@]}');
  await expect.poll(() => lab.terminalText()).toContain('0000000  \\0  \\0  \\0  \\0  \\0\n0000005\n141 0 0');
  await lab.typeInTerminal('yes kubelab | head -2');
  await expect.poll(() => lab.terminalText()).toMatch(/yes kubelab \| head -2\s*\nkubelab\s*\nkubelab\s*\ncontrolplane:~\$/);
  expect(lab.consoleErrors).toEqual([]);
});

// An endless writer on the terminal keeps writing until Ctrl+C, and the terminal stays usable.
test('yes writes until Ctrl+C, then the prompt comes back', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.typeInTerminal('yes e2e-line');
  await expect.poll(() => lab.terminalText()).toMatch(/(e2e-line\s*\n){5}/);
  await page.keyboard.press('Control+C');
  await lab.typeInTerminal('echo after-yes');
  await expect.poll(() => lab.terminalText()).toMatch(/\^C\s*\ncontrolplane:~\$ echo after-yes\s*\nafter-yes/);
  expect(lab.consoleErrors).toEqual([]);
});
