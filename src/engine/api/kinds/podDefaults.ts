/**
 * Pod defaulting (`SetDefaults_PodSpec`, `SetDefaults_Container`, ...) and the mutating
 * admission plugins that touch Pods on a kubeadm cluster (ServiceAccount,
 * DefaultTolerationSeconds): what `kubectl get pod -o yaml` shows that the user never wrote.
 */
import type { Container, PodSpec, Toleration } from 'kubernetes-types/core/v1';
import type { Rng } from '../../sim/Rng';
import { NAME_SUFFIX_ALPHABET } from '../metadata';

/** `SetDefaults_PodSpec` and per-container defaults; used for Pods and pod templates alike. */
export function defaultPodSpec(spec: PodSpec): void {
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.restartPolicy ??= 'Always';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.securityContext ??= {};
  spec.schedulerName ??= 'default-scheduler';
  spec.enableServiceLinks ??= true;
  for (const c of spec.containers ?? []) defaultContainer(c);
  for (const c of spec.initContainers ?? []) defaultContainer(c);
}

function defaultContainer(c: Container): void {
  if (c.imagePullPolicy === undefined && typeof c.image === 'string') c.imagePullPolicy = pullPolicyFor(c.image);
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  c.resources ??= {};
  for (const p of c.ports ?? []) p.protocol ??= 'TCP';
  for (const probe of [c.livenessProbe, c.readinessProbe, c.startupProbe]) {
    if (!probe) continue;
    probe.timeoutSeconds ??= 1;
    probe.periodSeconds ??= 10;
    probe.successThreshold ??= 1;
    probe.failureThreshold ??= 3;
    if (probe.httpGet) probe.httpGet.scheme ??= 'HTTP';
  }
}

/** `Always` for `:latest` or untagged images (unless pinned by digest), else `IfNotPresent`. */
export function pullPolicyFor(image: string): 'Always' | 'IfNotPresent' {
  if (image.includes('@')) return 'IfNotPresent';
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  const tag = colon >= 0 ? image.slice(colon + 1) : '';
  return tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

/** Pod-only defaults that templates do not get (registry and v1 defaults for a live Pod). */
export function defaultPodOnly(spec: PodSpec): void {
  spec.priority ??= 0;
  spec.preemptionPolicy ??= 'PreemptLowerPriority';
}

/** DefaultTolerationSeconds: tolerate not-ready/unreachable nodes for 300 s unless the pod says otherwise. */
export function addDefaultTolerations(spec: PodSpec): void {
  const tolerations: Toleration[] = (spec.tolerations ??= []);
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    const has = tolerations.some((t) => (t.key === key || (t.key === undefined && t.operator === 'Exists')) && (t.effect === undefined || t.effect === 'NoExecute'));
    if (!has) tolerations.push({ effect: 'NoExecute', key, operator: 'Exists', tolerationSeconds: 300 });
  }
}

/**
 * The ServiceAccount admission plugin: `serviceAccountName: default` and the projected
 * `kube-api-access-xxxxx` token volume mounted into every container.
 */
export function admitServiceAccount(spec: PodSpec, rng: Rng): void {
  spec.serviceAccountName ??= spec.serviceAccount ?? 'default';
  spec.serviceAccount = spec.serviceAccountName;
  if (spec.automountServiceAccountToken === false) return;
  const mountPath = '/var/run/secrets/kubernetes.io/serviceaccount';
  const all = [...(spec.containers ?? []), ...(spec.initContainers ?? [])];
  if (all.some((c) => (c.volumeMounts ?? []).some((m) => m.mountPath === mountPath))) return;
  const name = `kube-api-access-${rng.string(5, NAME_SUFFIX_ALPHABET)}`;
  (spec.volumes ??= []).push({
    name,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
        { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
      ],
    },
  });
  for (const c of all) (c.volumeMounts ??= []).push({ mountPath, name, readOnly: true });
}
