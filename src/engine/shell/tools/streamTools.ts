/**
 * Tools that write as they go ({@link StreamCommand}s): in a pipeline their reader runs them
 * only as far as it needs, so `yes | head -3` and `cat /dev/urandom | tr -dc a-z | head -c 8` end.
 * Each yields after a write.
 */
import { byteLength, headBytes } from '../streams/bytes';
import { DEVICE_BLOCK } from '../streams/streamCommand';
import type { StreamContext } from '../types';
import { STRERROR, VfsError } from '../vfs/Vfs';
import { getopt, usageError } from './getopt';
import { isStdinLink } from './lines';

/** What `yes` writes at once: copies of its line filling a stdio buffer (coreutils fills BUFSIZ). */
const YES_BUFFER = 8192;

/** `yes [STRING]...`: the operands joined by spaces (or `y`), line after line, until its reader goes. */
export function* yes(ctx: StreamContext): Generator<void, number, void> {
  const args = ctx.argv.slice(1);
  // GNU yes knows only --help and --version; other options are errors. Busybox prints every argument.
  let operands = args;
  if (ctx.machine.flavor !== 'ash') {
    const end = args.indexOf('--');
    const opts = end < 0 ? args : args.slice(0, end);
    const bad = opts.find((a) => a.startsWith('-') && a !== '-');
    if (bad !== undefined) return usageError(ctx.stderr, 'yes', bad.startsWith('--') ? `unrecognized option '${bad}'` : `invalid option -- '${bad[1]}'`);
    if (end >= 0) operands = [...args.slice(0, end), ...args.slice(end + 1)];
  }
  const line = `${operands.length === 0 ? 'y' : operands.join(' ')}\n`;
  const block = line.repeat(Math.max(1, Math.floor(YES_BUFFER / line.length)));
  ctx.outputEndless = true;
  for (;;) {
    ctx.stdout(block);
    yield;
  }
}

/** `cat [-n] [FILE]...`: files, endless devices a block at a time, and stdin as it comes. */
export function* cat(ctx: StreamContext): Generator<void, number, void> {
  const o = getopt(ctx.argv.slice(1), { flags: 'nAEv', long: { number: 'n' } });
  if (!o.ok) return usageError(ctx.stderr, 'cat', o.message);
  const names = o.operands.length === 0 ? ['-'] : o.operands;
  const fromStdin = (name: string) => name === '-' || isStdinLink(ctx, name);
  // Endless with an endless device; with stdin, as endless as stdin is (the default).
  if (names.some((name) => !fromStdin(name) && ctx.fs.isEndless(ctx.resolve(name)))) ctx.outputEndless = true;
  else if (!names.some(fromStdin)) ctx.outputEndless = false;
  let code = 0;
  const number = lineNumberer(o.opts.has('n'));
  for (const name of names) {
    if (fromStdin(name)) {
      for (let piece = ctx.read(); piece !== undefined; piece = ctx.read()) {
        ctx.stdout(number(piece));
        yield;
      }
      continue;
    }
    const path = ctx.resolve(name);
    try {
      if (ctx.fs.isEndless(path)) {
        for (;;) {
          ctx.stdout(number(ctx.fs.readFile(path, DEVICE_BLOCK)));
          yield;
        }
      }
      ctx.stdout(number(ctx.fs.readFile(path)));
      yield;
    } catch (e) {
      if (!(e instanceof VfsError)) throw e;
      // Busybox (the ash machines) words it through open_or_warn(): can't open 'x': ...
      ctx.stderr(ctx.machine.flavor === 'ash' && e.code !== 'EISDIR' ? `cat: can't open '${name}': ${STRERROR[e.code]}\n` : `cat: ${name}: ${STRERROR[e.code]}\n`);
      code = 1;
    }
  }
  return code;
}

/** `cat -n`: numbers each line as it starts, across pieces and files (`%6d\t`). */
function lineNumberer(on: boolean): (text: string) => string {
  let lineNo = 0;
  let atStart = true;
  return (text) => {
    if (!on || text === '') return text;
    let out = '';
    for (const piece of text.split(/(?<=\n)/)) {
      if (atStart) out += `${String(++lineNo).padStart(6)}\t`;
      out += piece;
      atStart = piece.endsWith('\n');
    }
    return out;
  };
}

