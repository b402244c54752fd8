/**
 * Go's `time.Parse(time.RFC3339, s)` as `kubectl logs --since-time` runs it (kubectl
 * `util.ParseRFC3339`), with the errors Go words: the layout `2006-01-02T15:04:05Z07:00` walked
 * element by element as time/format.go's `parse` does (a fraction after the seconds is taken even
 * though the layout has none), `cannot parse "REST" as "ELEMENT"` where an element does not
 * match, `X out of range` for a month, hour, minute, second or day that cannot be.
 */

const LAYOUT = '2006-01-02T15:04:05Z07:00';

/** The layout's chunks: the literal before each element, then the element. */
const CHUNKS: [prefix: string, element: string][] = [
  ['', '2006'],
  ['-', '01'],
  ['-', '02'],
  ['T', '15'],
  [':', '04'],
  [':', '05'],
  ['', 'Z07:00'],
];

function utf8(c: number): number[] {
  if (c < 0x80) return [c];
  if (c < 0x800) return [0xc0 | (c >> 6), 0x80 | (c & 0x3f)];
  if (c < 0x10000) return [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)];
  return [0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)];
}

/** Go's time.quote: double quotes, `"` and `\` escaped, bytes outside printable ASCII as \xNN. */
function quote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x80 || c < 0x20) for (const b of utf8(c)) out += `\\x${b.toString(16).padStart(2, '0')}`;
    else out += ch === '"' || ch === '\\' ? `\\${ch}` : ch;
  }
  return `${out}"`;
}

export class GoTimeParseError extends Error {}

const cannotParse = (value: string, rest: string, element: string) => new GoTimeParseError(`parsing time ${quote(value)} as ${quote(LAYOUT)}: cannot parse ${quote(rest)} as ${quote(element)}`);
const outOfRange = (value: string, what: string) => new GoTimeParseError(`parsing time ${quote(value)}: ${what} out of range`);

const isDigit = (s: string, i: number) => i < s.length && s[i]! >= '0' && s[i]! <= '9';

/** time.getnum: one or two digits (two when `fixed`). */
function getnum(s: string, fixed: boolean): [number, string] | undefined {
  if (!isDigit(s, 0)) return undefined;
  if (!isDigit(s, 1)) return fixed ? undefined : [Number(s[0]), s.slice(1)];
  return [Number(s.slice(0, 2)), s.slice(2)];
}

const isLeap = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
const daysIn = (month: number, year: number) => (month === 2 && isLeap(year) ? 29 : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!);

/** Milliseconds since the epoch (the nanoseconds Go keeps are cut to what the caller uses). */
export function parseRfc3339(input: string): number {
  let value = input;
  const f = { year: 0, month: 0, day: 0, hour: 0, min: 0, sec: 0, nsec: 0, offset: 0 };
  for (const [prefix, element] of CHUNKS) {
    for (const p of prefix) {
      if (value[0] !== p) throw cannotParse(input, value, prefix);
      value = value.slice(1);
    }
    const hold = value;
    let ok = true;
    let range = '';
    if (element === '2006') {
      if (value.length < 4 || !isDigit(value, 0) || ![1, 2, 3].every((i) => isDigit(value, i))) ok = false;
      else [f.year, value] = [Number(value.slice(0, 4)), value.slice(4)];
    } else if (element === 'Z07:00') {
      if (value[0] === 'Z') value = value.slice(1);
      else if (value.length < 6 || value[3] !== ':') ok = false;
      else {
        const hr = getnum(value.slice(1, 3), true);
        const mm = hr && getnum(value.slice(4, 6), true);
        if (!hr || !mm) ok = false;
        else {
          if (hr[0] > 24) range = 'time zone offset hour';
          if (mm[0] > 60) range = 'time zone offset minute';
          if (value[0] === '+' || value[0] === '-') f.offset = (value[0] === '-' ? -1 : 1) * (hr[0] * 60 + mm[0]) * 60_000;
          else ok = false;
          value = value.slice(6);
        }
      }
    } else {
      const n = getnum(value, element !== '15');
      if (!n) ok = false;
      const num = n?.[0] ?? 0;
      if (n) value = n[1];
      if (element === '01') {
        f.month = num;
        if (n && (num <= 0 || num > 12)) range = 'month';
      } else if (element === '02') f.day = num;
      else if (element === '15') {
        f.hour = num;
        if (num >= 24) range = 'hour';
      } else if (element === '04') {
        f.min = num;
        if (num >= 60) range = 'minute';
      } else if (n) {
        f.sec = num;
        if (num >= 60) range = 'second';
        else if (value.length >= 2 && (value[0] === '.' || value[0] === ',') && isDigit(value, 1)) {
          // A fraction the layout does not name: Go takes up to nine digits and skips the rest.
          let end = 2;
          while (isDigit(value, end)) end++;
          f.nsec = Number(value.slice(1, Math.min(end, 10)).padEnd(9, '0'));
          value = value.slice(end);
        }
      }
    }
    if (range) throw outOfRange(input, range);
    if (!ok) throw cannotParse(input, hold, element);
  }
  if (value !== '') throw new GoTimeParseError(`parsing time ${quote(input)}: extra text: ${quote(value)}`);
  if (f.day < 1 || f.day > daysIn(f.month, f.year)) throw outOfRange(input, 'day');
  const d = new Date(0);
  d.setUTCFullYear(f.year, f.month - 1, f.day);
  d.setUTCHours(f.hour, f.min, f.sec, Math.floor(f.nsec / 1_000_000));
  return d.getTime() - f.offset;
}
