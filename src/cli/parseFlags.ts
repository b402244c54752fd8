export type FlagSpec = Record<string, 'string' | 'boolean'>;
export type FlagValues = Record<string, string | boolean | undefined>;

/** Parses `--name value`, `--name=value` and boolean `--name` flags; positional words are returned. */
export function parseFlags(args: string[], spec: FlagSpec): { ok: true; values: FlagValues; positional: string[] } | { ok: false; error: string } {
  const values: FlagValues = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    const kind = spec[name];
    if (!kind) return { ok: false, error: `unknown flag --${name}` };
    if (kind === 'boolean') {
      values[name] = inline === undefined ? true : inline !== 'false';
      continue;
    }
    const value = inline ?? args[++i];
    if (value === undefined) return { ok: false, error: `flag --${name} needs a value` };
    values[name] = value;
  }
  return { ok: true, values, positional };
}
