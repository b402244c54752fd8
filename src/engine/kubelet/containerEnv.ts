import type { Container } from 'kubernetes-types/core/v1';
import type { ApiClient, KubeObject } from '../api/types';
import type { PodObject } from '../sim/kinds';

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

interface ServiceLike {
  metadata: { name?: string };
  spec?: { clusterIP?: string; ports?: { name?: string; port: number; protocol?: string }[] };
}

/**
 * Docker-links style variables for every Service of the namespace (plus `kubernetes` from
 * `default`), as kubelet's getServiceEnvVarMap/FromServices writes them.
 */
export function serviceEnv(services: ServiceLike[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const svc of services) {
    const ip = svc.spec?.clusterIP;
    if (!ip || ip === 'None') continue;
    const ports = svc.spec?.ports ?? [];
    const first = ports[0];
    if (!first) continue;
    const name = svc.metadata.name!.toUpperCase().replace(/-/g, '_');
    env[`${name}_SERVICE_HOST`] = ip;
    env[`${name}_SERVICE_PORT`] = String(first.port);
    for (const p of ports) if (p.name) env[`${name}_SERVICE_PORT_${p.name.toUpperCase().replace(/-/g, '_')}`] = String(p.port);
    const proto = (first.protocol ?? 'TCP').toLowerCase();
    env[`${name}_PORT`] = `${proto}://${ip}:${first.port}`;
    for (const p of ports) {
      const pr = (p.protocol ?? 'TCP').toLowerCase();
      const prefix = `${name}_PORT_${p.port}_${pr.toUpperCase()}`;
      env[prefix] = `${pr}://${ip}:${p.port}`;
      env[`${prefix}_PROTO`] = pr;
      env[`${prefix}_PORT`] = String(p.port);
      env[`${prefix}_ADDR`] = ip;
    }
  }
  return env;
}

/**
 * The environment a container starts with: service links (unless `enableServiceLinks: false`,
 * and always the `kubernetes` Service), then `envFrom` ConfigMaps first, then `env` entries in
 * order (plain values, downward-API fields, ConfigMap keys), with `$(VAR)` references expanded
 * against what is already defined, as kubelet does.
 */
export function containerEnv(api: ApiClient, pod: PodObject, c: Container, podIP: string | undefined, hostIP: string): Record<string, string> {
  const ns = pod.metadata.namespace;
  const own = pod.spec?.enableServiceLinks === false ? [] : api.list<KubeObject & ServiceLike>('services', ns).items.filter((s) => ns !== 'default' || s.metadata.name !== 'kubernetes');
  const master = api.tryGet<KubeObject & ServiceLike>('services', 'default', 'kubernetes');
  const env: Record<string, string> = serviceEnv([...own, ...(master ? [master] : [])]);
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
