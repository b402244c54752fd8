/** `uptime` on a node (procps-ng 4): time, days and hours up, users, load averages. */
import type { ToolFactory } from '../tools';
import { nodeState } from './nodeState';

const p2 = (n: number) => String(n).padStart(2, '0');

/** The `uptime` command of one node; load follows how many pods it runs. */
export const uptimeTool: ToolFactory = ({ sim, place }) => (ctx) => {
  if (place.kind !== 'node') return 127;
  const s = nodeState(sim, place.node);
  const now = ctx.now();
  const d = new Date(now);
  const upMin = Math.floor((now - s.bootAt) / 60_000);
  const days = Math.floor(upMin / 1440);
  const hours = Math.floor((upMin % 1440) / 60);
  const mins = upMin % 60;
  let up = days > 0 ? `${days} day${days === 1 ? '' : 's'}, ` : '';
  if (hours > 0) up += `${String(hours).padStart(2)}:${p2(mins)}, `;
  else up += `${mins} min, `;
  const pods = sim.kubelet(place.node)?.runningPods().length ?? 0;
  const load = (f: number) => (0.05 + pods * f).toFixed(2);
  ctx.stdout(` ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} up ${up} 1 user,  load average: ${load(0.04)}, ${load(0.035)}, ${load(0.03)}\n`);
  return 0;
};
