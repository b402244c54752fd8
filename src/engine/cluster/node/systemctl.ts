/**
 * `systemctl status|start|stop|restart|is-active kubelet|containerd` on a node (systemd 255, as
 * on Ubuntu 24.04). Stopping the kubelet really stops the node's kubelet: heartbeats end and the
 * node controller marks the node NotReady after its grace period.
 */
import type { CommandContext } from '../../shell/types';
import type { Simulation } from '../../sim/Simulation';
import type { ToolFactory } from '../tools';
import { journalLines } from './journalctl';
import { CONTAINERD_DESCRIPTION, KUBELET_DESCRIPTION, nodeState, startKubelet, stopKubelet, type NodeState } from './nodeState';
import { systemdRelative, systemdTimespan, systemdTimestamp } from './format';

const KUBELET_ARGS = '--bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf --config=/var/lib/kubelet/config.yaml --container-runtime-endpoint=unix:///var/run/containerd/containerd.sock';
const KUBELET_EXEC = '/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS';

/** CPU time a unit used over `ms` of running (the kubelet uses about 1.5% of a core). */
function cpuTime(ms: number, share: number): string {
  return systemdTimespan(Math.round(ms * share));
}

/** Brings the recorded unit state in line with the kubelet (the truth), e.g. after a restore. */
export function syncKubeletUnit(sim: Simulation, s: NodeState): boolean {
  const running = sim.kubelet(s.node)?.stopped === false;
  const run = s.units.kubelet!;
  const now = sim.clock.now();
  if (running && run.stoppedAt !== undefined) startKubelet(s, now);
  else if (!running && run.stoppedAt === undefined) stopKubelet(s, now, cpuTime(now - run.since, 0.015));
  return running;
}

function unitName(arg: string): string | undefined {
  const base = arg.replace(/\.service$/, '');
  return base === 'kubelet' || base === 'containerd' ? base : undefined;
}

function status(ctx: CommandContext, sim: Simulation, s: NodeState, unit: string): number {
  const now = ctx.now();
  const run = s.units[unit]!;
  const active = unit === 'containerd' || syncKubeletUnit(sim, s);
  const pods = sim.kubelet(s.node)?.runningPods().length ?? 0;
  const lines: string[] = [];
  const desc = unit === 'kubelet' ? KUBELET_DESCRIPTION : CONTAINERD_DESCRIPTION;
  lines.push(`${active ? '●' : '○'} ${unit}.service - ${desc}`);
  if (unit === 'kubelet') {
    lines.push('     Loaded: loaded (/usr/lib/systemd/system/kubelet.service; enabled; preset: enabled)');
    lines.push('    Drop-In: /usr/lib/systemd/system/kubelet.service.d');
    lines.push('             └─10-kubeadm.conf');
  } else lines.push('     Loaded: loaded (/usr/lib/systemd/system/containerd.service; enabled; preset: enabled)');
  const share = unit === 'kubelet' ? 0.015 : 0.006;
  if (active) {
    lines.push(`     Active: active (running) since ${systemdTimestamp(run.since)}; ${systemdRelative(now - run.since)}`);
    lines.push(`       Docs: ${unit === 'kubelet' ? 'https://kubernetes.io/docs/' : 'https://containerd.io'}`);
    if (unit === 'containerd') lines.push('    Process: ' + `${run.pid - 3} ExecStartPre=/sbin/modprobe overlay (code=exited, status=0/SUCCESS)`);
    lines.push(`   Main PID: ${run.pid} (${unit})`);
    lines.push(`      Tasks: ${unit === 'kubelet' ? 14 : 9 + pods * 10} (limit: 4598)`);
    const mem = unit === 'kubelet' ? 38.2 + pods * 1.9 : 31.4 + pods * 0.7;
    lines.push(`     Memory: ${mem.toFixed(1)}M (peak: ${(mem * 1.08).toFixed(1)}M)`);
    lines.push(`        CPU: ${cpuTime(now - run.since, share)}`);
    lines.push(`     CGroup: /system.slice/${unit}.service`);
    lines.push(`             └─${run.pid} ${unit === 'kubelet' ? `/usr/bin/kubelet ${KUBELET_ARGS}` : '/usr/bin/containerd'}`);
  } else {
    const stoppedAt = run.stoppedAt ?? now;
    lines.push(`     Active: inactive (dead) since ${systemdTimestamp(stoppedAt)}; ${systemdRelative(now - stoppedAt)}`);
    lines.push(`   Duration: ${systemdTimespan(stoppedAt - run.since)}`);
    lines.push('       Docs: https://kubernetes.io/docs/');
    lines.push(`    Process: ${run.pid} ExecStart=${KUBELET_EXEC} (code=exited, status=0/SUCCESS)`);
    lines.push(`   Main PID: ${run.pid} (code=exited, status=0/SUCCESS)`);
    lines.push(`        CPU: ${cpuTime(stoppedAt - run.since, share)}`);
  }
  const tail = journalLines(sim, s, unit, now).slice(-10);
  ctx.stdout(`${lines.join('\n')}\n${tail.length > 0 ? `\n${tail.join('\n')}\n` : ''}`);
  return active ? 0 : 3;
}

/** The `systemctl` command of one node. */
export const systemctlTool: ToolFactory = ({ sim, place }) => (ctx) => {
  if (place.kind !== 'node') return 127;
  const s = nodeState(sim, place.node);
  const args = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
  const [verb, ...units] = args;
  if (verb === undefined) {
    ctx.stderr('Too few arguments.\n');
    return 1;
  }
  if (!['status', 'start', 'stop', 'restart', 'is-active'].includes(verb)) {
    ctx.stderr(`Unknown command verb '${verb}'.\n`);
    return 1;
  }
  if (units.length === 0) {
    ctx.stderr('Too few arguments.\n');
    return 1;
  }
  let code = 0;
  for (const arg of units) {
    const unit = unitName(arg);
    const full = arg.includes('.') ? arg : `${arg}.service`;
    if (!unit) {
      if (verb === 'status') ctx.stderr(`Unit ${full} could not be found.\n`);
      else if (verb === 'is-active') ctx.stdout('inactive\n');
      else ctx.stderr(`Failed to ${verb} ${full}: Unit ${full} not found.\n`);
      code = verb === 'status' ? 4 : verb === 'is-active' ? 3 : 5;
      continue;
    }
    if (verb === 'status') code = Math.max(code, status(ctx, sim, s, unit));
    else if (verb === 'is-active') {
      const active = unit === 'containerd' || syncKubeletUnit(sim, s);
      ctx.stdout(active ? 'active\n' : 'inactive\n');
      if (!active) code = 3;
    } else if (unit === 'kubelet') controlKubelet(sim, s, verb, ctx.now());
  }
  return code;
};

function controlKubelet(sim: Simulation, s: NodeState, verb: string, now: number): void {
  const kubelet = sim.kubelet(s.node);
  if (!kubelet) return;
  const running = syncKubeletUnit(sim, s);
  if ((verb === 'stop' || verb === 'restart') && running) {
    kubelet.stop();
    stopKubelet(s, now, cpuTime(now - s.units.kubelet!.since, 0.015));
  }
  if (verb === 'start' || verb === 'restart') {
    if (!kubelet.stopped) return;
    kubelet.start();
    startKubelet(s, now);
  }
  sim.drain();
}
