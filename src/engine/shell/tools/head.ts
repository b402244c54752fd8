import { headBytes } from '../streams/bytes';
import type { StreamContext } from '../types';
import { STRERROR, VfsError } from '../vfs/Vfs';
import { getopt, usageError } from './getopt';
import { headOfDevice, isStdinLink } from './lines';
import { headLines, takeFrom } from './streamTools';
import { headOrTail, legacyCount } from './textTools';

/**
 * `head [-n N|-c N] [-qv] [FILE]...`: reads only what it prints, then stops, as coreutils' head
 * does, so a writer before it in a pipeline meets a closed pipe. `-n -N`/`-c -N` (all but the
 * last N) read to the end, as the plain tool.
 */
export function* head(ctx: StreamContext): Generator<void, number, void> {
  ctx.outputEndless = false;
  const o = getopt(legacyCount(ctx.argv.slice(1)), { flags: 'qvf', values: 'nc', long: { 'lines=': 'n', 'bytes=': 'c', quiet: 'q', silent: 'q', verbose: 'v' } });
  if (!o.ok) return usageError(ctx.stderr, 'head', o.message);
  const unit = o.opts.has('c') ? 'bytes' : 'lines';
  const raw = o.opts.get(unit === 'bytes' ? 'c' : 'n')?.at(-1) ?? '10';
  const m = /^\+?(\d+)$/.exec(raw);
  if (!m) return headOrTail(ctx, 'head');
  const count = Number(m[1]);
  const names = o.operands.length === 0 ? ['-'] : o.operands;
  const headers = o.opts.has('v') || (names.length > 1 && !o.opts.has('q'));
  let first = true;
  let code = 0;
  for (const name of names) {
    let text: string | undefined;
    if (name !== '-' && !isStdinLink(ctx, name)) {
      const path = ctx.resolve(name);
      try {
        text = ctx.fs.isEndless(path) ? headOfDevice(ctx, path, unit, count) : ctx.fs.readFile(path);
      } catch (e) {
        if (!(e instanceof VfsError)) throw e;
        // coreutils: "cannot open %s for reading"; busybox: open_or_warn's "can't open '%s'".
        ctx.stderr(ctx.machine.flavor === 'ash' ? `head: can't open '${name}': ${STRERROR[e.code]}\n` : `head: cannot open '${name}' for reading: ${STRERROR[e.code]}\n`);
        code = 1;
        continue;
      }
    }
    if (headers) ctx.stdout(`${first ? '' : '\n'}==> ${name === '-' ? 'standard input' : name} <==\n`);
    first = false;
    if (text === undefined) yield* takeFrom(ctx, unit, count);
    else ctx.stdout(unit === 'bytes' ? headBytes(text, count) : headLines(text, count).text);
  }
  return code;
}
