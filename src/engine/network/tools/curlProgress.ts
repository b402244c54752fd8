/** curl's progress meter (lib/progress.c progress_meter), written to stderr when the body does not go to the terminal. */

/** curl's max5data: a byte count in 5 columns (`  615`, ` 600k`, `12.3M`). */
function max5(bytes: number): string {
  if (bytes < 100000) return String(bytes).padStart(5);
  if (bytes < 10000 * 1024) return `${String(Math.floor(bytes / 1024)).padStart(4)}k`;
  if (bytes < 100 * 1024 * 1024) {
    const m = bytes / (1024 * 1024);
    return `${String(Math.floor(m)).padStart(2)}.${Math.floor((m % 1) * 10)}M`;
  }
  return `${String(Math.floor(bytes / (1024 * 1024))).padStart(4)}M`;
}

/** progress.c time2str: whole seconds as `h:mm:ss` in 8 columns, `--:--:--` under one second. */
function time2str(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s <= 0) return '--:--:--';
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${String(h).padStart(2)}:${String(m).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * The meter's header and its last line. A transfer inside the simulated cluster takes under a
 * millisecond; we count one, so the speeds are size × 1000 per second. A failed transfer (no
 * body) shows zeros and the time spent waiting, as curl's last update before it gave up.
 */
export function progressMeter(size: number, spentMs = 0): string {
  const speed = max5(size > 0 ? size * 1000 : 0);
  const pct = (n: number) => String(n).padStart(3);
  const done = size > 0 ? 100 : 0;
  return (
    '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
    '                                 Dload  Upload   Total   Spent    Left  Speed\n' +
    `${pct(done)} ${max5(size)}  ${pct(done)} ${max5(size)}  ${pct(0)} ${max5(0)}  ${speed}  ${max5(0)} --:--:-- ${time2str(spentMs)} --:--:-- ${speed}\n`
  );
}
