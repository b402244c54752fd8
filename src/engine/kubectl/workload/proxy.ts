/**
 * `kubectl proxy` and `kubectl port-forward`: long-running Jobs that open a local listener on
 * the learner's machine (see localListeners.ts) until Ctrl+C.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { Job } from '../../shell/types';
import type { KubectlContext, Verb } from '../verb';
import { KubectlError, guarded } from './common';
import { handleProxyRequest } from './apiProxy';
import { listenLocal } from '../../network/localListeners';
import { podForArgs } from './podPicker';
import { fetchTarget, parseTargets } from './targets';

/** A Job that holds listeners open until interrupted. */
function serveJob(closers: (() => void)[]): Job {
  return {
    poll: () => undefined,
    wakeAt: () => undefined,
    interrupt: () => closers.forEach((c) => c()),
  };
}

export const proxyVerb: Verb = {
  name: 'proxy',
  short: 'Run a proxy to the Kubernetes API server',
  usage: 'kubectl proxy [--port=PORT] [--www=static-dir] [--www-prefix=prefix] [--api-prefix=prefix] [options]',
  flags: [
    { name: 'port', short: 'p', kind: 'int', default: 8001, usage: 'The port on which to run the proxy. Set to 0 to pick a random port.' },
    { name: 'address', kind: 'string', default: '127.0.0.1', usage: 'The IP address on which to serve on.' },
    { name: 'accept-hosts', kind: 'string', default: '^localhost$,^127\\.0\\.0\\.1$,^\\[::1\\]$', usage: 'Regular expression for hosts that the proxy should accept.' },
    { name: 'api-prefix', kind: 'string', default: '/', usage: 'Prefix to serve the proxied API under.' },
  ],
  run: (ctx) =>
    guarded(ctx, () => {
      let port = ctx.flags.get<number>('port') ?? 8001;
      if (port === 0) port = 32768 + ctx.sim.rng.int(28232);
      const address = ctx.flags.get<string>('address') ?? '127.0.0.1';
      const close = listenLocal(ctx.sim, ctx.cmd.machine.hostname, port, (req) => handleProxyRequest(ctx, req));
      if (!close) throw new KubectlError(`listen tcp ${address}:${port}: bind: address already in use`);
      ctx.cmd.stdout(`Starting to serve on ${address}:${port}\n`);
      return { exitCode: 0, job: serveJob([close]) };
    }),
};

/** The container port a forwarded port reaches: services translate port → targetPort (named ports via the pod). */
function remotePort(ctx: KubectlContext, svc: { spec?: { ports?: { port: number; targetPort?: number | string }[] } } | undefined, pod: Pod, port: string): number {
  if (!/^\d+$/.test(port)) {
    const named = pod.spec?.containers?.flatMap((c) => c.ports ?? []).find((p) => p.name === port);
    if (!named) throw new KubectlError(`Pod '${pod.metadata?.name ?? ''}' does not have a named port '${port}'`);
    return named.containerPort;
  }
  if (!svc) return Number(port);
  const sp = svc.spec?.ports?.find((p) => p.port === Number(port));
  if (!sp) throw new KubectlError(`Service ${JSON.stringify((svc as { metadata?: { name?: string } }).metadata?.name ?? '')} does not have a service port ${port}`);
  const t = sp.targetPort ?? sp.port;
  if (typeof t === 'number') return t;
  return remotePort(ctx, undefined, pod, t);
}

export const portForwardVerb: Verb = {
  name: 'port-forward',
  short: 'Forward one or more local ports to a pod',
  usage: 'kubectl port-forward TYPE/NAME [options] [LOCAL_PORT:]REMOTE_PORT [...[LOCAL_PORT_N:]REMOTE_PORT_N]',
  flags: [
    { name: 'address', kind: 'stringArray', default: ['localhost'], usage: 'Addresses to listen on (comma separated). Only accepts IP addresses or localhost as a value. When localhost is supplied, kubectl will try to bind on both 127.0.0.1 and ::1 and will fail if neither of these addresses are available to bind.' },
    { name: 'pod-running-timeout', kind: 'duration', default: 60_000, usage: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running' },
  ],
  run: (ctx) =>
    guarded(ctx, () => {
      if (ctx.args.length < 2) throw new KubectlError('TYPE/NAME and list of ports are required for port-forward', 'port-forward');
      const [target, ...ports] = ctx.args;
      let svc: { spec?: { ports?: { port: number; targetPort?: number | string }[] } } | undefined;
      if (/^(svc|service|services)\//.test(target!)) svc = fetchTarget(ctx, parseTargets(ctx, [target!])[0]!) as typeof svc;
      const pod = podForArgs(ctx, [target!]);
      if (pod.status?.phase !== 'Running') throw new KubectlError(`unable to forward port because pod is not running. Current status=${pod.status?.phase ?? 'Pending'}`);
      const closers: (() => void)[] = [];
      const node = ctx.cmd.machine.hostname;
      for (const spec of ports) {
        const [localRaw, remoteRaw] = spec.includes(':') ? spec.split(':') : [spec, spec];
        const remote = remotePort(ctx, svc, pod, remoteRaw!);
        const local = localRaw === '' || localRaw === '0' ? 32768 + ctx.sim.rng.int(28232) : Number(localRaw);
        const close = listenLocal(ctx.sim, node, local, (req) => {
          ctx.cmd.stdout(`Handling connection for ${local}\n`);
          const kubelet = ctx.sim.kubelet(pod.spec?.nodeName ?? '');
          const res = kubelet?.http(pod.status?.podIP ?? '', remote, { method: req.method, path: req.path, host: `localhost:${local}`, userAgent: req.userAgent, remoteAddr: '127.0.0.1', remotePort: 40000 + ctx.sim.rng.int(20000), headers: req.headers, at: ctx.now() });
          // status 0: the connection closed without a reply (curl: "Empty reply from server").
          return res && res !== 'refused' ? res : { status: 0, reason: '', headers: [], body: '' };
        });
        if (!close) {
          closers.forEach((c) => c());
          throw new KubectlError(`unable to listen on any of the requested ports: [{${local} ${remote}}]`);
        }
        closers.push(close);
        ctx.cmd.stdout(`Forwarding from 127.0.0.1:${local} -> ${remote}\nForwarding from [::1]:${local} -> ${remote}\n`);
      }
      return { exitCode: 0, job: serveJob(closers) };
    }),
};
