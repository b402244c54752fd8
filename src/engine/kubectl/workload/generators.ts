/**
 * The objects kubectl's generators build, field for field (kubectl `pkg/cmd/create/*.go`,
 * `pkg/cmd/run/run.go`). Zero-valued structs that Go marshals anyway (`strategy: {}`,
 * `resources: {}`, `status: {}`) are kept, because `--dry-run=client -o yaml` shows them.
 */
import type { KubeObject } from '../../api/types';
import type { Rng } from '../../sim/Rng';
import { KubectlError } from './common';

/** utilrand's alphabet: no vowels, no 0/1/3, so generated suffixes never spell words. */
const RAND_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/**
 * create deployment's container name: the image's last path segment without tag or digest;
 * `_` and `.` are replaced and a random suffix added (sanitizeAndUniquify).
 */
export function containerNameFromImage(image: string, rng: Rng): string {
  let name = image.split('/').pop() ?? image;
  name = name.split(':')[0]!.split('@')[0]!;
  if (/[_.]/.test(name)) name = `${name.replace(/[_.]/g, '-')}-${rng.string(5, RAND_ALPHABET)}`;
  return name;
}

export interface DeploymentSpecInput {
  name: string;
  images: string[];
  replicas: number;
  /** -1 when not given. */
  port: number;
  command: string[];
  namespace?: string;
}

/** CreateDeploymentOptions.createDeployment. */
export function generateDeployment(o: DeploymentSpecInput, rng: Rng): KubeObject {
  const labels = { app: o.name };
  const containers = o.images.map((image) => ({ name: containerNameFromImage(image, rng), image, ...(o.command.length ? { command: o.command } : {}), resources: {} as Record<string, never> }));
  if (o.port >= 0 && containers.length > 0) Object.assign(containers[0]!, { ports: [{ containerPort: o.port }] });
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: o.name, labels: { ...labels }, ...(o.namespace ? { namespace: o.namespace } : {}) },
    spec: {
      replicas: o.replicas,
      selector: { matchLabels: { ...labels } },
      strategy: {},
      template: { metadata: { labels: { ...labels } }, spec: { containers } },
    },
    status: {},
  };
}

/** utilsnet.ParsePort(s, true) and intstr parsing of create service's `--tcp=port:targetPort`. */
function parsePortPair(spec: string): { port: number; targetPort: number | string } {
  const parts = spec.split(':');
  const portNum = (s: string): number => {
    if (!/^\d+$/.test(s)) throw new KubectlError(`strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`);
    const n = Number(s);
    if (n > 65535) throw new KubectlError(`port "${s}" out of range`);
    return n;
  };
  const port = portNum(parts[0]!);
  if (parts.length === 1) return { port, targetPort: port };
  const t = parts[1]!;
  if (/^-?\d+$/.test(t)) {
    const n = Number(t);
    if (n < 1 || n > 65535) throw new KubectlError('must be between 1 and 65535, inclusive');
    return { port, targetPort: n };
  }
  if (t.length > 15) throw new KubectlError('must be no more than 15 characters');
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(t) || !/[a-z]/.test(t) || t.includes('--')) {
    throw new KubectlError(!/[a-z]/.test(t) ? 'must contain at least one letter (a-z)' : t.includes('--') ? "must not contain consecutive hyphens" : "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
  }
  return { port, targetPort: t };
}

export interface ServiceSpecInput {
  name: string;
  type: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';
  tcp: string[];
  clusterIP?: string;
  nodePort?: number;
  externalName?: string;
  namespace?: string;
}

/** ServiceOptions.Validate + createService (`kubectl create service <type>`). */
export function generateService(o: ServiceSpecInput): KubeObject {
  if (o.clusterIP === 'None' && o.type !== 'ClusterIP') throw new KubectlError('ClusterIP=None can only be used with ClusterIP service type');
  if (o.clusterIP !== 'None' && o.tcp.length === 0 && o.type !== 'ExternalName') throw new KubectlError('at least one tcp port specifier must be provided');
  if (o.type === 'ExternalName' && !isDNS1123Subdomain(o.externalName ?? '')) throw new KubectlError(`invalid service external name ${o.externalName ?? ''}`);
  const ports = o.tcp.map((spec) => {
    const { port, targetPort } = parsePortPair(spec);
    return { name: spec.replace(/:/g, '-'), port, protocol: 'TCP', targetPort, ...(o.nodePort ? { nodePort: o.nodePort } : {}) };
  });
  const spec: Record<string, unknown> = { ports: ports.length ? ports : undefined, selector: { app: o.name }, type: o.type };
  if (o.externalName) spec.externalName = o.externalName;
  if (o.clusterIP) spec.clusterIP = o.clusterIP;
  if (!spec.ports) delete spec.ports;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: o.name, labels: { app: o.name }, ...(o.namespace ? { namespace: o.namespace } : {}) },
    spec,
    status: { loadBalancer: {} },
  };
}

function isDNS1123Subdomain(s: string): boolean {
  return s.length > 0 && s.length <= 253 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(s);
}

/** `kubectl create namespace`. */
export function generateNamespace(name: string): KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name }, spec: {}, status: {} };
}

/** `kubectl create serviceaccount`. */
export function generateServiceAccount(name: string, namespace?: string): KubeObject {
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, ...(namespace ? { namespace } : {}) } };
}
