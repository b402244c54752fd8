/**
 * `ps` on a node (procps-ng 4): the login shell and itself by default; with `-e`/`-ef`/`aux`
 * every process: init, sshd, containerd, the kubelet, and per pod its shim, pause and container
 * processes (the static pods' kube-apiserver, etcd..., kube-proxy, CoreDNS, the learner's apps).
 */
import type { CommandContext } from '../../shell/types';
import type { Simulation } from '../../sim/Simulation';
import type { ToolFactory } from '../tools';
import { sandboxID } from './crictl';
import { psStartTime } from './format';
import { nodeState } from './nodeState';
import { syncKubeletUnit } from './systemctl';

interface Proc {
  pid: number;
  ppid: number;
  start: number;
  tty: string;
  cmd: string;
  /** CPU time in seconds. */
  cpu: number;
}

function clock(secs: number): string {
  const h = Math.floor(secs / 3600);
  const m = Math.floor((secs % 3600) / 60);
  const s = Math.floor(secs % 60);
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** Every process of the node, by PID. */
export function nodeProcesses(sim: Simulation, node: string, now: number, shellPid: number): Proc[] {
  const s = nodeState(sim, node);
  const running = syncKubeletUnit(sim, s);
  const cd = s.units.containerd!;
  const procs: Proc[] = [
    { pid: 1, ppid: 0, start: s.bootAt, tty: '?', cmd: '/sbin/init', cpu: 5 },
    { pid: cd.pid - 40, ppid: 1, start: s.bootAt + 8_000, tty: '?', cmd: 'sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups', cpu: 0 },
    { pid: cd.pid, ppid: 1, start: cd.since, tty: '?', cmd: '/usr/bin/containerd', cpu: ((now - cd.since) / 1000) * 0.006 },
  ];
  const k = s.units.kubelet!;
  if (running) procs.push({ pid: k.pid, ppid: 1, start: k.since, tty: '?', cmd: '/usr/bin/kubelet --bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf --config=/var/lib/kubelet/config.yaml --container-runtime-endpoint=unix:///var/run/containerd/containerd.sock', cpu: ((now - k.since) / 1000) * 0.015 });
  let pid = 900 + (cd.pid % 97);
  for (const p of (sim.kubelet(node)?.runningPods() ?? []).sort((a, b) => a.startTime - b.startTime)) {
    if (!p.sandboxReady) continue;
    const shim = pid++;
    procs.push({ pid: shim, ppid: 1, start: p.startTime, tty: '?', cmd: `/usr/bin/containerd-shim-runc-v2 -namespace k8s.io -id ${sandboxID(p)} -address /run/containerd/containerd.sock`, cpu: 0 });
    procs.push({ pid: pid++, ppid: shim, start: p.startTime, tty: '?', cmd: '/pause', cpu: 0 });
    for (const c of p.containers) {
      if (c.state !== 'running' || c.startedAt === undefined) continue;
      // The kubelet expands $(VAR) references from the container's environment before exec.
      const env = c.launch?.env ?? {};
      const argv = [...(c.launch?.command ?? []), ...(c.launch?.args ?? [])].map((a) => a.replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (m, v: string) => env[v] ?? m));
      procs.push({ pid: pid++, ppid: shim, start: c.startedAt, tty: c.launch?.tty ? 'pts/0' : '?', cmd: argv.length > 0 ? argv.join(' ') : c.name, cpu: 0 });
    }
    pid += 3;
  }
  procs.push({ pid: shellPid, ppid: cd.pid - 40, start: now, tty: 'pts/0', cmd: '-bash', cpu: 0 });
  return procs.sort((a, b) => a.pid - b.pid);
}

function run(ctx: CommandContext, sim: Simulation, node: string): number {
  const args = ctx.argv.slice(1).join(' ');
  const now = ctx.now();
  const shellPid = nodeState(sim, node).units.containerd!.pid * 7 + 11;
  const all = /(^|\s)-[a-zA-Z]*[eA]/.test(args) || /(^|\s)a?u?x/.test(args);
  const full = /(^|\s)-[a-zA-Z]*f/.test(args);
  const bsd = /(^|\s)aux(\s|$)/.test(args);
  const procs = nodeProcesses(sim, node, now, shellPid);
  const self: Proc = { pid: shellPid + 1, ppid: shellPid, start: now, tty: 'pts/0', cmd: ctx.argv.join(' '), cpu: 0 };
  const list = all ? [...procs, self] : [procs.find((p) => p.pid === shellPid)!, self];
  const name = (p: Proc) => p.cmd.split(' ')[0]!.replace(/^.*\//, '').replace(/^-/, '').replace(/:$/, '');
  if (bsd) {
    ctx.stdout('USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n');
    for (const p of list) ctx.stdout(`${'root'.padEnd(8)} ${String(p.pid).padStart(7)} ${(0).toFixed(1).padStart(4)} ${(0).toFixed(1).padStart(4)} ${'0'.padStart(6)} ${'0'.padStart(5)} ${p.tty.padEnd(8)} ${(p.tty === '?' ? 'Ssl' : 'Ss').padEnd(4)} ${psStartTime(p.start, now).padEnd(5)} ${clock(p.cpu).replace(/^00:/, '').replace(/^0/, '')} ${p.cmd}\n`);
    return 0;
  }
  if (full) {
    ctx.stdout('UID          PID    PPID  C STIME TTY          TIME CMD\n');
    for (const p of list) ctx.stdout(`${'root'.padEnd(8)} ${String(p.pid).padStart(7)} ${String(p.ppid).padStart(7)} ${'0'.padStart(2)} ${psStartTime(p.start, now).padEnd(5)} ${p.tty.padEnd(8)} ${clock(p.cpu).padStart(8)} ${p.cmd}\n`);
    return 0;
  }
  ctx.stdout('    PID TTY          TIME CMD\n');
  for (const p of list) ctx.stdout(`${String(p.pid).padStart(7)} ${p.tty.padEnd(8)} ${clock(p.cpu).padStart(8)} ${name(p)}\n`);
  return 0;
}

/** The `ps` command of one node. */
export const psTool: ToolFactory = ({ sim, place }) => (ctx) => (place.kind === 'node' ? run(ctx, sim, place.node) : 127);
