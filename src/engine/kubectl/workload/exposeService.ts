/**
 * What `kubectl expose` reads from the exposed object and the Service it builds
 * (kubectl `pkg/cmd/expose/expose.go` createService, `polymorphichelpers` selector/ports/protocols).
 */
import type { Container } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/types';
import { KubectlError } from './common';

/** CanBeExposedFn: the kinds expose accepts. */
export function checkExposable(kind: string): void {
  if (!['Pod', 'Service', 'ReplicationController', 'Deployment', 'ReplicaSet'].includes(kind)) throw new KubectlError(`cannot expose a ${kind}`);
}

interface PodSpecLike {
  containers?: Container[];
}

function podSpecOf(obj: KubeObject): PodSpecLike | undefined {
  const spec = obj.spec as { template?: { spec?: PodSpecLike }; containers?: Container[] } | undefined;
  return obj.kind === 'Pod' ? (spec as PodSpecLike) : spec?.template?.spec;
}

/** MapBasedSelectorForObjectFn, as `k=v,k2=v2`. */
export function selectorFor(obj: KubeObject): string {
  const spec = obj.spec as Record<string, unknown> | undefined;
  const join = (m: Record<string, string>) => Object.entries(m).map(([k, v]) => `${k}=${v}`).join(',');
  switch (obj.kind) {
    case 'Pod': {
      const labels = obj.metadata.labels ?? {};
      if (Object.keys(labels).length === 0) throw new Error(`the pod has no labels and cannot be exposed`);
      return join(labels);
    }
    case 'Service': {
      const sel = (spec?.selector ?? {}) as Record<string, string>;
      if (Object.keys(sel).length === 0) throw new Error(`the service has no pod selector set`);
      return join(sel);
    }
    case 'ReplicationController':
      return join((spec?.selector ?? {}) as Record<string, string>);
    default: {
      const sel = spec?.selector as { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] } | undefined;
      if (sel?.matchExpressions?.length) {
        const exprs = sel.matchExpressions.map((e) => `{${e.key} ${e.operator} [${(e.values ?? []).join(' ')}]}`).join(' ');
        throw new Error(`couldn't convert expressions - "[${exprs}]" to map-based selector format`);
      }
      return join(sel?.matchLabels ?? {});
    }
  }
}

/** PortsForObjectFn: container ports (deduplicated), or a Service's ports. */
export function portsFor(obj: KubeObject): string[] {
  if (obj.kind === 'Service') return ((obj.spec as { ports?: { port: number }[] }).ports ?? []).map((p) => String(p.port));
  const out: string[] = [];
  for (const c of podSpecOf(obj)?.containers ?? []) for (const p of c.ports ?? []) if (!out.includes(String(p.containerPort))) out.push(String(p.containerPort));
  return out;
}

/** MultiProtocolsForObjectFn: port → its protocols (TCP when unset). */
export function protocolsFor(obj: KubeObject): Map<string, string[]> {
  const m = new Map<string, string[]>();
  const add = (port: number, proto: string | undefined) => {
    const list = m.get(String(port)) ?? [];
    const p = proto ?? 'TCP';
    if (!list.includes(p)) list.push(p);
    m.set(String(port), list);
  };
  if (obj.kind === 'Service') for (const p of (obj.spec as { ports?: { port: number; protocol?: string }[] }).ports ?? []) add(p.port, p.protocol);
  else for (const c of podSpecOf(obj)?.containers ?? []) for (const p of c.ports ?? []) add(p.containerPort, p.protocol);
  return m;
}

export interface ExposeInput {
  name: string;
  selector: string;
  labels: string;
  /** `--port`, or the single introspected port. */
  port: string;
  /** Several introspected ports, comma-joined (takes precedence over port). */
  ports: string;
  protocol: string;
  protocols: Map<string, string[]>;
  targetPort: string;
  externalIP: string;
  type: string;
  loadBalancerIP: string;
  sessionAffinity: string;
  clusterIP: string;
  namespace?: string;
}

/** expose.go parseLabels. */
function parseLabels(spec: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of spec.split(',')) {
    const kv = part.split('=');
    if (kv.length !== 2) throw new KubectlError(`unexpected label spec: ${part}`);
    if (!kv[0]) throw new KubectlError('unexpected empty label key');
    out[kv[0]] = kv[1]!;
  }
  return out;
}

/** ExposeServiceOptions.createService. */
export function buildExposedService(o: ExposeInput): KubeObject {
  if (!o.selector) throw new KubectlError('selector must be specified');
  const selector = parseLabels(o.selector);
  const labels = o.labels ? parseLabels(o.labels) : undefined;
  const portString = o.ports || o.port;
  const ports: Record<string, unknown>[] = [];
  if (portString) {
    const list = portString.split(',');
    list.forEach((p, i) => {
      if (!/^[-+]?\d+$/.test(p)) throw new KubectlError(`strconv.Atoi: parsing ${JSON.stringify(p)}: invalid syntax`);
      const port = Number(p);
      const name = list.length > 1 ? `port-${i + 1}` : '';
      let protocol = o.protocol;
      if (!protocol) {
        protocol = 'TCP';
        const found = o.protocols.get(p);
        if (found && found.length === 1) protocol = found[0]!;
        else if (found && found.length > 1) {
          for (const proto of found) ports.push({ name: `port-${i + 1}-${proto.toLowerCase()}`, port, protocol: proto });
          return;
        }
      }
      ports.push({ ...(name ? { name } : {}), port, protocol });
    });
  }
  const target = o.targetPort;
  for (const p of ports) p.targetPort = target ? (/^\d+$/.test(target) ? Number(target) : target) : p.port;
  const spec: Record<string, unknown> = { ...(ports.length ? { ports } : {}), selector };
  if (o.externalIP) spec.externalIPs = [o.externalIP];
  if (o.type) spec.type = o.type;
  if (o.type === 'LoadBalancer' && o.loadBalancerIP) spec.loadBalancerIP = o.loadBalancerIP;
  if (o.sessionAffinity) {
    if (o.sessionAffinity !== 'None' && o.sessionAffinity !== 'ClientIP') throw new KubectlError(`unknown session affinity: ${o.sessionAffinity}`);
    spec.sessionAffinity = o.sessionAffinity;
  }
  if (o.clusterIP) spec.clusterIP = o.clusterIP;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: o.name, ...(labels ? { labels } : {}), ...(o.namespace ? { namespace: o.namespace } : {}) },
    spec,
    status: { loadBalancer: {} },
  };
}
