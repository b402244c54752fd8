/**
 * GNU diff's output styles: normal (normal.c) and unified (context.c), hunks grouped as find_hunk
 * groups them, ranges numbered as print_number_range / print_unidiff_number_range number them.
 */
import type { Change } from './analyze';

/** A file's lines as diff reads them: each with its newline, the last one possibly without. */
export function fileLines(text: string): string[] {
  return text === '' ? [] : text.split(/(?<=\n)/);
}

const NO_NEWLINE = '\\ No newline at end of file\n';

/** print_1_line: the flag, the line, and the marker when the file's last line has no newline. */
function line(flag: string, text: string): string {
  return text.endsWith('\n') ? `${flag}${text}` : `${flag}${text}\n${NO_NEWLINE}`;
}

/** Groups changes into hunks: a change joins the previous one when fewer than 2*context+1 lines separate them. */
function hunks(script: Change[], context: number): Change[][] {
  const out: Change[][] = [];
  for (const c of script) {
    const last = out.at(-1);
    const prev = last?.at(-1);
    if (last && prev && c.line0 - (prev.line0 + prev.deleted) < 2 * context + 1) last.push(c);
    else out.push([c]);
  }
  return out;
}

/** `a,b` for several lines, `b` for one or none (the line before an insertion point). */
function normalRange(first: number, last: number): string {
  return last > first ? `${first + 1},${last + 1}` : `${last + 1}`;
}

export function normalFormat(a: string[], b: string[], script: Change[]): string {
  let out = '';
  for (const c of script) {
    const letter = c.deleted === 0 ? 'a' : c.inserted === 0 ? 'd' : 'c';
    out += `${normalRange(c.line0, c.line0 + c.deleted - 1)}${letter}${normalRange(c.line1, c.line1 + c.inserted - 1)}\n`;
    for (let i = 0; i < c.deleted; i++) out += line('< ', a[c.line0 + i]!);
    if (c.deleted > 0 && c.inserted > 0) out += '---\n';
    for (let i = 0; i < c.inserted; i++) out += line('> ', b[c.line1 + i]!);
  }
  return out;
}

/** `start,count`; a single line is just its number; an empty range names the line before it with count 0. */
function unifiedRange(first: number, last: number): string {
  const a = first + 1;
  const b = last + 1;
  if (b <= a) return b < a ? `${b},0` : `${b}`;
  return `${a},${b - a + 1}`;
}

/** The hunks of a unified diff (without the ---/+++ header). */
export function unifiedHunks(a: string[], b: string[], script: Change[], context: number): string {
  let out = '';
  for (const hunk of hunks(script, context)) {
    const head = hunk[0]!;
    const tail = hunk.at(-1)!;
    const first0 = Math.max(head.line0 - context, 0);
    const first1 = Math.max(head.line1 - context, 0);
    let last0 = tail.line0 + tail.deleted - 1;
    let last1 = tail.line1 + tail.inserted - 1;
    last0 = last0 < a.length - context ? last0 + context : a.length - 1;
    last1 = last1 < b.length - context ? last1 + context : b.length - 1;
    out += `@@ -${unifiedRange(first0, last0)} +${unifiedRange(first1, last1)} @@\n`;
    let i = first0;
    let k = 0;
    while (i <= last0 || k < hunk.length) {
      const next = hunk[k];
      if (!next || i < next.line0) {
        out += line(' ', a[i++]!);
        continue;
      }
      for (let n = 0; n < next.deleted; n++) out += line('-', a[i++]!);
      for (let n = 0; n < next.inserted; n++) out += line('+', b[next.line1 + n]!);
      k++;
    }
  }
  return out;
}
