/**
 * pflag's command-line grammar as kubectl uses it: `--name=value`, `--name value`, `-n value`,
 * `-nvalue`, `-n=value`, combined bool shorthands (`-Aw`), `--` to stop, flags anywhere
 * (interspersed), repeated flags (last wins, arrays append), and pflag's exact error texts.
 */
import type { FlagDef, FlagValue, ParsedFlags } from '../verb';

/** A flag-parsing failure; `message` is pflag's text (kubectl prefixes `error: `). */
export class FlagError extends Error {}

export interface ParsedArgv {
  flags: ParsedFlags;
  args: string[];
  afterDash: string[];
  /** Names of the flags set on the command line, in order. */
  setNames: string[];
}

/** Go's strconv.ParseBool. */
function parseBool(v: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) return false;
  return undefined;
}

/** Go's time.ParseDuration, in milliseconds (undefined when invalid). */
export function parseGoDuration(s: string): number | undefined {
  if (s === '0') return 0;
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/gy;
  const units: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  let body = s;
  let sign = 1;
  if (body.startsWith('-') || body.startsWith('+')) {
    sign = body.startsWith('-') ? -1 : 1;
    body = body.slice(1);
  }
  if (body === '') return undefined;
  let total = 0;
  let pos = 0;
  re.lastIndex = 0;
  while (pos < body.length) {
    re.lastIndex = pos;
    const m = re.exec(body);
    if (!m) return undefined;
    total += Number(m[1]) * units[m[2]!]!;
    pos = re.lastIndex;
  }
  return sign * total;
}

function flagLabel(def: FlagDef): string {
  return def.short ? `-${def.short}, --${def.name}` : `--${def.name}`;
}

function convert(def: FlagDef, raw: string): FlagValue {
  switch (def.kind) {
    case 'bool': {
      const b = parseBool(raw);
      if (b === undefined) throw new FlagError(`invalid argument ${JSON.stringify(raw)} for ${JSON.stringify(flagLabel(def))} flag: strconv.ParseBool: parsing ${JSON.stringify(raw)}: invalid syntax`);
      return b;
    }
    case 'int': {
      if (!/^[+-]?\d+$/.test(raw)) throw new FlagError(`invalid argument ${JSON.stringify(raw)} for ${JSON.stringify(flagLabel(def))} flag: strconv.ParseInt: parsing ${JSON.stringify(raw)}: invalid syntax`);
      return Number(raw);
    }
    case 'duration': {
      const d = parseGoDuration(raw);
      if (d === undefined) throw new FlagError(`invalid argument ${JSON.stringify(raw)} for ${JSON.stringify(flagLabel(def))} flag: time: invalid duration ${JSON.stringify(raw)}`);
      return d;
    }
    default:
      return raw;
  }
}

/** The parsed values: explicit ones, else defaults (arrays default to `[]`). */
class Values implements ParsedFlags {
  constructor(
    private readonly defs: Map<string, FlagDef>,
    private readonly values: Map<string, FlagValue>,
  ) {}
  get<T extends FlagValue = FlagValue>(name: string): T | undefined {
    if (this.values.has(name)) return this.values.get(name) as T;
    const def = this.defs.get(name);
    if (!def) return undefined;
    if (def.default !== undefined) return def.default as T;
    return (def.kind === 'stringArray' ? [] : undefined) as T | undefined;
  }
  has(name: string): boolean {
    return this.values.has(name);
  }
}

/** Parses `argv` (everything after the command path) against `defs`. Throws {@link FlagError}. */
export function parseArgv(argv: string[], defs: FlagDef[]): ParsedArgv {
  const byName = new Map(defs.map((d) => [d.name, d]));
  const byShort = new Map(defs.filter((d) => d.short).map((d) => [d.short!, d]));
  const values = new Map<string, FlagValue>();
  const setNames: string[] = [];
  const args: string[] = [];
  let afterDash: string[] = [];
  const assign = (def: FlagDef, raw: string): void => {
    const v = convert(def, raw);
    if (def.kind === 'stringArray') {
      const prev = (values.get(def.name) as string[] | undefined) ?? [];
      values.set(def.name, [...prev, raw]);
    } else values.set(def.name, v);
    setNames.push(def.name);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      afterDash = argv.slice(i + 1);
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const def = byName.get(name);
      if (!def) throw new FlagError(`unknown flag: --${name}`);
      if (eq >= 0) assign(def, a.slice(eq + 1));
      else if (def.kind === 'bool') assign(def, 'true');
      else if (def.noOptDefault !== undefined) assign(def, def.noOptDefault);
      else if (i + 1 < argv.length) assign(def, argv[++i]!);
      else throw new FlagError(`flag needs an argument: --${name}`);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      let rest = a.slice(1);
      while (rest.length > 0) {
        const c = rest[0]!;
        const def = byShort.get(c);
        if (!def) throw new FlagError(`unknown shorthand flag: '${c}' in ${a}`);
        if (rest.length > 2 && rest[1] === '=') {
          assign(def, rest.slice(2));
          break;
        }
        if (def.kind === 'bool') {
          assign(def, 'true');
          rest = rest.slice(1);
          continue;
        }
        if (rest.length > 1) assign(def, rest.slice(1));
        else if (i + 1 < argv.length) assign(def, argv[++i]!);
        else throw new FlagError(`flag needs an argument: '${c}' in -${c}`);
        break;
      }
      continue;
    }
    args.push(a);
  }
  return { flags: new Values(byName, values), args, afterDash, setNames };
}

/**
 * cobra's `stripFlags` for finding the sub-command: drops flags and, for flags that are not
 * known bools, the value that follows them.
 */
export function positionalWords(argv: string[], defs: FlagDef[]): string[] {
  const bools = new Set(defs.filter((d) => d.kind === 'bool').flatMap((d) => [`--${d.name}`, ...(d.short ? [`-${d.short}`] : [])]));
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a.startsWith('--') && !a.includes('=') && !bools.has(a)) {
      i++;
      continue;
    }
    if (a.startsWith('-') && !a.startsWith('--') && !a.includes('=') && a.length === 2 && !bools.has(a)) {
      i++;
      continue;
    }
    if (a.startsWith('-') && a.length > 1) continue;
    out.push(a);
  }
  return out;
}
