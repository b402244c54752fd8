/**
 * One request traced on demand, from a named source to a URL or HOST:PORT: what `kubelab trace`
 * prints and what the browser's packet player asks for. Both call this, so they cannot differ.
 * Names resolve through the cluster DNS (CoreDNS pods, installed here if not yet), and the request
 * really happens: conntrack keeps its entry and the server logs it, as after a learner's curl.
 */
import type { HttpResponse } from '../apps';
import { clusterDns } from '../dnsIntegration';
import { networkOf } from '../network';
import type { Origin, Trace } from '../network';
import { parseUrl } from '../network/tools/toolkit';
import type { PodObject } from '../sim/kinds';
import type { Simulation } from '../sim/Simulation';

/** Where a traced request starts: `NAMESPACE/POD`, `node/NODE`, `outside` (the node network) or `internet`. */
export type TraceSource = string;

export type TraceRequestResult =
  | { ok: true; trace: Trace; response?: Pick<HttpResponse, 'status' | 'reason' | 'httpVersion'> }
  /** `usage`: the target is not a URL or HOST:PORT; `failed`: the source or the name does not exist. */
  | { ok: false; code: 'usage' | 'failed'; error: string };

/** The packet engine's origin for a source, or the error the CLI prints. */
export function traceOrigin(sim: Simulation, from: TraceSource): Origin | string {
  if (from === 'outside') return { kind: 'outside', where: 'node-network' };
  if (from === 'internet') return { kind: 'outside', where: 'internet' };
  const [a, b] = from.split('/', 2);
  if (!a || !b) return `--from must be NAMESPACE/POD, node/NODE, outside or internet (got "${from}")`;
  if (a === 'node') return sim.config.nodes.some((n) => n.name === b) ? { kind: 'node', node: b } : `node "${b}" not found`;
  const pod = sim.api.admin().tryGet<PodObject>('pods', a, b);
  if (!pod) return `pods "${b}" not found in namespace "${a}"`;
  if (!pod.spec?.nodeName) return `pod ${a}/${b} is not scheduled`;
  return { kind: 'container', namespace: a, pod: b, container: pod.spec.containers[0]?.name ?? '', node: pod.spec.nodeName };
}

/**
 * Walks one request through the live cluster: an HTTP GET for a URL (`http://web/`), a TCP
 * connection for HOST:PORT (`web:80`), the DNS walk in front when the host is a name.
 */
export function traceRequest(sim: Simulation, from: TraceSource, target: string, opts: { userAgent?: string } = {}): TraceRequestResult {
  const origin = traceOrigin(sim, from);
  if (typeof origin === 'string') return { ok: false, code: 'failed', error: origin };
  const isUrl = target.includes('://');
  const url = parseUrl(target);
  if (!url || (!isUrl && !/:\d+$/.test(target))) return { ok: false, code: 'usage', error: `TARGET must be a URL or HOST:PORT (got "${target}")` };
  // CoreDNS serves the cluster's names, so `http://web` resolves through the kube-dns Service.
  clusterDns(sim);
  const net = networkOf(sim);
  const resolved = net.resolve(origin, url.host);
  const ip = resolved.addresses[0];
  if (!ip) return { ok: false, code: 'failed', error: `could not resolve host "${url.host}" (${resolved.status ?? 'no resolver'})` };
  const dns = resolved.dns ? { dns: resolved.dns } : {};
  if (!isUrl) return { ok: true, trace: net.tcpConnect(origin, ip, url.port, dns).trace };
  const r = net.httpRequest(origin, { ...dns, ip, port: url.port, path: url.path, host: url.host, userAgent: opts.userAgent ?? 'kubelab-trace' });
  return { ok: true, trace: r.trace, ...(r.response ? { response: { status: r.response.status, reason: r.response.reason, ...(r.response.httpVersion ? { httpVersion: r.response.httpVersion } : {}) } } : {}) };
}
