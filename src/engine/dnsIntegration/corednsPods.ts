/**
 * Facts about CoreDNS pods read from their specs: which container runs CoreDNS, where its
 * Corefile comes from (the ConfigMap volume mounted at the `-conf` path) and when it started.
 */
import type { ConfigMap, Container } from 'kubernetes-types/core/v1';
import { parseImageRef, resolveImage } from '../apps';
import type { ApiClient, KubeObject } from '../api/types';
import type { PodObject } from '../sim/kinds';

/** The label kubeadm's CoreDNS pods carry (and the kube-dns Service selects). */
export const COREDNS_LABEL = { key: 'k8s-app', value: 'kube-dns' } as const;

/** True when the image is a CoreDNS build (whatever registry or tag). */
export function isCoreDnsImage(image: string): boolean {
  return resolveImage(image).profile.name === 'coredns' || parseImageRef(image).repository.endsWith('/coredns');
}

/** The container running CoreDNS in a pod, if any. */
export function corednsContainer(pod: PodObject): Container | undefined {
  return pod.spec?.containers.find((c) => isCoreDnsImage(c.image ?? ''));
}

/** The file CoreDNS reads: the `-conf` argument, or `Corefile` in its working directory. */
function confPath(c: Container): string {
  const argv = [...(c.command ?? []), ...(c.args ?? [])];
  const i = argv.indexOf('-conf');
  return i >= 0 && argv[i + 1] ? argv[i + 1]! : '/Corefile';
}

/**
 * The Corefile text a CoreDNS container sees: the ConfigMap key projected at its `-conf` path.
 * Undefined when no ConfigMap volume provides that file (the kubelet would not start it).
 */
export function corefileOf(api: ApiClient, pod: PodObject, c: Container): string | undefined {
  const path = confPath(c);
  for (const m of c.volumeMounts ?? []) {
    const dir = m.mountPath.replace(/\/+$/, '');
    if (!path.startsWith(`${dir}/`)) continue;
    const file = path.slice(dir.length + 1);
    const vol = pod.spec?.volumes?.find((v) => v.name === m.name);
    if (!vol?.configMap?.name) continue;
    const cm = api.tryGet<ConfigMap & KubeObject>('configmaps', pod.metadata.namespace, vol.configMap.name);
    if (!cm) return undefined;
    const key = vol.configMap.items ? vol.configMap.items.find((it) => it.path === file)?.key : file;
    return key === undefined ? undefined : cm.data?.[key];
  }
  return undefined;
}

/**
 * When the CoreDNS container's current process started (ms), from the pod status; undefined
 * unless it is running. The restart count tells processes of the same pod apart.
 */
export function runningSince(pod: PodObject, name: string): { startedAt: number; restartCount: number } | undefined {
  const st = pod.status?.containerStatuses?.find((s) => s.name === name);
  const at = st?.state?.running?.startedAt;
  if (!st || !at) return undefined;
  return { startedAt: Date.parse(at), restartCount: st.restartCount };
}