/**
 * `fold [-b] [-s] [-w WIDTH] [FILE]...`, coreutils' fold.c: breaks lines longer than WIDTH
 * columns (a tab to the next multiple of 8, backspace back one, carriage return to 0; -b counts
 * bytes), with -s after the last blank that fits.
 */
export function* fold(ctx: StreamContext): Generator<void, number, void> {
  // `-5` is `-w 5` (fold's obsolete form), unless it is -w's own value.
  const args = ctx.argv.slice(1).map((a, i, all) => (/^-\d+$/.test(a) && all[i - 1] !== '-w' ? `-w${a.slice(1)}` : a));
  const o = getopt(args, { flags: 'bs', values: 'w', long: { bytes: 'b', spaces: 's', 'width=': 'w' } });
  if (!o.ok) return usageError(ctx.stderr, 'fold', o.message);
  const rawWidth = o.opts.get('w')?.at(-1) ?? '80';
  // xnumtoimax: 0 is out of range (ERANGE's message); anything else that is not a count is invalid.
  if (!/^\+?\d+$/.test(rawWidth) || Number(rawWidth) < 1) {
    ctx.stderr(`fold: invalid number of columns: ‘${rawWidth}’${/^\+?\d+$/.test(rawWidth) ? ': Numerical result out of range' : ''}\n`);
    return 1;
  }
  const width = Number(rawWidth);
  const countBytes = o.opts.has('b');
  const breakSpaces = o.opts.has('s');
  const advance = (column: number, c: string): number => {
    if (countBytes) return column + byteLength(c);
    if (c === '\b') return column > 0 ? column - 1 : 0;
    if (c === '\r') return 0;
    if (c === '\t') return column + 8 - (column % 8);
    return column + byteLength(c);
  };
  let code = 0;
  for (const name of o.operands.length === 0 ? ['-'] : o.operands) {
    let line = '';
    let column = 0;
    const foldPiece = (piece: string): string => {
      let out = '';
      for (const c of piece) {
        if (c === '\n') {
          out += `${line}\n`;
          line = '';
          column = 0;
          continue;
        }
        for (;;) {
          column = advance(column, c);
          if (column <= width) break;
          if (breakSpaces) {
            const blank = Math.max(line.lastIndexOf(' '), line.lastIndexOf('\t'));
            if (blank >= 0) {
              out += `${line.slice(0, blank + 1)}\n`;
              line = line.slice(blank + 1);
              column = [...line].reduce(advance, 0);
              continue;
            }
          }
          if (line === '') break;
          out += `${line}\n`;
          line = '';
          column = 0;
        }
        line += c;
      }
      return out;
    };
    if (name === '-' || isStdinLink(ctx, name)) {
      for (let piece = ctx.read(); piece !== undefined; piece = ctx.read()) {
        ctx.stdout(foldPiece(piece));
        yield;
      }
    } else {
      let text: string;
      try {
        text = ctx.fs.readFile(ctx.resolve(name));
      } catch (e) {
        if (!(e instanceof VfsError)) throw e;
        ctx.stderr(`fold: ${name}: ${STRERROR[e.code]}\n`);
        code = 1;
        continue;
      }
      ctx.stdout(foldPiece(text));
    }
    ctx.stdout(line);
    yield;
  }
  return code;
}

/** The first `count` lines of `text` (all of it when it has fewer), and how many it had. */
export function headLines(text: string, count: number): { text: string; lines: number } {
  let end = 0;
  let lines = 0;
  while (lines < count) {
    const nl = text.indexOf('\n', end);
    if (nl < 0) return { text, lines };
    end = nl + 1;
    lines++;
  }
  return { text: text.slice(0, end), lines };
}

/** Takes from `read` until `count` bytes or lines have come, writing them; returns when done. */
export function* takeFrom(ctx: StreamContext, unit: 'bytes' | 'lines', count: number): Generator<void, void, void> {
  let left = count;
  while (left > 0) {
    const piece = ctx.read();
    if (piece === undefined) return;
    const part = unit === 'bytes' ? { text: headBytes(piece, left), lines: 0 } : headLines(piece, left);
    left -= unit === 'bytes' ? byteLength(part.text) : part.lines;
    ctx.stdout(part.text);
    // Done once it has them: head ends at once, without waiting to read again.
    if (left <= 0) return;
    yield;
  }
}
