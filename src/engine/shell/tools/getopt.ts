/**
 * GNU getopt_long as coreutils use it: clustered short flags (`-rf`), attached or separate
 * values (`-n5`, `-n 5`), long options (`--lines=5`), `--` to stop, operands anywhere.
 */
export interface OptSpec {
  /** Short flags without a value, e.g. `'rfv'`. */
  flags?: string;
  /** Short options that take a value, e.g. `'nk'`. */
  values?: string;
  /** Long names mapped to their short letter (or to themselves), with `=` when they take a value: `{ 'lines=': 'n' }`. */
  long?: Record<string, string>;
}

export type OptResult =
  | { ok: true; opts: Map<string, string[]>; operands: string[] }
  | { ok: false; message: string };

export function getopt(args: string[], spec: OptSpec): OptResult {
  const opts = new Map<string, string[]>();
  const add = (k: string, v: string) => opts.set(k, [...(opts.get(k) ?? []), v]);
  const operands: string[] = [];
  const flags = spec.flags ?? '';
  const values = spec.values ?? '';
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const withValue = spec.long?.[`${name}=`];
      const plain = spec.long?.[name];
      if (withValue !== undefined) {
        const v = eq < 0 ? args[++i] : a.slice(eq + 1);
        if (v === undefined) return { ok: false, message: `option '--${name}' requires an argument` };
        add(withValue, v);
      } else if (plain !== undefined) {
        if (eq >= 0) return { ok: false, message: `option '--${name}' doesn't allow an argument` };
        add(plain, '');
      } else return { ok: false, message: `unrecognized option '${a}'` };
      continue;
    }
    if (a.length < 2 || !a.startsWith('-')) {
      operands.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      if (values.includes(c)) {
        const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        if (v === undefined) return { ok: false, message: `option requires an argument -- '${c}'` };
        add(c, v);
        break;
      }
      if (!flags.includes(c)) return { ok: false, message: `invalid option -- '${c}'` };
      add(c, '');
    }
  }
  return { ok: true, opts, operands };
}

/** Prints a getopt failure the way coreutils do and returns the tool's usage exit code. */
export function usageError(stderr: (t: string) => void, tool: string, message: string, code = 1): number {
  stderr(`${tool}: ${message}\nTry '${tool} --help' for more information.\n`);
  return code;
}
