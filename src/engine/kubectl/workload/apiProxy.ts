/**
 * What `kubectl proxy` answers: API paths are forwarded to the API server with the
 * kubeconfig's credentials; `/proxy/` sub-paths of Services and Pods reach a backend pod
 * (the API server's service proxy: `ResourceLocation` in pkg/registry/core/service).
 */
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { HttpResponse } from '../../apps';
import { ApiError, type KubeObject, type ResourceInfo } from '../../api/types';
import type { KubectlContext } from '../verb';
import type { LocalHttpRequest } from '../../network/localListeners';

/** encoding/json with the API server's pretty indent: field order kept, `<>&` escaped as Go does. */
function goJson(body: unknown): string {
  return JSON.stringify(body, null, 2).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const json = (status: number, reason: string, body: unknown): HttpResponse => {
  const text = `${goJson(body)}\n`;
  return { status, reason, headers: [['Content-Type', 'application/json'], ['Content-Length', String(text.length)]], body: text };
};

/** The API server's field order for objects: kind, apiVersion, metadata, then the rest. */
function apiOrder(o: KubeObject): Record<string, unknown> {
  const { kind, apiVersion, metadata, ...rest } = o;
  return { kind, apiVersion, metadata, ...rest };
}

const REASONS: Record<number, string> = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict', 503: 'Service Unavailable' };

function statusResponse(code: number, reason: string, message: string, details?: Record<string, unknown>): HttpResponse {
  return json(code, REASONS[code] ?? 'Error', { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, ...(details ? { details } : {}), code });
}

function fromApiError(e: ApiError): HttpResponse {
  return statusResponse(e.code, e.reason, e.message, e.details.name || e.details.kind ? { ...(e.details.name ? { name: e.details.name } : {}), ...(e.details.group ? { group: e.details.group } : {}), ...(e.details.kind ? { kind: e.details.kind } : {}) } : undefined);
}

/** The service proxy: picks a ready endpoint of the named port and forwards the request. */
function serviceProxy(ctx: KubectlContext, ns: string, id: string, rest: string, req: LocalHttpRequest): HttpResponse {
  const parts = id.split(':');
  const [name, portStr] = parts.length === 3 ? [parts[1]!, parts[2]!] : parts.length === 2 ? [parts[0]!, parts[1]!] : [parts[0]!, ''];
  const svc = ctx.api.get(`services`, ns, name) as unknown as { spec?: { ports?: { name?: string; port: number }[] } };
  let portName = portStr;
  if (/^\d+$/.test(portStr)) {
    const sp = svc.spec?.ports?.find((p) => p.port === Number(portStr));
    if (!sp) return statusResponse(503, 'ServiceUnavailable', `no service port ${portStr} found for service "${name}"`);
    portName = sp.name ?? '';
  }
  const slices = ctx.api.list('endpointslices.discovery.k8s.io', ns, { labelSelector: `kubernetes.io/service-name=${name}` }).items as unknown as EndpointSlice[];
  const candidates: { ip: string; port: number }[] = [];
  for (const s of slices) {
    const port = s.ports?.find((p) => (p.name ?? '') === portName)?.port;
    if (port === undefined || port === null) continue;
    for (const e of s.endpoints ?? []) if (e.conditions?.ready !== false) for (const ip of e.addresses) candidates.push({ ip, port });
  }
  if (candidates.length === 0) return statusResponse(503, 'ServiceUnavailable', `no endpoints available for service "${id}"`);
  const pick = candidates[ctx.sim.rng.int(candidates.length)]!;
  return toBackend(ctx, pick.ip, pick.port, rest, req);
}

function toBackend(ctx: KubectlContext, ip: string, port: number, rest: string, req: LocalHttpRequest): HttpResponse {
  const kubelet = ctx.sim.kubelets.find((k) => k.podByIP(ip));
  const res = kubelet?.http(ip, port, { method: req.method, path: rest || '/', host: `${ip}:${port}`, userAgent: req.userAgent, remoteAddr: '172.18.0.2', remotePort: 40000 + ctx.sim.rng.int(20000), headers: req.headers, at: ctx.now() });
  if (!res || res === 'refused') return statusResponse(503, 'ServiceUnavailable', `error trying to reach service: dial tcp ${ip}:${port}: connect: connection refused`);
  return res;
}

function findResource(ctx: KubectlContext, group: string, version: string, plural: string): ResourceInfo | undefined {
  return ctx.server.resources().find((r) => r.group === group && r.version === version && r.resource === plural);
}

/** Handles one request that reached `kubectl proxy`. */
export function handleProxyRequest(ctx: KubectlContext, req: LocalHttpRequest): HttpResponse {
  const path = req.path.split('?')[0]!;
  if (['/healthz', '/livez', '/readyz'].includes(path)) return { status: 200, reason: 'OK', headers: [['Content-Type', 'text/plain; charset=utf-8']], body: 'ok' };
  const segs = path.split('/').filter((s, i) => i > 0 && s !== '');
  let group = '';
  let version: string;
  let i: number;
  if (segs[0] === 'api' && segs[1]) [version, i] = [segs[1], 2];
  else if (segs[0] === 'apis' && segs[1] && segs[2]) [group, version, i] = [segs[1], segs[2], 3];
  else return statusResponse(404, 'NotFound', 'the server could not find the requested resource');
  let ns: string | undefined;
  if (segs[i] === 'namespaces' && segs[i + 1] && segs[i + 2]) {
    ns = segs[i + 1];
    i += 2;
  }
  const info = segs[i] ? findResource(ctx, group, version, segs[i]!) : undefined;
  if (!info) return statusResponse(404, 'NotFound', 'the server could not find the requested resource');
  const resource = ctx.server.resourceKey(info);
  const name = segs[i + 1];
  try {
    if (name && segs[i + 2] === 'proxy' && ns) {
      const rest = `/${segs.slice(i + 3).join('/')}${path.endsWith('/') && segs.length > i + 3 ? '/' : ''}`;
      if (info.resource === 'services') return serviceProxy(ctx, ns, name, rest, req);
      if (info.resource === 'pods') {
        const [podName, port] = name.split(':');
        const pod = ctx.api.get('pods', ns, podName!) as unknown as { status?: { podIP?: string }; spec?: { containers?: { ports?: { containerPort: number }[] }[] } };
        return toBackend(ctx, pod.status?.podIP ?? '', port ? Number(port) : (pod.spec?.containers?.[0]?.ports?.[0]?.containerPort ?? 80), rest, req);
      }
    }
    if (name) return json(200, 'OK', apiOrder(ctx.api.get(resource, ns, name)));
    const list = ctx.api.list(resource, ns);
    return json(200, 'OK', { kind: `${info.kind}List`, apiVersion: group ? `${group}/${version}` : version, metadata: { resourceVersion: String(list.resourceVersion) }, items: list.items.map((o) => { const { kind: _k, apiVersion: _a, ...rest } = o; void _k; void _a; return rest; }) });
  } catch (e) {
    if (e instanceof ApiError) return fromApiError(e);
    throw e;
  }
}
