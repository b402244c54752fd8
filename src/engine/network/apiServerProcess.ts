/**
 * kube-apiserver as a process on the network: its container's HTTP answers come from the live
 * API server, with the caller's identity (a service-account bearer token, or `system:anonymous`
 * as kubeadm leaves anonymous auth on) and kube-apiserver's default bootstrap policy for
 * non-resource paths (system:public-info-viewer for everyone, system:discovery once
 * authenticated). Resource paths go through the API server's own RBAC, so a pod's `curl` gets
 * the same Forbidden text kubectl would.
 */
import type { HttpRequest, HttpResponse, ProcessPlan } from '../apps';
import { apiServerCert, forbiddenPath, goServerResponse, imageBaseName, parseImageRef, PLAIN_HTTP_TO_TLS } from '../apps';
import { ApiError } from '../api/types';
import type { KubeObject, UserInfo } from '../api/types';
import { userFromToken } from '../kubectl/config/credentials';
import { K8S_VERSION } from '../sim/bootstrap/versions';
import type { ComponentContext, SimComponent } from '../sim/Simulation';

const ANONYMOUS: UserInfo = { name: 'system:anonymous', groups: ['system:unauthenticated'] };

/** Paths system:public-info-viewer grants to everyone (bootstrappolicy/policy.go). */
const PUBLIC_INFO = ['/healthz', '/livez', '/readyz', '/version', '/version/'];

/** encoding/json with two-space indent, as the apiserver pretty-prints for curl and wget user agents. */
const pretty = (o: unknown) => `${JSON.stringify(o, null, 2)}\n`;

const json = (req: HttpRequest, status: number, reason: string, body: unknown) => goServerResponse(req, status, reason, 'application/json', pretty(body));

function status(req: HttpRequest, code: number, reason: string, message: string, details?: Record<string, unknown>): HttpResponse {
  const REASONS: Record<number, string> = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed' };
  return json(req, code, REASONS[code] ?? 'Error', { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, ...(details ? { details } : {}), code });
}

/** version.Info of the running binary (apimachinery/pkg/version/types.go field order). */
function versionInfo(): Record<string, string> {
  const [major, minor] = K8S_VERSION.slice(1).split('.');
  return {
    major: major!, minor: minor!, emulationMajor: major!, emulationMinor: minor!, minCompatibilityMajor: major!, minCompatibilityMinor: String(Number(minor) - 1),
    gitVersion: K8S_VERSION, gitCommit: '93248f9ae092f571eb870b7664c534bfc7d00f03', gitTreeState: 'clean', buildDate: '2025-09-09T19:44:50Z', goVersion: 'go1.24.6', compiler: 'gc', platform: 'linux/amd64',
  };
}

function header(req: HttpRequest, name: string): string | undefined {
  const key = Object.keys(req.headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : req.headers[key];
}

/** Answers one request to kube-apiserver's secure port from the live API server. */
export function apiServerHttp(ctx: ComponentContext, advertise: string, req: HttpRequest): HttpResponse {
  if (req.tls === false) return PLAIN_HTTP_TO_TLS;
  const path = req.path.split('?')[0]!;
  const auth = header(req, 'authorization');
  let user = ANONYMOUS;
  if (auth !== undefined) {
    const m = /^Bearer\s+(.+)$/i.exec(auth);
    const u = m ? userFromToken(m[1]!) : undefined;
    if (!u) return status(req, 401, 'Unauthorized', 'Unauthorized');
    user = u;
  }
  const method = req.method.toUpperCase();
  if (PUBLIC_INFO.includes(path)) {
    if (path.startsWith('/version')) return json(req, 200, 'OK', versionInfo());
    return goServerResponse(req, 200, 'OK', 'text/plain; charset=utf-8', 'ok');
  }
  const resource = /^\/(?:api\/([^/]+)|apis\/([^/]+)\/([^/]+))\/(.+)$/.exec(path);
  if (resource && method === 'GET') return resourceRequest(ctx, req, user, resource[2] ?? '', resource[1] ?? resource[3]!, resource[4]!.split('/').filter(Boolean));
  // Everything else is a non-resource path: discovery needs system:authenticated.
  const authenticated = user.groups.includes('system:authenticated');
  if (!authenticated) return forbiddenPath(req, user.name);
  if (path === '/api' || path === '/api/') return json(req, 200, 'OK', { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: `${advertise}:6443` }] });
  if (path === '/apis' || path === '/apis/') return json(req, 200, 'OK', apiGroupList(ctx));
  return goServerResponse(req, 404, 'Not Found', 'text/plain; charset=utf-8', '404 page not found\n');
}

