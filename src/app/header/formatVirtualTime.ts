/** `HH:MM:SS` of a virtual timestamp, in UTC like the cluster's own logs. */
export function formatVirtualTime(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}
