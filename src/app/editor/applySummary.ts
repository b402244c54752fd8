/**
 * One line about a long kubectl answer (a 10,000-object Apply prints a line per object): how many
 * objects each operation touched, and how many errors, in kubectl's own words.
 */
const OBJECT_LINE = /^[\w.-]+\/\S+ (created|configured|unchanged|deleted|serverside-applied)(?: \(.*\))?$/;
const ERROR_LINE = /^(error:|Error from server|The \S+ "[^"]*" is invalid)/;

/** Above this many lines the result strip shows the summary and folds the lines away. */
export const LONG_OUTPUT_LINES = 50;

export function summarizeOutput(output: string): string {
  const counts = new Map<string, number>();
  let errors = 0;
  for (const line of output.split('\n')) {
    const op = OBJECT_LINE.exec(line)?.[1];
    if (op) counts.set(op, (counts.get(op) ?? 0) + 1);
    else if (ERROR_LINE.test(line)) errors++;
  }
  const parts = [...counts].map(([op, n]) => `${n.toLocaleString('en-US')} ${op}`);
  if (errors > 0) parts.push(`${errors.toLocaleString('en-US')} error${errors === 1 ? '' : 's'}`);
  return parts.length > 0 ? parts.join(', ') : 'no objects';
}
