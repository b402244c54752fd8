/**
 * The Pod (and `--expose` Service) `kubectl run` generates (kubectl `pkg/cmd/run/run.go`,
 * `pkg/generate/versioned/run.go` BasicPod and ServiceGeneratorV2).
 */
import type { KubeObject } from '../../api/types';
import { KubectlError } from './common';

export interface RunInput {
  name: string;
  image: string;
  labels: string;
  env: string[];
  port: string;
  restart: 'Always' | 'OnFailure' | 'Never';
  stdin: boolean;
  tty: boolean;
  leaveStdinOpen: boolean;
  command: boolean;
  args: string[];
  imagePullPolicy: string;
  serviceAccount: string;
  annotations: string[];
  namespace?: string;
}

/** `k=v,k2=v2` → map (generate.ParseLabels). */
export function parseLabelSpec(spec: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of spec.split(',')) {
    const kv = part.split('=');
    if (kv.length !== 2 || !kv[0]) throw new KubectlError(`invalid label spec: ${part}`);
    out[kv[0]] = kv[1]!;
  }
  return out;
}

function parseEnvs(envs: string[]): { name: string; value: string }[] {
  return envs.map((e) => {
    const eq = e.indexOf('=');
    if (eq <= 0) throw new KubectlError(`invalid env: ${e}`);
    return { name: e.slice(0, eq), value: e.slice(eq + 1) };
  });
}

/** BasicPod.Generate. */
export function generateRunPod(o: RunInput): KubeObject {
  const labels = o.labels ? parseLabelSpec(o.labels) : { run: o.name };
  const annotations: Record<string, string> = {};
  for (const a of o.annotations) {
    const eq = a.indexOf('=');
    if (eq <= 0) throw new KubectlError(`invalid annotation spec: ${a}`);
    annotations[a.slice(0, eq)] = a.slice(eq + 1);
  }
  const container: Record<string, unknown> = { name: o.name, image: o.image };
  if (o.args.length) container[o.command ? 'command' : 'args'] = o.args;
  if (o.env.length) container.env = parseEnvs(o.env);
  if (o.imagePullPolicy) container.imagePullPolicy = o.imagePullPolicy;
  if (o.port) {
    if (!/^\d+$/.test(o.port)) throw new KubectlError(`strconv.Atoi: parsing ${JSON.stringify(o.port)}: invalid syntax`);
    container.ports = [{ containerPort: Number(o.port) }];
  }
  container.resources = {};
  if (o.stdin) container.stdin = true;
  if (o.stdin && !o.leaveStdinOpen) container.stdinOnce = true;
  if (o.tty) container.tty = true;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: o.name, labels, ...(Object.keys(annotations).length ? { annotations } : {}), ...(o.namespace ? { namespace: o.namespace } : {}) },
    spec: {
      containers: [container],
      dnsPolicy: 'ClusterFirst',
      restartPolicy: o.restart,
      ...(o.serviceAccount ? { serviceAccountName: o.serviceAccount } : {}),
    },
    status: {},
  };
}

/** ServiceGeneratorV2 for `--expose`: same name, the pod's labels as selector, port → port. */
export function generateRunService(pod: KubeObject, port: string, namespace?: string): KubeObject {
  const labels = pod.metadata.labels ?? {};
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: pod.metadata.name!, ...(namespace ? { namespace } : {}) },
    spec: { ports: [{ port: Number(port), protocol: 'TCP', targetPort: Number(port) }], selector: { ...labels } },
    status: { loadBalancer: {} },
  };
}
