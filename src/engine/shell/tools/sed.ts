import type { CommandContext } from '../types';
import { getopt, usageError } from './getopt';
import { posixToJs } from './regex';

type Address = { kind: 'line'; n: number } | { kind: 'last' } | { kind: 're'; re: RegExp };

interface SedCommand {
  from?: Address;
  to?: Address;
  negate: boolean;
  name: string;
  /** s: pattern, replacement, flags; a/i/c: text; y: maps. */
  re?: RegExp;
  replacement?: string;
  global?: boolean;
  occurrence?: number;
  print?: boolean;
  text?: string;
  inRange?: boolean;
}

class SedError extends Error {
  constructor(
    readonly char: number,
    message: string,
  ) {
    super(message);
  }
}

/** Parses a sed script (`;`/newline separated) into commands. */
function parseScript(script: string, extended: boolean): SedCommand[] {
  const cmds: SedCommand[] = [];
  let i = 0;
  const regexAt = (delim: string): string => {
    let out = '';
    for (i++; i < script.length && script[i] !== delim; i++) {
      if (script[i] === '\\' && i + 1 < script.length) {
        out += script[i + 1] === delim ? delim : script[i]! + script[i + 1]!;
        i++;
      } else out += script[i];
    }
    if (i >= script.length) throw new SedError(i, `unterminated address regex`);
    i++;
    return out;
  };
  const address = (): Address | undefined => {
    const c = script[i];
    if (c === '$') {
      i++;
      return { kind: 'last' };
    }
    if (c !== undefined && /\d/.test(c)) {
      const m = /^\d+/.exec(script.slice(i))!;
      i += m[0].length;
      return { kind: 'line', n: Number(m[0]) };
    }
    if (c === '/') return { kind: 're', re: new RegExp(posixToJs(regexAt('/'), extended)) };
    return undefined;
  };
  while (i < script.length) {
    while (/[\s;]/.test(script[i] ?? '')) i++;
    if (i >= script.length) break;
    const cmd: SedCommand = { negate: false, name: '' };
    cmd.from = address();
    if (cmd.from && script[i] === ',') {
      i++;
      cmd.to = address();
    }
    while (script[i] === ' ') i++;
    if (script[i] === '!') {
      cmd.negate = true;
      i++;
    }
    const name = script[i++];
    if (name === undefined) throw new SedError(i, 'missing command');
    cmd.name = name;
    if (name === 's') {
      const delim = script[i];
      if (delim === undefined || delim === '\n' || delim === '\\') throw new SedError(i, "unterminated `s' command");
      const parts: string[] = [];
      let cur = '';
      for (i++; i < script.length && parts.length < 2; i++) {
        const c = script[i]!;
        if (c === '\\' && i + 1 < script.length) {
          cur += script[i + 1] === delim ? delim : c + script[i + 1];
          i++;
        } else if (c === delim) {
          parts.push(cur);
          cur = '';
        } else cur += c;
      }
      if (parts.length < 2) throw new SedError(i, "unterminated `s' command");
      const flags = /^[gpiI0-9]*/.exec(script.slice(i))![0];
      i += flags.length;
      cmd.global = flags.includes('g');
      cmd.print = flags.includes('p');
      cmd.occurrence = Number(/\d+/.exec(flags)?.[0] ?? 1);
      cmd.re = new RegExp(posixToJs(parts[0]!, extended), `g${/[iI]/.test(flags) ? 'i' : ''}`);
      cmd.replacement = parts[1]!;
    } else if ('aic'.includes(name)) {
      const m = /^\\?\n?[ \t]*([^\n]*)/.exec(script.slice(i))!;
      cmd.text = m[1]!.replace(/\\(.)/g, '$1');
      i += m[0].length;
    } else if (!'dpqPnN='.includes(name) && name !== '{' && name !== '}') {
      throw new SedError(i, `unknown command: \`${name}'`);
    }
    while (script[i] === ' ') i++;
    if (i < script.length && !/[;\n}]/.test(script[i]!)) throw new SedError(i + 1, name === 's' ? "unknown option to `s'" : 'extra characters after command');
    cmds.push(cmd);
  }
  return cmds;
}

function matches(a: Address, line: string, n: number, last: boolean): boolean {
  return a.kind === 'line' ? n === a.n : a.kind === 'last' ? last : a.re.test(line);
}

function selected(cmd: SedCommand, line: string, n: number, last: boolean): boolean {
  let hit: boolean;
  if (!cmd.from) hit = true;
  else if (!cmd.to) hit = matches(cmd.from, line, n, last);
  else if (cmd.inRange) {
    hit = true;
    if (cmd.to.kind === 'line' ? n >= cmd.to.n : matches(cmd.to, line, n, last)) cmd.inRange = false;
  } else if (matches(cmd.from, line, n, last)) {
    hit = true;
    cmd.inRange = !(cmd.to.kind === 'line' && cmd.to.n <= n);
  } else hit = false;
  return hit !== cmd.negate;
}

