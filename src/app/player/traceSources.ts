/** What the Trace form offers: sources the engine accepts, and targets from the cluster's Services. */
import type { NodeRecord, PodRecord, ServiceRecord } from '../state/useEngineStore';

export interface SourceOption {
  /** What `traceRequest` takes: `NAMESPACE/POD`, `node/NODE`, `outside`, `internet`. */
  value: string;
  label: string;
}

export interface SourceGroups {
  pods: SourceOption[];
  nodes: SourceOption[];
  outside: SourceOption[];
}

/** Pods that have an address (they can send), then the nodes, then the world outside. */
export function sourceOptions(pods: PodRecord[], nodes: NodeRecord[]): SourceGroups {
  return {
    pods: pods.filter((p) => p.ip && p.node).map((p) => ({ value: `${p.namespace}/${p.name}`, label: `${p.namespace}/${p.name} (${p.ip})` })),
    nodes: nodes.map((n) => ({ value: `node/${n.name}`, label: `${n.name} (${n.internalIP})` })),
    outside: [
      { value: 'outside', label: 'a client on the node network' },
      { value: 'internet', label: 'a client on the internet' },
    ],
  };
}

/** The source to start with: a pod of the learner's own (client first), else a node. */
export function defaultSource(groups: SourceGroups): string {
  const own = groups.pods.filter((p) => !p.value.startsWith('kube-system/'));
  return (own.find((p) => p.value === 'default/client') ?? own[0] ?? groups.nodes[0])?.value ?? 'outside';
}

/** `web:80` for a Service in default, `kube-dns.kube-system:53` elsewhere: names a pod's resolver finds. */
export function targetSuggestions(services: ServiceRecord[]): string[] {
  return services
    .filter((s) => s.type !== 'ExternalName' && s.clusterIP !== 'None')
    .flatMap((s) => {
      const port = /^(\d+)/.exec(s.ports)?.[1];
      if (!port) return [];
      const host = s.namespace === 'default' ? s.name : `${s.name}.${s.namespace}`;
      return port === '80' ? [`http://${host}/`, `${host}:80`] : [`${host}:${port}`];
    });
}
