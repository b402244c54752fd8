/**
 * `--save-config` on the generators (create deployment/service/..., run, expose): kubectl's
 * util.CreateOrUpdateAnnotation(obj, scheme.DefaultJSONEncoder()) on the typed object it built.
 * The annotation is that object encoded by the typed JSON serializer: fields in the Go structs'
 * order (kind before apiVersion), empty optional fields left out as the generator leaves them
 * out, map keys sorted, a trailing newline (json.Encoder). The struct orders below are copied
 * from k8s.io/api (core/v1, apps/v1, rbac/v1, meta/v1 types.go) for the fields generators set.
 */
import type { KubeObject } from '../../api/types';
import { goJsonString } from '../print/jsonpath/goValues';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** A struct's fields in declaration order; 'map' is a Go map (keys sorted); null a scalar or a list of scalars. */
type Shape = { [field: string]: Shape | 'map' | null };

const META: Shape = {
  name: null, generateName: null, namespace: null, selfLink: null, uid: null, resourceVersion: null, generation: null, creationTimestamp: null,
  deletionTimestamp: null, deletionGracePeriodSeconds: null, labels: 'map', annotations: 'map', ownerReferences: null, finalizers: null, managedFields: null,
};
const SELECTOR: Shape = { matchLabels: 'map', matchExpressions: { key: null, operator: null, values: null } };
const RESOURCES: Shape = { limits: 'map', requests: 'map', claims: { name: null, request: null } };
const ENV: Shape = { name: null, value: null, valueFrom: null };
const CONTAINER: Shape = {
  name: null, image: null, command: null, args: null, workingDir: null, ports: { name: null, hostPort: null, containerPort: null, protocol: null, hostIP: null },
  envFrom: null, env: ENV, resources: RESOURCES, resizePolicy: null, restartPolicy: null, volumeMounts: null, volumeDevices: null, livenessProbe: null,
  readinessProbe: null, startupProbe: null, lifecycle: null, terminationMessagePath: null, terminationMessagePolicy: null, imagePullPolicy: null,
  securityContext: null, stdin: null, stdinOnce: null, tty: null,
};
const POD_SPEC: Shape = {
  volumes: null, initContainers: CONTAINER, containers: CONTAINER, ephemeralContainers: null, restartPolicy: null, terminationGracePeriodSeconds: null,
  activeDeadlineSeconds: null, dnsPolicy: null, nodeSelector: 'map', serviceAccountName: null, serviceAccount: null, automountServiceAccountToken: null,
  nodeName: null, hostNetwork: null, hostPID: null, hostIPC: null, shareProcessNamespace: null, securityContext: null, imagePullSecrets: { name: null },
  hostname: null, subdomain: null, affinity: null, schedulerName: null, tolerations: null, hostAliases: null, priorityClassName: null, priority: null,
  dnsConfig: null, readinessGates: null, runtimeClassName: null, enableServiceLinks: null, preemptionPolicy: null, overhead: 'map',
  topologySpreadConstraints: null, setHostnameAsFQDN: null, os: null, hostUsers: null, schedulingGates: null, resourceClaims: null, resources: RESOURCES,
};
const POD_STATUS: Shape = { observedGeneration: null, phase: null, conditions: null, message: null, reason: null };
const SERVICE_SPEC: Shape = {
  ports: { name: null, protocol: null, appProtocol: null, port: null, targetPort: null, nodePort: null }, selector: 'map', clusterIP: null, clusterIPs: null,
  type: null, externalIPs: null, sessionAffinity: null, loadBalancerIP: null, loadBalancerSourceRanges: null, externalName: null, externalTrafficPolicy: null,
  healthCheckNodePort: null, publishNotReadyAddresses: null, sessionAffinityConfig: null, ipFamilies: null, ipFamilyPolicy: null,
  allocateLoadBalancerNodePorts: null, loadBalancerClass: null, internalTrafficPolicy: null, trafficDistribution: null,
};
const RULE: Shape = { verbs: null, apiGroups: null, resources: null, resourceNames: null, nonResourceURLs: null };
const BINDING: Shape = { kind: null, apiVersion: null, metadata: META, subjects: { kind: null, apiGroup: null, name: null, namespace: null }, roleRef: { apiGroup: null, kind: null, name: null } };

