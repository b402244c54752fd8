/**
 * The control-plane binaries kubeadm runs as static pods (host network), as a client on the
 * network meets them: which address and port each listens on, the certificate each TLS port
 * presents, and the anonymous answers of their health endpoints. kube-apiserver's API itself is
 * answered from the live API server by a process hook (network/apiServerProcess.ts).
 */
import { imageBaseName } from './imageRef';
import { kubeProxyStartupSteps } from './kubeProxyLog';
import { foreverPlan } from './process';
import { httpDate } from './timeFormat';
import type { ContainerLaunch, HttpRequest, HttpResponse, ImageProfile, Listener, ServerCert } from './types';

const LOOPBACK = '127.0.0.1';

/** The value of `--name=value` on the container's command line. */
function flag(launch: ContainerLaunch, name: string): string | undefined {
  const argv = [...(launch.command ?? []), ...(launch.args ?? [])];
  return argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

/** The first address of a CIDR (the `kubernetes` Service's ClusterIP for the service range). */
function firstAddress(cidr: string): string {
  const [ip] = cidr.split('/');
  const o = (ip ?? '10.96.0.0').split('.').map(Number);
  return `${o[0]}.${o[1]}.${o[2]}.${(o[3] ?? 0) + 1}`;
}

/**
 * kubeadm's apiserver.crt (certs.go `GetAPIServerAltNames`): the node name, the `kubernetes`
 * Service's names and IP, and the advertise address; signed by the cluster CA `kubernetes`.
 */
export function apiServerCert(launch: ContainerLaunch): ServerCert {
  const domain = 'cluster.local';
  return {
    subject: 'kube-apiserver',
    issuer: 'kubernetes',
    dnsNames: [launch.hostname, 'kubernetes', 'kubernetes.default', 'kubernetes.default.svc', `kubernetes.default.svc.${domain}`],
    ips: [firstAddress(flag(launch, 'service-cluster-ip-range') ?? '10.96.0.0/12'), flag(launch, 'advertise-address') ?? ''].filter(Boolean),
  };
}

/** Go's net/http answer to plain HTTP on a TLS port (server.go), before any handler runs. */
export const PLAIN_HTTP_TO_TLS: HttpResponse = { status: 400, reason: 'Bad Request', headers: [], body: 'Client sent an HTTP request to an HTTPS server.\n', httpVersion: '1.0' };

/** A uuid-shaped id from a string (audit ids are random in reality; here they are stable per request). */
function uuidOf(seed: string): string {
  let h = 2166136261;
  let out = '';
  for (let round = 0; out.length < 32; round++) {
    for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619) >>> 0;
    h = Math.imul(h ^ round, 16777619) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return `${out.slice(0, 8)}-${out.slice(8, 12)}-4${out.slice(13, 16)}-a${out.slice(17, 20)}-${out.slice(20, 32)}`;
}

/**
 * A response from a Kubernetes Go server (generic apiserver filters): over TLS curl negotiates
 * HTTP/2 (ALPN h2), so the status line is `HTTP/2 NNN` and header names arrive in lower case.
 */
export function goServerResponse(req: HttpRequest, status: number, reason: string, type: string, body: string): HttpResponse {
  const headers: [string, string][] = [
    ['audit-id', uuidOf(`${req.at}${req.path}${req.remotePort}`)],
    ['cache-control', 'no-cache, private'],
    ['content-type', type],
    ['x-content-type-options', 'nosniff'],
    ['x-kubernetes-pf-flowschema-uid', uuidOf('flowschema')],
    ['x-kubernetes-pf-prioritylevel-uid', uuidOf('prioritylevel')],
    ['content-length', String(body.length)],
    ['date', httpDate(req.at)],
  ];
  return { status, reason, headers, body, ...(req.tls ? { httpVersion: '2' } : {}) };
}

const text = (req: HttpRequest, body: string): HttpResponse => goServerResponse(req, 200, 'OK', 'text/plain; charset=utf-8', body);

/** The paths a component's delegated authorizer lets anyone read (`--authorization-always-allow-paths`). */
const ALWAYS_ALLOW = ['/healthz', '/readyz', '/livez'];

/** A 403 for a non-resource path, as responsewriters.Forbidden words it (`details: {}`). */
export function forbiddenPath(req: HttpRequest, user: string): HttpResponse {
  const verb = req.method.toLowerCase();
  const path = req.path.split('?')[0]!;
  const body = `${JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `forbidden: User "${user}" cannot ${verb} path "${path}"`, reason: 'Forbidden', details: {}, code: 403 }, null, 2)}\n`;
  return goServerResponse(req, 403, 'Forbidden', 'application/json', body);
}

interface Component {
  listens: Listener[];
  tls: Record<number, ServerCert>;
}

function component(name: string, launch: ContainerLaunch): Component {
  const node = flag(launch, 'advertise-address') ?? '';
  switch (name) {
    case 'kube-apiserver':
      return { listens: [{ port: 6443, protocol: 'TCP' }], tls: { 6443: apiServerCert(launch) } };
    case 'etcd': {
      // etcd's server.crt (kubeadm certs.go GetEtcdAltNames): node name, localhost, node IP, loopbacks; signed by etcd-ca.
      const cert: ServerCert = { subject: launch.hostname, issuer: 'etcd-ca', dnsNames: [launch.hostname, 'localhost'], ips: [node, LOOPBACK, '::1'].filter(Boolean) };
      return { listens: [{ port: 2379, protocol: 'TCP' }, { port: 2380, protocol: 'TCP' }, { port: 2381, protocol: 'TCP', address: LOOPBACK }], tls: { 2379: cert, 2380: cert } };
    }
    case 'kube-scheduler':
    case 'kube-controller-manager': {
      // No --tls-cert-file: the binary generates a self-signed localhost pair in memory at start.
      const port = name === 'kube-scheduler' ? 10259 : 10257;
      const cert: ServerCert = { subject: `localhost@${Math.floor(launch.startedAt / 1000)}`, issuer: `localhost-ca@${Math.floor(launch.startedAt / 1000)}`, dnsNames: ['localhost'], ips: [LOOPBACK], chainIncludesRoot: true };
      return { listens: [{ port, protocol: 'TCP', address: LOOPBACK }], tls: { [port]: cert } };
    }
    case 'kube-proxy':
      return { listens: [{ port: 10249, protocol: 'TCP', address: LOOPBACK }, { port: 10256, protocol: 'TCP' }], tls: {} };
    default:
      return { listens: [], tls: {} };
  }
}

/** Control-plane binaries run as static pods: long-running, listening on their secure ports. */
export const controlPlaneProfile: ImageProfile = {
  name: 'control-plane',
  matches: (ref) => ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'etcd', 'kube-proxy'].includes(imageBaseName(ref)),
  shell: 'none',
  tools: [],
  sizeBytes: (ref) => ({ 'kube-apiserver': 30066282, 'kube-controller-manager': 24016002, 'kube-scheduler': 18764622, etcd: 62547154, 'kube-proxy': 30940210 })[imageBaseName(ref)] ?? 30000000,
  start(launch, ref) {
    const name = imageBaseName(ref);
    const c = component(name, launch);
    const steps = name === 'kube-proxy' ? kubeProxyStartupSteps(launch, ref.tag) : [];
    const crashes = steps.some((s) => s.kind === 'exit');
    return foreverPlan({
      listens: crashes ? [] : c.listens,
      steps,
      onSigterm: { exitAfterMs: 500, code: 0 },
      tls: (port) => c.tls[port],
      http: (port, req: HttpRequest) => {
        if (!c.listens.some((l) => l.port === port)) return undefined;
        // Probes leave `tls` unset; a client that spoke plain HTTP to a TLS port set it false.
        if (c.tls[port] && req.tls === false) return PLAIN_HTTP_TO_TLS;
        const path = req.path.split('?')[0]!;
        // etcd 3.6 serves /health (JSON) and the /livez, /readyz checks kubeadm 1.34 probes.
        if (name === 'etcd') return path === '/health' ? text(req, '{"health":"true","reason":""}') : path === '/livez' || path === '/readyz' ? text(req, 'ok') : undefined;
        if (name === 'kube-proxy') return path === '/healthz' || path === '/livez' ? text(req, 'ok') : undefined;
        if (ALWAYS_ALLOW.includes(path)) return text(req, 'ok');
        return forbiddenPath(req, 'system:anonymous');
      },
    });
  },
};
