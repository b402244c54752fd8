/** Small formatters shared by the node tools (systemd and procps wording). */

/** FNV-1a: a stable small number from a name (PIDs, load figures). */
export function fnv(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  return h;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');

/** systemd's format_timestamp: `Thu 2026-01-15 09:00:00 UTC`. */
export function systemdTimestamp(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]} ${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} UTC`;
}

/** journalctl's short format prefix: `Jan 15 09:00:03`. */
export function journalTimestamp(ms: number): string {
  const d = new Date(ms);
  return `${MONTHS[d.getUTCMonth()]} ${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
}

/** ps's STIME: `09:00` today, `Jan10` on an earlier day. */
export function psStartTime(ms: number, now: number): string {
  const d = new Date(ms);
  const today = new Date(now);
  if (d.getUTCFullYear() === today.getUTCFullYear() && d.getUTCMonth() === today.getUTCMonth() && d.getUTCDate() === today.getUTCDate()) return `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}`;
  return `${MONTHS[d.getUTCMonth()]}${p2(d.getUTCDate())}`;
}

const MS = { sec: 1000, min: 60_000, hour: 3_600_000, day: 86_400_000, week: 7 * 86_400_000, month: 2_629_800_000, year: 31_557_600_000 };

/** systemd's format_timestamp_relative: `5 days ago`, `1min 5s ago`, `12s ago`. */
export function systemdRelative(ms: number): string {
  const d = Math.max(0, ms);
  const s = 'ago';
  if (d >= MS.year) return `${Math.floor(d / MS.year)} ${Math.floor(d / MS.year) === 1 ? 'year' : 'years'} ${Math.floor((d % MS.year) / MS.month)} ${Math.floor((d % MS.year) / MS.month) === 1 ? 'month' : 'months'} ${s}`;
  if (d >= MS.month) return `${Math.floor(d / MS.month)} ${Math.floor(d / MS.month) === 1 ? 'month' : 'months'} ${Math.floor((d % MS.month) / MS.day)} ${Math.floor((d % MS.month) / MS.day) === 1 ? 'day' : 'days'} ${s}`;
  if (d >= MS.week) return `${Math.floor(d / MS.week)} ${Math.floor(d / MS.week) === 1 ? 'week' : 'weeks'} ${Math.floor((d % MS.week) / MS.day)} ${Math.floor((d % MS.week) / MS.day) === 1 ? 'day' : 'days'} ${s}`;
  if (d >= 2 * MS.day) return `${Math.floor(d / MS.day)} days ${s}`;
  if (d >= 25 * MS.hour) return `1 day ${Math.floor((d - MS.day) / MS.hour)}h ${s}`;
  if (d >= 6 * MS.hour) return `${Math.floor(d / MS.hour)}h ${s}`;
  if (d >= MS.hour) return `${Math.floor(d / MS.hour)}h ${Math.floor((d % MS.hour) / MS.min)}min ${s}`;
  if (d >= 5 * MS.min) return `${Math.floor(d / MS.min)}min ${s}`;
  if (d >= MS.min) return `${Math.floor(d / MS.min)}min ${Math.floor((d % MS.min) / MS.sec)}s ${s}`;
  if (d >= MS.sec) return `${Math.floor(d / MS.sec)}s ${s}`;
  if (d > 0) return `${d}ms ${s}`;
  return 'now';
}

/** systemd's format_timespan (millisecond accuracy): `5d 1min 2.345s`, `1h 9min 1.234s`. */
export function systemdTimespan(ms: number): string {
  const units: [string, number][] = [['y', MS.year], ['month', MS.month], ['w', MS.week], ['d', MS.day], ['h', MS.hour], ['min', MS.min]];
  const parts: string[] = [];
  let rest = Math.max(0, Math.round(ms));
  for (const [name, size] of units) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${name}`);
      rest %= size;
    }
  }
  if (rest > 0) {
    const secs = Math.floor(rest / 1000);
    const frac = rest % 1000;
    parts.push(frac === 0 ? `${secs}s` : secs > 0 ? `${secs}.${String(frac).padStart(3, '0').replace(/0+$/, '')}s` : `${frac}ms`);
  }
  return parts.length > 0 ? parts.join(' ') : '0';
}

/** go-units HumanDuration (crictl's CREATED column, before ` ago`). */
export function goUnitsHumanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.floor(ms / 60_000);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.round(ms / 3_600_000);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
  return `${Math.floor(ms / 3_600_000 / 24 / 365)} years`;
}