const KINDS: Record<string, Shape> = {
  Deployment: {
    kind: null, apiVersion: null, metadata: META,
    spec: { replicas: null, selector: SELECTOR, template: { metadata: META, spec: POD_SPEC }, strategy: { type: null, rollingUpdate: { maxUnavailable: null, maxSurge: null } }, minReadySeconds: null, revisionHistoryLimit: null, paused: null, progressDeadlineSeconds: null },
    status: { observedGeneration: null, replicas: null, updatedReplicas: null, readyReplicas: null, availableReplicas: null, unavailableReplicas: null, terminatingReplicas: null, conditions: null, collisionCount: null },
  },
  Pod: { kind: null, apiVersion: null, metadata: META, spec: POD_SPEC, status: POD_STATUS },
  Service: { kind: null, apiVersion: null, metadata: META, spec: SERVICE_SPEC, status: { loadBalancer: { ingress: null }, conditions: null } },
  Namespace: { kind: null, apiVersion: null, metadata: META, spec: { finalizers: null }, status: { phase: null, conditions: null } },
  ServiceAccount: { kind: null, apiVersion: null, metadata: META, secrets: null, imagePullSecrets: { name: null }, automountServiceAccountToken: null },
  ConfigMap: { kind: null, apiVersion: null, metadata: META, immutable: null, data: 'map', binaryData: 'map' },
  Secret: { kind: null, apiVersion: null, metadata: META, immutable: null, data: 'map', stringData: 'map', type: null },
  Role: { kind: null, apiVersion: null, metadata: META, rules: RULE },
  ClusterRole: { kind: null, apiVersion: null, metadata: META, rules: RULE, aggregationRule: { clusterRoleSelectors: SELECTOR } },
  RoleBinding: BINDING,
  ClusterRoleBinding: BINDING,
};

/** Whether a generated object of this kind can be encoded as its typed struct. */
export function hasTypedShape(kind: string): boolean {
  return kind in KINDS;
}

/** The typed JSON serializer's output for a generated object, with the trailing newline. */
export function typedJson(obj: KubeObject): string {
  const shape = KINDS[obj.kind];
  if (!shape) throw new Error(`no typed shape for ${obj.kind}`);
  return `${encode(obj, shape)}\n`;
}

function encode(v: unknown, shape: Shape | 'map' | null): string {
  if (Array.isArray(v)) return `[${v.map((x) => encode(x, shape)).join(',')}]`;
  if (v === null || typeof v !== 'object') return v === null || v === undefined ? 'null' : typeof v === 'string' ? goJsonString(v) : JSON.stringify(v);
  const o = v as Record<string, unknown>;
  const present = (k: string) => o[k] !== undefined;
  if (shape === null || shape === 'map') {
    // A map (or a struct these tables do not describe): Go sorts map keys.
    return `{${Object.keys(o).filter(present).sort().map((k) => `${goJsonString(k)}:${encode(o[k], null)}`).join(',')}}`;
  }
  const known = Object.keys(shape).filter(present);
  const unknown = Object.keys(o).filter((k) => present(k) && !(k in shape));
  if (unknown.length > 0) throw new Error(`fields outside the typed shape: ${unknown.join(', ')}`);
  return `{${known.map((k) => `${goJsonString(k)}:${encode(o[k], shape[k]!)}`).join(',')}}`;
}

/**
 * CreateApplyAnnotation: the object's configuration without the annotation itself (an empty
 * annotations map is omitted, as omitempty does on the typed struct), stored in the annotation.
 */
export function withSavedConfig(obj: KubeObject): KubeObject {
  const annotations = { ...(obj.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  const { annotations: _dropped, ...meta } = obj.metadata;
  void _dropped;
  const bare: KubeObject = { ...obj, metadata: Object.keys(annotations).length > 0 ? { ...meta, annotations } : meta };
  return { ...obj, metadata: { ...obj.metadata, annotations: { ...annotations, [LAST_APPLIED]: typedJson(bare) } } };
}
