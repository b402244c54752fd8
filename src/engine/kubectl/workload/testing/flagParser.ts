/**
 * A small cobra/pflag-style parser for tests of the workload verbs, until kubectl's real
 * dispatcher lands: long and short flags, `--x=v` and `--x v`, grouped short booleans (`-it`),
 * `--` ending flags, and kubectl's global `-n/--namespace`.
 */
import type { FlagDef, FlagValue, ParsedFlags, Verb } from '../../verb';

const GLOBAL_FLAGS: FlagDef[] = [{ name: 'namespace', short: 'n', kind: 'string', default: '', usage: 'namespace' }];

export interface ParsedArgs {
  flags: ParsedFlags;
  args: string[];
  afterDash: string[];
  /** Index of `--` among the positional arguments (cobra's ArgsLenAtDash), -1 when absent. */
  dashAt: number;
}

/** Parses a Go-style duration (`30s`, `1m30s`, `500ms`) into milliseconds. */
export function parseDuration(v: string): number {
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;
  let total = 0;
  let matched = '';
  for (let m = re.exec(v); m; m = re.exec(v)) {
    matched += m[0];
    total += Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 'ms' | 's' | 'm' | 'h'];
  }
  if (matched !== v) throw new Error(`invalid duration "${v}"`);
  return total;
}

function convert(def: FlagDef, raw: string, prev: FlagValue | undefined): FlagValue {
  switch (def.kind) {
    case 'bool':
      return raw === 'true' || raw === '';
    case 'int': {
      if (!/^-?\d+$/.test(raw)) throw new Error(`invalid argument "${raw}" for "--${def.name}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`);
      return Number(raw);
    }
    case 'duration':
      return parseDuration(raw);
    case 'stringArray':
      return [...(Array.isArray(prev) ? prev : []), raw];
    default:
      return raw;
  }
}

/** Parses `argv` (after the verb) against the verb's flags plus the global ones. */
export function parseFlags(verb: Verb, argv: string[]): ParsedArgs {
  const defs = [...GLOBAL_FLAGS, ...verb.flags];
  const values = new Map<string, FlagValue>();
  const args: string[] = [];
  let afterDash: string[] = [];
  let dashAt = -1;
  const set = (def: FlagDef, raw: string) => values.set(def.name, convert(def, raw, values.get(def.name)));
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      dashAt = args.length;
      afterDash = argv.slice(i + 1);
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const def = defs.find((d) => d.name === name);
      if (!def) throw new Error(`unknown flag: --${name}`);
      if (eq >= 0) set(def, a.slice(eq + 1));
      else if (def.kind === 'bool') set(def, 'true');
      // pflag NoOptDefVal: a bare --dry-run means "unchanged" (kubectl then rejects it).
      else if (name === 'dry-run') set(def, 'unchanged');
      else if (i + 1 < argv.length) set(def, argv[++i]!);
      else throw new Error(`flag needs an argument: --${name}`);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const def = defs.find((d) => d.short === a[j]);
        if (!def) throw new Error(`unknown shorthand flag: '${a[j]}' in ${a}`);
        if (def.kind === 'bool') {
          set(def, 'true');
          continue;
        }
        const rest = a.slice(j + 1).replace(/^=/, '');
        if (rest) set(def, rest);
        else if (i + 1 < argv.length) set(def, argv[++i]!);
        else throw new Error(`flag needs an argument: '${a[j]}' in ${a}`);
        break;
      }
      continue;
    }
    args.push(a);
  }
  const flags: ParsedFlags = {
    get: <T extends FlagValue = FlagValue>(name: string) => (values.has(name) ? values.get(name) : defs.find((d) => d.name === name)?.default) as T | undefined,
    has: (name) => values.has(name),
  };
  return { flags, args, afterDash, dashAt };
}
