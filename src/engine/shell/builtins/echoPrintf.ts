import { joinBytes } from '../streams/bytes';
import { decodeEscape } from '../parser/parse';
import type { CommandContext } from '../types';

/**
 * dash's echo builtin (bltin/printf.c echocmd): only an exact first `-n` is an option, and
 * backslash escapes always apply (`\c` ends the output).
 */
function dashEcho(ctx: CommandContext): number {
  const args = ctx.argv.slice(1);
  const newline = args[0] !== '-n';
  if (!newline) args.shift();
  const r = interpretEscapes(args.join(' '), false);
  ctx.stdout(joinBytes(newline && !r.stop ? `${r.text}\n` : r.text));
  return 0;
}

/** `echo [-neE] ARGS`: bash's builtin, which also takes combined flags like `-ne`; dash's in dash. */
export function echo(ctx: CommandContext): number {
  if (ctx.shell.identity().flavor === 'dash' && ctx.argv[0] === 'echo') return dashEcho(ctx);
  const args = ctx.argv.slice(1);
  let newline = true;
  let escapes = false;
  while (args.length > 0 && /^-[neE]+$/.test(args[0]!)) {
    for (const f of args.shift()!.slice(1)) {
      if (f === 'n') newline = false;
      else if (f === 'e') escapes = true;
      else escapes = false;
    }
  }
  let text = args.join(' ');
  if (escapes) {
    const r = interpretEscapes(text, false);
    text = r.text;
    if (r.stop) newline = false;
  }
  ctx.stdout(joinBytes(newline ? `${text}\n` : text));
  return 0;
}

/** Backslash escapes of `echo -e` and printf's `%b`; `\c` stops all further output. */
export function interpretEscapes(s: string, printfFormat: boolean): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c !== '\\' || i + 1 >= s.length) {
      out += c;
      continue;
    }
    if (s[i + 1] === 'c') return { text: out, stop: true };
    const { text, length } = decodeEscape(s, i + 1, printfFormat);
    out += text;
    i += length;
  }
  return { text: out, stop: false };
}

/** `printf FORMAT [ARGS...]`: the format is reused until the arguments run out, as bash does. */
export function printf(ctx: CommandContext, label: string): number {
  const args = ctx.argv.slice(1);
  if (args[0] === '--') args.shift();
  const format = args.shift();
  if (format === undefined) {
    ctx.stderr(`${label}: printf: usage: printf [-v var] format [arguments]\n`);
    return 2;
  }
  let code = 0;
  let out = '';
  let first = true;
  while (first || args.length > 0) {
    first = false;
    let consumed = false;
    const rendered = format.replace(/%([-+ #0]*)(\d+|\*)?(?:\.(\d+))?([sdioxXfeEgGcbq%])|\\(?:[0-7]{1,3}|x[0-9a-fA-F]{1,2}|.)/g, (m, flags: string, width: string | undefined, prec: string | undefined, conv: string | undefined) => {
      if (m.startsWith('\\')) return interpretEscapes(m, true).text;
      if (conv === '%') return '%';
      consumed = true;
      const arg = args.shift();
      let s: string;
      switch (conv) {
        case 's':
          s = arg ?? '';
          if (prec !== undefined) s = s.slice(0, Number(prec));
          break;
        case 'b':
          s = interpretEscapes(arg ?? '', false).text;
          break;
        case 'q':
          s = arg === undefined || arg === '' ? "''" : /^[A-Za-z0-9_./=:,+-]+$/.test(arg) ? arg : arg.replace(/[^A-Za-z0-9_./=:,+-]/g, '\\$&');
          break;
        case 'c':
          s = (arg ?? '').slice(0, 1);
          break;
        default: {
          const n = toNumber(arg ?? '0');
          if (n === undefined) {
            ctx.stderr(`${label}: printf: ${arg}: invalid number\n`);
            code = 1;
          }
          const v = n ?? 0;
          if (conv === 'd' || conv === 'i') s = String(Math.trunc(v));
          else if (conv === 'x') s = Math.trunc(v).toString(16);
          else if (conv === 'X') s = Math.trunc(v).toString(16).toUpperCase();
          else if (conv === 'o') s = Math.trunc(v).toString(8);
          else if (conv === 'e' || conv === 'E') s = v.toExponential(prec === undefined ? 6 : Number(prec)).replace(/e([+-])(\d)$/, 'e$10$2');
          else s = v.toFixed(prec === undefined ? 6 : Number(prec));
          if (flags.includes('+') && v >= 0) s = `+${s}`;
          if (flags.includes('0') && !flags.includes('-') && width) s = s.padStart(Number(width), '0');
        }
      }
      const w = width === '*' ? Number(args.shift() ?? 0) : Number(width ?? 0);
      return flags.includes('-') ? s.padEnd(w) : s.padStart(w);
    });
    out += rendered;
    if (!consumed) break;
  }
  ctx.stdout(joinBytes(out));
  return code;
}

function toNumber(s: string): number | undefined {
  const t = s.trim();
  if (/^[+-]?\d+(\.\d+)?$/.test(t)) return Number(t);
  if (/^[+-]?0x[0-9a-f]+$/i.test(t)) return parseInt(t, 16);
  if (/^'.|^".$/.test(t)) return t.charCodeAt(1);
  return undefined;
}
