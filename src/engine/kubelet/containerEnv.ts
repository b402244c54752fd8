import type { Container } from 'kubernetes-types/core/v1';
import type { ApiClient, KubeObject } from '../api/types';
import type { PodObject } from '../sim/kinds';
import type { ServiceLinks } from './serviceLinks';

/** What the downward API can expose through `fieldRef` (pkg/kubelet/kubelet_pods.go podFieldSelectorRuntimeValue). */
function fieldValue(pod: PodObject, path: string, podIP: string | undefined, hostIP: string): string | undefined {
  const label = /^metadata\.labels\['(.+)'\]$/.exec(path);
  if (label) return pod.metadata.labels?.[label[1]!];
  const annotation = /^metadata\.annotations\['(.+)'\]$/.exec(path);
  if (annotation) return pod.metadata.annotations?.[annotation[1]!];
  switch (path) {
    case 'metadata.name':
      return pod.metadata.name;
    case 'metadata.namespace':
      return pod.metadata.namespace;
    case 'metadata.uid':
      return pod.metadata.uid;
    case 'spec.nodeName':
      return pod.spec?.nodeName;
    case 'spec.serviceAccountName':
      return pod.spec?.serviceAccountName;
    case 'status.podIP':
      return podIP;
    case 'status.hostIP':
      return hostIP;
    default:
      return undefined;
  }
}

/**
 * The environment a container starts with: service links (unless `enableServiceLinks: false`,
 * and always the `kubernetes` Service), then `envFrom` ConfigMaps first, then `env` entries in
 * order (plain values, downward-API fields, ConfigMap keys), with `$(VAR)` references expanded
 * against what is already defined, as kubelet does. A container with neither `env` nor
 * `envFrom` gets the namespace's shared, frozen service-link object: read it, never write it.
 */
export function containerEnv(api: ApiClient, links: ServiceLinks, pod: PodObject, c: Container, podIP: string | undefined, hostIP: string): Record<string, string> {
  const ns = pod.metadata.namespace;
  const linked = links.env(ns ?? '', pod.spec?.enableServiceLinks !== false);
  if (!c.envFrom?.length && !c.env?.length) return linked as Record<string, string>;
  const env: Record<string, string> = { ...linked };
  for (const src of c.envFrom ?? []) {
    if (!src.configMapRef?.name) continue;
    const cm = api.tryGet<KubeObject>('configmaps', ns, src.configMapRef.name);
    for (const [k, v] of Object.entries((cm?.['data'] as Record<string, string> | undefined) ?? {})) env[`${src.prefix ?? ''}${k}`] = v;
  }
  for (const e of c.env ?? []) {
    if (e.value !== undefined) env[e.name] = e.value.replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (m, v: string) => env[v] ?? m);
    else if (e.valueFrom?.fieldRef) {
      const v = fieldValue(pod, e.valueFrom.fieldRef.fieldPath, podIP, hostIP);
      if (v !== undefined) env[e.name] = v;
    } else if (e.valueFrom?.configMapKeyRef) {
      const cm = api.tryGet<KubeObject>('configmaps', ns, e.valueFrom.configMapKeyRef.name ?? '');
      const v = (cm?.['data'] as Record<string, string> | undefined)?.[e.valueFrom.configMapKeyRef.key];
      if (v !== undefined) env[e.name] = v;
    }
  }
  return env;
}
