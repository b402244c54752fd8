import { rdataText } from '../message';
import type { Question, ResourceRecord } from '../message';

/**
 * Emits the whitespace BIND's masterdump `indent()` would to get from column `from` to `to`:
 * at least one character, tabs to the last tab stop, then spaces.
 */
function indent(from: number, to: number, tabWidth = 8): [string, number] {
  const target = Math.max(to, from + 1);
  const tabs = Math.max(0, Math.floor(target / tabWidth) - Math.floor(from / tabWidth));
  const start = tabs > 0 ? Math.floor(target / tabWidth) * tabWidth : from;
  return ['\t'.repeat(tabs) + ' '.repeat(target - start), target];
}

/** dig's default style columns (ttl 24, class 32, type 40, rdata 48; bin/dig/dig.c). */
const COLUMNS = { ttl: 24, class: 32, type: 40, rdata: 48 } as const;

/** One record as dig prints it in a section. */
export function digRecordLine(rr: ResourceRecord): string {
  return line([rr.name, String(rr.ttl), rr.class, rr.type, rdataText(rr)]);
}

/** One question line as dig prints it (`;name.<tab>IN<tab>A`). */
export function digQuestionLine(q: Question): string {
  return line([`;${q.name}`, undefined, q.class, q.type]);
}

function line(fields: (string | undefined)[]): string {
  const cols = [0, COLUMNS.ttl, COLUMNS.class, COLUMNS.type, COLUMNS.rdata];
  let out = fields[0]!;
  let col = out.length;
  for (let i = 1; i < fields.length; i++) {
    const f = fields[i];
    if (f === undefined) continue;
    const [ws, at] = indent(col, cols[i]!);
    out += ws + f;
    col = at + f.length;
  }
  return out;
}

/** `Mon Jan 15 09:00:00 UTC 2026`, the form of dig's `;; WHEN:` line (ctime in the pod's TZ, UTC). */
export function ctimeUtc(ms: number): string {
  const d = new Date(ms);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}
