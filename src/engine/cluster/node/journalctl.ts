/**
 * `journalctl -u kubelet` on a node: systemd's lines about the unit and the kubelet's own klog
 * lines, including one `SyncLoop ADD` per pod the kubelet admitted while it ran.
 */
import type { Simulation } from '../../sim/Simulation';
import type { ToolFactory } from '../tools';
import { journalTimestamp } from './format';
import { klog, nodeState, type JournalEntry, type NodeState } from './nodeState';

/** Every journal line of `unit` up to `now`, oldest first, in journalctl's short format. */
export function journalLines(sim: Simulation, s: NodeState, unit: string, now: number): string[] {
  const entries: JournalEntry[] = s.journal.filter((e) => e.unit === unit);
  if (unit === 'kubelet') {
    // Each kubelet run syncs the pods it finds: the ones already there when it started, and each
    // new one as it is admitted.
    const starts = s.journal.filter((e) => e.unit === 'kubelet' && /^kubelet\[\d+\]$/.test(e.source) && e.text.includes('"Starting kubelet main sync loop"'));
    for (const p of sim.kubelet(s.node)?.runningPods() ?? []) {
      for (const when of [p.startTime, ...starts.filter((e) => e.at > p.startTime).map((e) => e.at + 1)]) {
        const pid = pidAt(s, when);
        if (pid !== undefined) entries.push({ at: when, unit, source: `kubelet[${pid}]`, text: klog(when, pid, 'kubelet.go:2461', `"SyncLoop ADD" source="api" pods=["${p.namespace}/${p.name}"]`) });
      }
    }
  }
  return entries
    .filter((e) => e.at <= now)
    .sort((a, b) => a.at - b.at)
    .map((e) => `${journalTimestamp(e.at)} ${s.node} ${e.source}: ${e.text}`);
}

/** The kubelet PID running at `at`, from the `Started` lines before it. */
function pidAt(s: NodeState, at: number): number | undefined {
  let pid: number | undefined;
  for (const e of s.journal) {
    if (e.unit !== 'kubelet' || e.at > at) continue;
    const m = /^kubelet\[(\d+)\]$/.exec(e.source);
    if (m) pid = Number(m[1]);
    if (e.source === 'systemd[1]' && e.text.startsWith('Stopped ')) pid = undefined;
  }
  return pid;
}

/** The `journalctl` command of one node: `-u UNIT`, `-n N`, `--no-pager`, `-f` (follows until Ctrl+C). */
export const journalctlTool: ToolFactory = ({ sim, place }) => (ctx) => {
  if (place.kind !== 'node') return 127;
  const s = nodeState(sim, place.node);
  const args = ctx.argv.slice(1);
  let unit: string | undefined;
  let lines: number | undefined;
  let follow = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-u' || a === '--unit') unit = args[++i];
    else if (a.startsWith('--unit=')) unit = a.slice(7);
    else if (a.startsWith('-u') && a.length > 2) unit = a.slice(2);
    else if (a === '-n' || a === '--lines') lines = Number(args[++i]);
    else if (a.startsWith('--lines=')) lines = Number(a.slice(8));
    else if (a === '-f' || a === '--follow') follow = true;
    else if (a === '--no-pager' || a === '-l' || a === '--full' || a === '-x' || a === '-e') {
      if (a === '-e') lines = lines ?? 1000;
    } else {
      ctx.stderr(`journalctl: invalid option -- '${a.replace(/^-+/, '')}'\n`);
      return 1;
    }
  }
  const name = (unit ?? '').replace(/\.service$/, '');
  const all = (now: number) => (name === 'kubelet' || name === 'containerd' ? journalLines(sim, s, name, now) : []);
  let shown = all(ctx.now());
  const first = follow && lines === undefined ? shown.slice(-10) : lines !== undefined ? shown.slice(-lines) : shown;
  if (first.length === 0 && !follow) {
    ctx.stdout('-- No entries --\n');
    return 0;
  }
  for (const l of first) ctx.stdout(`${l}\n`);
  if (!follow) return 0;
  return {
    exitCode: 0,
    job: {
      poll: (now) => {
        const next = all(now);
        for (const l of next.slice(shown.length)) ctx.stdout(`${l}\n`);
        shown = next;
        return undefined;
      },
      wakeAt: () => undefined,
      interrupt: () => undefined,
    },
  };
};
