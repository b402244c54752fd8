/**
 * The files a container sees under its volume mounts, as the kubelet's volume plugins write
 * them: configMap and secret keys, the projected `kube-api-access-*` volume (service-account
 * `token`, `ca.crt` from kube-root-ca.crt, `namespace` from the downward API), downwardAPI items.
 */
import type { Pod, Volume, VolumeProjection } from 'kubernetes-types/core/v1';
import type { ApiClient } from '../api/types';
import { serviceAccountToken } from '../kubectl/config/credentials';
import { base64Decode } from '../shell/tools/sysTools';

type Items = { key: string; path: string }[] | undefined;

function fromData(data: Record<string, string> | undefined, items: Items, decode: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  const value = (v: string) => (decode ? atobUtf8(v) : v);
  if (!data) return out;
  if (items?.length) for (const it of items) {
    if (data[it.key] !== undefined) out[it.path] = value(data[it.key]!);
  }
  else for (const [k, v] of Object.entries(data)) out[k] = value(v);
  return out;
}

/** Secret data is base64 in the API; the file holds the decoded bytes. */
const atobUtf8 = (b64: string): string => base64Decode(b64);

function fieldValue(pod: Pod, fieldPath: string): string | undefined {
  const m = pod.metadata ?? {};
  if (fieldPath === 'metadata.namespace') return m.namespace ?? 'default';
  if (fieldPath === 'metadata.name') return m.name;
  if (fieldPath === 'metadata.uid') return m.uid;
  if (fieldPath === 'spec.nodeName') return pod.spec?.nodeName;
  if (fieldPath === 'spec.serviceAccountName') return pod.spec?.serviceAccountName;
  const label = /^metadata\.labels\['(.+)'\]$/.exec(fieldPath);
  if (label) return m.labels?.[label[1]!];
  if (fieldPath === 'metadata.labels') return Object.entries(m.labels ?? {}).map(([k, v]) => `${k}="${v}"`).join('\n');
  return undefined;
}

function projection(api: ApiClient, pod: Pod, ns: string, src: VolumeProjection): Record<string, string> {
  if (src.serviceAccountToken) return { [src.serviceAccountToken.path]: serviceAccountToken(ns, pod.spec?.serviceAccountName ?? 'default') };
  if (src.configMap) return fromData((api.tryGet('configmaps', ns, src.configMap.name ?? '') as { data?: Record<string, string> } | undefined)?.data, src.configMap.items, false);
  if (src.secret) return fromData((api.tryGet('secrets', ns, src.secret.name ?? '') as { data?: Record<string, string> } | undefined)?.data, src.secret.items, true);
  if (src.downwardAPI) {
    const out: Record<string, string> = {};
    for (const it of src.downwardAPI.items ?? []) {
      const v = it.fieldRef ? fieldValue(pod, it.fieldRef.fieldPath) : undefined;
      if (v !== undefined) out[it.path] = v;
    }
    return out;
  }
  return {};
}

function volumeContent(api: ApiClient, pod: Pod, ns: string, v: Volume): Record<string, string> {
  if (v.projected) return Object.assign({}, ...(v.projected.sources ?? []).map((s) => projection(api, pod, ns, s)));
  if (v.configMap) return projection(api, pod, ns, { configMap: v.configMap });
  if (v.secret) return fromData((api.tryGet('secrets', ns, v.secret.secretName ?? '') as { data?: Record<string, string> } | undefined)?.data, v.secret.items, true);
  if (v.downwardAPI) return projection(api, pod, ns, { downwardAPI: v.downwardAPI });
  return {};
}

/** Absolute path → content of every file the container's mounts show. */
export function volumeFiles(api: ApiClient, pod: Pod, container: string): Record<string, string> {
  const ns = pod.metadata?.namespace ?? 'default';
  const c = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].find((x) => x.name === container);
  const out: Record<string, string> = {};
  for (const m of c?.volumeMounts ?? []) {
    const v = pod.spec?.volumes?.find((x) => x.name === m.name);
    if (!v) continue;
    const files = volumeContent(api, pod, ns, v);
    if (m.subPath) {
      if (files[m.subPath] !== undefined) out[m.mountPath] = files[m.subPath]!;
      continue;
    }
    for (const [rel, content] of Object.entries(files)) out[`${m.mountPath.replace(/\/$/, '')}/${rel}`] = content;
  }
  return out;
}
