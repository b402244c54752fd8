import type { ImageRef } from './types';

/**
 * Parses an image reference the way containerd normalises it: the first path component is a
 * registry only if it contains a dot or a colon or is `localhost`; Docker Hub single-name images
 * live under `library/`; no tag and no digest means `latest`.
 */
export function parseImageRef(original: string): ImageRef {
  let rest = original.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag = '';
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const parts = rest.split('/');
  let registry = 'docker.io';
  const first = parts[0] ?? '';
  if (parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    registry = first;
    parts.shift();
  }
  let repository = parts.join('/');
  if (registry === 'docker.io' && parts.length === 1) repository = `library/${repository}`;
  return { registry, repository, tag: tag || (digest ? '' : 'latest'), ...(digest ? { digest } : {}), original };
}

/** The last path component of the repository (`kuard-amd64`, `nginx`). */
export function imageBaseName(ref: ImageRef): string {
  const parts = ref.repository.split('/');
  return parts[parts.length - 1] ?? ref.repository;
}

/**
 * kubelet's default pull policy: `Always` for `:latest` or untagged images, else `IfNotPresent`
 * (pkg/apis/core/v1/defaults.go SetDefaults_Container).
 */
export function defaultPullPolicy(ref: ImageRef): 'Always' | 'IfNotPresent' {
  return ref.tag === 'latest' && !ref.digest ? 'Always' : 'IfNotPresent';
}
