import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { createLearnerSession } from '../engine/cluster';
import { LabFileError, parseLab, runChecks, type CheckResult, type Lab, type LabCheck } from '../engine/lab';
import { Simulation } from '../engine/sim/Simulation';
import { parseFlags } from './parseFlags';
import { Transcript } from './transcript';

/**
 * `kubelab lab DIR [--seed S]`: proves a lab in CI. Boots a fresh cluster, and for each step
 * types its `commands` as a learner would (the transcript `kubelab shell` prints), then runs its
 * checks and prints one line per check. Exit 0 when every check passes, 1 when one fails, 2 when
 * the lab cannot be read.
 */
export async function runLab(args: string[], output: NodeJS.WritableStream & { isTTY?: boolean }, errors: NodeJS.WritableStream): Promise<number> {
  const flags = parseFlags(args, { seed: 'string' });
  const fail = (message: string) => (errors.write(`kubelab lab: ${message}\n`), 2);
  if (!flags.ok) return fail(flags.error);
  if (flags.positional.length !== 1) return fail('give one lab folder (kubelab lab DIR [--seed S])');
  const loaded = await loadLab(flags.positional[0]!);
  if (typeof loaded === 'string') return fail(loaded);

  const seed = flags.values.seed;
  const sim = new Simulation(typeof seed === 'string' ? { seed } : {});
  const session = createLearnerSession(sim, { advance: (ms) => sim.advance(ms) });
  const transcript = new Transcript(sim, session, output);
  let passed = 0;
  let total = 0;
  transcript.note(`# lab ${loaded.id}: ${loaded.title}\n`);
  loaded.steps.forEach((step, i) => {
    transcript.note(`# step ${i + 1} of ${loaded.steps.length}: ${step.title}\n`);
    for (const command of step.commands) for (const line of commandLines(command)) transcript.type(line);
    // The learner would press Ctrl+C on a watch before moving on; the checks look at the cluster now.
    transcript.finish();
    runChecks(sim, step.checks).forEach((result, j) => {
      total++;
      if (result.passed) passed++;
      transcript.note(describeCheck(step.checks[j]!, result));
    });
  });
  const failed = total - passed;
  transcript.note(failed === 0 ? `# lab passed: ${total} of ${total} checks\n` : `# lab failed: ${failed} of ${total} checks failed\n`);
  return failed === 0 ? 0 : 1;
}

/** The lab in DIR (or the lab.yaml named), or why it cannot be read. */
async function loadLab(path: string): Promise<Lab | string> {
  let file = path;
  try {
    if ((await stat(path)).isDirectory()) file = join(path, 'lab.yaml');
    const text = await readFile(file, 'utf8');
    return parseLab(file, text, labId(file));
  } catch (e) {
    if (e instanceof LabFileError) return e.message;
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? `${file}: no such file` : `${file}: ${(e as Error).message}`;
  }
}

/** The lab's folder name, as the browser names it (`01-cluster-dns`), however DIR was written (`.`). */
function labId(file: string): string {
  return basename(dirname(resolve(file)));
}

/** A command of a lab may span lines (a heredoc): they are typed one after the other. */
function commandLines(command: string): string[] {
  return command.replace(/\n$/, '').split('\n');
}

/**
 * `check passed: RUN`, or `check failed: RUN` and, indented, what was expected, what came, and
 * the hint. A stable format: CI logs and the golden test read it.
 */
export function describeCheck(check: LabCheck, result: CheckResult): string {
  if (result.passed) return `check passed: ${check.run}\n`;
  const lines = [`check failed: ${check.run}`];
  if (result.problem === 'still-running') lines.push('  the command was still running (a check does not wait: time stands still)');
  else if (result.problem === 'unfinished-line') lines.push('  the command line is unfinished');
  else if (check.expect !== undefined) lines.push(labelled('expected', check.expect), labelled('got', result.output));
  else if (check.match !== undefined) lines.push(labelled('expected a match of', check.match), labelled('got', result.output));
  else lines.push(`  expected exit status 0, got ${result.exitCode}`, labelled('output', result.output));
  if (check.hint !== undefined) lines.push(labelled('hint', check.hint));
  return `${lines.join('\n')}\n`;
}

/** `  label: text` for one line; several lines go below the label, indented by four spaces. */
function labelled(label: string, text: string): string {
  const trimmed = text.replace(/\s+$/, '');
  if (trimmed === '') return `  ${label}: (no output)`;
  const lines = trimmed.split('\n');
  return lines.length === 1 ? `  ${label}: ${trimmed}` : `  ${label}:\n${lines.map((l) => `    ${l}`).join('\n')}`;
}
