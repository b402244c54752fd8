/**
 * The files a container finds under its configMap volume mounts as it starts: each key of the
 * ConfigMap (or each listed item) at `mountPath/path`, or the one key a `subPath` mount selects.
 * What a program reads as its configuration (kube-proxy's `--config`), handed to the image's
 * process plan in `ContainerLaunch.files`.
 */
import type { ConfigMap, Container, Pod } from 'kubernetes-types/core/v1';
import type { ApiClient, KubeObject } from '../api/types';

/** Undefined when the container mounts no configMap volume. */
export function configMapFiles(api: ApiClient, pod: Pod, container: Container): Record<string, string> | undefined {
  const namespace = pod.metadata?.namespace ?? 'default';
  let files: Record<string, string> | undefined;
  for (const mount of container.volumeMounts ?? []) {
    const source = pod.spec?.volumes?.find((v) => v.name === mount.name)?.configMap;
    if (!source?.name) continue;
    files ??= {};
    const cm = api.tryGet<ConfigMap & KubeObject>('configmaps', namespace, source.name);
    const data = cm?.data ?? {};
    const entries: [string, string][] = source.items?.length
      ? source.items.filter((it) => data[it.key] !== undefined).map((it) => [it.path, data[it.key]!])
      : Object.entries(data);
    const dir = mount.mountPath.replace(/\/+$/, '');
    for (const [path, content] of entries) {
      if (mount.subPath) {
        if (path === mount.subPath) files[dir] = content;
      } else files[`${dir}/${path}`] = content;
    }
  }
  return files;
}