function substitute(cmd: SedCommand, line: string): { text: string; changed: boolean } {
  let count = 0;
  let changed = false;
  const text = line.replace(cmd.re!, (...m) => {
    count++;
    const whole = m[0] as string;
    if (!cmd.global && count !== cmd.occurrence) return whole;
    if (cmd.global && count < cmd.occurrence!) return whole;
    changed = true;
    return cmd.replacement!.replace(/\\([0-9n&\\t])|&/g, (r, g: string | undefined) => {
      if (g === undefined) return whole;
      if (g === 'n') return '\n';
      if (g === 't') return '\t';
      if (g === '&' || g === '\\') return g;
      return (m[Number(g)] as string | undefined) ?? '';
    });
  });
  return { text, changed };
}

function run(cmds: SedCommand[], input: string, quiet: boolean): string {
  const lines = input === '' ? [] : input.replace(/\n$/, '').split('\n');
  let out = '';
  for (let idx = 0; idx < lines.length; idx++) {
    let line = lines[idx]!;
    const n = idx + 1;
    const last = idx === lines.length - 1;
    let deleted = false;
    let quit = false;
    let append = '';
    for (const cmd of cmds) {
      if (cmd.name === '{' || cmd.name === '}' || !selected(cmd, line, n, last)) continue;
      if (cmd.name === 's') {
        const r = substitute(cmd, line);
        line = r.text;
        if (r.changed && cmd.print) out += `${line}\n`;
      } else if (cmd.name === 'd') {
        deleted = true;
        break;
      } else if (cmd.name === 'p' || cmd.name === 'P') out += `${line}\n`;
      else if (cmd.name === '=') out += `${n}\n`;
      else if (cmd.name === 'q') {
        quit = true;
        break;
      } else if (cmd.name === 'a') append += `${cmd.text}\n`;
      else if (cmd.name === 'i') out += `${cmd.text}\n`;
      else if (cmd.name === 'c') {
        out += `${cmd.text}\n`;
        deleted = true;
        break;
      }
    }
    if (!deleted && !quiet) out += `${line}\n`;
    out += append;
    if (quit) break;
  }
  return out;
}

/** GNU sed, a subset: `s///` (g, p, N, i), `d`, `p`, `q`, `a`/`i`/`c`, `=`, addresses, ranges, `!`, `-n`, `-i`, `-e`, `-E`. */
export function sed(ctx: CommandContext): number {
  // `-i` (in place) may be clustered with other flags (`-ni`); the suffix form `-i.bak` is not supported.
  let inPlace = false;
  const args: string[] = [];
  for (const a of ctx.argv.slice(1)) {
    if (a === '-i' || a === '--in-place') inPlace = true;
    else if (/^-[nErsu]*i[nErsu]*$/.test(a)) {
      inPlace = true;
      args.push(a.replace('i', ''));
    } else args.push(a);
  }
  const parsed = getopt(args, { flags: 'nErsu', values: 'ef', long: { quiet: 'n', silent: 'n', 'regexp-extended': 'E', 'expression=': 'e' } });
  if (!parsed.ok) return usageError(ctx.stderr, 'sed', parsed.message);
  const operands = [...parsed.operands];
  const scripts = parsed.opts.get('e') ?? (operands.length > 0 ? [operands.shift()!] : undefined);
  if (!scripts) {
    ctx.stderr('Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n\n');
    return 1;
  }
  let cmds: SedCommand[];
  try {
    cmds = parseScript(scripts.join('\n'), parsed.opts.has('E') || parsed.opts.has('r'));
  } catch (e) {
    if (!(e instanceof SedError)) throw e;
    ctx.stderr(`sed: -e expression #1, char ${e.char}: ${e.message}\n`);
    return 1;
  }
  const quiet = parsed.opts.has('n');
  let code = 0;
  if (inPlace) {
    if (operands.length === 0) {
      ctx.stderr('sed: no input files\n');
      return 1;
    }
    for (const name of operands) {
      const path = ctx.resolve(name);
      if (!ctx.fs.exists(path) || ctx.fs.isDir(path)) {
        ctx.stderr(ctx.fs.isDir(path) ? `sed: couldn't edit ${name}: not a regular file\n` : `sed: can't read ${name}: No such file or directory\n`);
        code = 4;
        continue;
      }
      for (const c of cmds) c.inRange = false;
      ctx.fs.writeFile(path, run(cmds, ctx.fs.readFile(path), quiet));
    }
    return code;
  }
  let input = '';
  for (const name of operands.length === 0 ? ['-'] : operands) {
    if (name === '-') input += ctx.stdin;
    else {
      const path = ctx.resolve(name);
      if (!ctx.fs.exists(path) || ctx.fs.isDir(path)) {
        ctx.stderr(ctx.fs.isDir(path) ? `sed: couldn't edit ${name}: not a regular file\n` : `sed: can't read ${name}: No such file or directory\n`);
        code = 2;
        continue;
      }
      const text = ctx.fs.readFile(path);
      input += text.endsWith('\n') || text === '' ? text : `${text}\n`;
    }
  }
  ctx.stdout(run(cmds, input, quiet));
  return code;
}
