import { parseFlags } from '../parseFlags';
import { benchmarks } from './registry';
import type { Figure } from './types';

/** `kubelab bench`: runs every registered benchmark and prints the figures. */
export async function runBench(args: string[]): Promise<number> {
  const flags = parseFlags(args, { json: 'boolean', only: 'string' });
  if (!flags.ok) {
    process.stderr.write(`kubelab bench: ${flags.error}\n`);
    return 2;
  }
  const only = typeof flags.values.only === 'string' ? flags.values.only : undefined;
  const figures: Figure[] = [];
  for (const b of benchmarks) {
    if (only && !b.name.includes(only)) continue;
    figures.push(...(await b.run()));
  }
  if (flags.values.json) process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  else process.stdout.write(formatTable(figures));
  return 0;
}

export function meetsTarget(f: Figure): boolean | undefined {
  if (!f.target) return undefined;
  if (f.target.max !== undefined && f.value > f.target.max) return false;
  if (f.target.min !== undefined && f.value < f.target.min) return false;
  return true;
}

export function formatTable(figures: Figure[]): string {
  const rows = [['BENCHMARK', 'METRIC', 'VALUE', 'TARGET', 'OK']];
  for (const f of figures) {
    const t = f.target ? [f.target.max !== undefined ? `<= ${f.target.max}` : '', f.target.min !== undefined ? `>= ${f.target.min}` : ''].filter(Boolean).join(' ') + ` ${f.unit}` : '';
    const ok = meetsTarget(f);
    rows.push([f.benchmark, f.metric, `${f.value} ${f.unit}`, t, ok === undefined ? '' : ok ? 'yes' : 'NO']);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]! + 3))).join('').trimEnd()).join('\n') + '\n';
}