function apiGroupList(ctx: ComponentContext): unknown {
  const groups = new Map<string, string[]>();
  for (const r of ctx.api.resources()) if (r.group && !(groups.get(r.group) ?? []).includes(r.version)) groups.set(r.group, [...(groups.get(r.group) ?? []), r.version]);
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: [...groups].map(([name, versions]) => ({ name, versions: versions.map((v) => ({ groupVersion: `${name}/${v}`, version: v })), preferredVersion: { groupVersion: `${name}/${versions[0]}`, version: versions[0] } })),
  };
}

/** GET of a collection or an object: `[namespaces/NS/]RESOURCE[/NAME]`, through RBAC as `user`. */
function resourceRequest(ctx: ComponentContext, req: HttpRequest, user: UserInfo, group: string, version: string, segs: string[]): HttpResponse {
  let ns: string | undefined;
  let rest = segs;
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    ns = rest[1];
    rest = rest.slice(2);
  }
  const info = ctx.api.resources().find((r) => r.group === group && r.version === version && r.resource === rest[0]);
  if (!info || rest.length > 2) return status(req, 404, 'NotFound', 'the server could not find the requested resource');
  const client = ctx.api.client(user);
  const key = ctx.api.resourceKey(info);
  try {
    if (rest[1]) return json(req, 200, 'OK', apiOrder(client.get(key, ns, rest[1])));
    const list = client.list(key, ns);
    const items = list.items.map((o) => {
      const { kind: _k, apiVersion: _a, ...item } = o;
      void _k;
      void _a;
      return item;
    });
    return json(req, 200, 'OK', { kind: `${info.kind}List`, apiVersion: group ? `${group}/${version}` : version, metadata: { resourceVersion: String(list.resourceVersion) }, items });
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    const d = e.details;
    const details = d.name || d.kind ? { ...(d.name ? { name: d.name } : {}), ...(d.group ? { group: d.group } : {}), ...(d.kind ? { kind: d.kind } : {}) } : undefined;
    return status(req, e.code, e.reason, e.message, details);
  }
}

/** The apiserver's field order for objects: kind, apiVersion, metadata, then the rest. */
function apiOrder(o: KubeObject): Record<string, unknown> {
  const { kind, apiVersion, metadata, ...rest } = o;
  return { kind, apiVersion, metadata, ...rest };
}

/**
 * A component that gives every kube-apiserver container on every kubelet the live API as its
 * HTTP handler (a kubelet process hook, rebuilt with the Simulation on restore).
 */
export class ApiServerProcess implements SimComponent {
  private readonly stops: (() => void)[] = [];

  constructor(ctx: ComponentContext) {
    for (const k of ctx.sim.kubelets) {
      this.stops.push(
        k.addProcessHook((p, plan): ProcessPlan => {
          if (imageBaseName(parseImageRef(p.launch.image)) !== 'kube-apiserver') return plan;
          const advertise = apiServerCert(p.launch).ips.at(-1) ?? '';
          return { ...plan, http: (port, req) => (plan.listens.some((l) => l.port === port) ? apiServerHttp(ctx, advertise, req) : undefined) };
        }),
      );
    }
  }

  processPending(): boolean {
    return false;
  }

  stop(): void {
    for (const s of this.stops) s();
  }
}
