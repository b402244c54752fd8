import { spawnSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { LabPage } from './support/labPage';

// One shell serves the browser terminal and `npx kubelab shell`: the same commands must leave the
// same transcript in both.
test('npx kubelab shell prints the transcript the browser terminal shows', async ({ page }) => {
  const commands = ['echo hello', 'kubectrl get pods'];
  const run = spawnSync('node', ['bin/kubelab.mjs', 'shell'], { input: commands.join('\n') + '\n', encoding: 'utf8' });
  expect(run.status).toBe(127); // the exit code of the last command, as a shell script's would be
  const cli = run.stdout;

  const lab = new LabPage(page);
  await lab.open();
  for (const c of commands) await lab.typeInTerminal(c);
  const expected = cli.trimEnd();
  await expect.poll(async () => (await lab.terminalText()).trimEnd()).toContain(expected);
  const text = (await lab.terminalText()).trimEnd();
  expect(text.startsWith(expected)).toBe(true);
});
