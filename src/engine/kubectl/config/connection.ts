/**
 * Who kubectl talks to the API server as, and whether it can reach it at all: clientcmd's
 * loading rules (flags > kubeconfig > in-cluster > localhost:8080 default).
 */
import type { UserInfo } from '../../api/types';
import type { CommandContext } from '../../shell/types';
import type { ToolEnv } from '../../cluster/tools';
import type { PodObject } from '../../sim/kinds';
import { KubeconfigError, kubeconfigPath, parseKubeconfig, type Kubeconfig } from './kubeconfig';
import { serviceAccountToken, userFromCertificate, userFromToken } from './credentials';

export const SA_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

export type Connection =
  | { kind: 'ok'; user: UserInfo; namespace: string; server: string; contextName: string; config: Kubeconfig | undefined; configPath: string | undefined }
  | { kind: 'refused'; hostPort: string; namespace: string; config: Kubeconfig | undefined; configPath: string | undefined }
  | { kind: 'unauthorized'; namespace: string; config: Kubeconfig | undefined; configPath: string | undefined };

export interface ConnectionFlags {
  kubeconfig: string;
  context: string;
  cluster: string;
  user: string;
  server: string;
  token: string;
  namespace: string;
}

/** `https://host:port` → `host:port` (default ports filled in as Go's net/url users do). */
export function hostPort(server: string): string {
  const m = /^(?:(https?):\/\/)?([^/:]+|\[[^\]]+\])(?::(\d+))?/.exec(server);
  if (!m) return server;
  return `${m[2]}:${m[3] ?? (m[1] === 'http' ? '80' : '443')}`;
}

/** Addresses at which the simulated kube-apiserver answers. */
function reachable(env: ToolEnv, server: string): boolean {
  const ip = env.sim.config.nodes.find((n) => n.controlPlane)?.internalIP ?? '172.18.0.2';
  const hp = hostPort(server);
  const domain = env.sim.config.clusterDomain;
  const names = ['kubernetes', 'kubernetes.default', 'kubernetes.default.svc', `kubernetes.default.svc.${domain}`, '10.96.0.1'];
  if (hp === `${ip}:6443` || hp === 'controlplane:6443') return true;
  return names.some((n) => hp === `${n}:443`);
}

/** The pod's service-account token, as the kubelet mounts it (undefined when not mounted). */
function inClusterToken(ctx: CommandContext, env: ToolEnv): { token: string; namespace: string } | undefined {
  if (env.place.kind !== 'container') return undefined;
  if (!ctx.env.get('KUBERNETES_SERVICE_HOST') || !ctx.env.get('KUBERNETES_SERVICE_PORT')) return undefined;
  const { namespace, pod, container } = env.place;
  if (ctx.fs.exists(`${SA_DIR}/token`)) {
    const nsFile = `${SA_DIR}/namespace`;
    return { token: ctx.fs.readFile(`${SA_DIR}/token`), namespace: ctx.fs.exists(nsFile) ? ctx.fs.readFile(nsFile).trim() : namespace };
  }
  const p = env.sim.api.admin().tryGet<PodObject>('pods', namespace, pod);
  const c = p?.spec?.containers?.find((x) => x.name === container);
  if (!p || !c?.volumeMounts?.some((m) => m.mountPath === SA_DIR)) return undefined;
  return { token: serviceAccountToken(namespace, p.spec?.serviceAccountName ?? 'default'), namespace };
}

/** Resolves the connection for one invocation. Throws {@link KubeconfigError} for broken configs. */
export function resolveConnection(ctx: CommandContext, env: ToolEnv, f: ConnectionFlags): Connection {
  const path = kubeconfigPath(ctx, f.kubeconfig);
  if (f.kubeconfig && (!path || !ctx.fs.exists(path))) throw new KubeconfigError(`stat ${f.kubeconfig}: no such file or directory`);
  const config = path ? parseKubeconfig(ctx.fs.readFile(path), path) : undefined;
  const contextName = f.context || config?.['current-context'] || '';
  const namedContext = config?.contexts.find((c) => c.name === contextName);
  if (f.context && !namedContext) throw new KubeconfigError(`context was not found for specified context: ${f.context}`);
  const ctxSpec = namedContext?.context ?? {};
  const clusterName = f.cluster || ctxSpec.cluster || '';
  const userName = f.user || ctxSpec.user || '';
  if (f.cluster && !config?.clusters.some((c) => c.name === f.cluster)) throw new KubeconfigError(`cluster "${f.cluster}" does not exist`);
  const cluster = config?.clusters.find((c) => c.name === clusterName)?.cluster;
  const userSpec = config?.users.find((u) => u.name === userName)?.user;
  let namespace = f.namespace || ctxSpec.namespace || '';
  let server = f.server || cluster?.server || '';
  let user: UserInfo | undefined;
  let token = f.token || userSpec?.token || '';
  if (!token && userSpec?.tokenFile && ctx.fs.exists(ctx.resolve(userSpec.tokenFile))) token = ctx.fs.readFile(ctx.resolve(userSpec.tokenFile));
  if (!server) {
    // No usable kubeconfig: clientcmd falls back to the in-cluster config inside a pod.
    const inCluster = config ? undefined : inClusterToken(ctx, env);
    if (inCluster) {
      server = `https://${ctx.env.get('KUBERNETES_SERVICE_HOST')}:${ctx.env.get('KUBERNETES_SERVICE_PORT')}`;
      token = token || inCluster.token;
      namespace = namespace || inCluster.namespace;
    }
  }
  namespace = namespace || 'default';
  if (!server) return { kind: 'refused', hostPort: 'localhost:8080', namespace, config, configPath: path };
  if (!reachable(env, server)) return { kind: 'refused', hostPort: hostPort(server), namespace, config, configPath: path };
  if (token) user = userFromToken(token);
  else if (userSpec?.['client-certificate-data']) user = userFromCertificate(userSpec['client-certificate-data']);
  else if (userSpec?.['client-certificate'] && ctx.fs.exists(ctx.resolve(userSpec['client-certificate']))) {
    user = userFromCertificate(ctx.fs.readFile(ctx.resolve(userSpec['client-certificate'])));
  } else user = { name: 'system:anonymous', groups: ['system:unauthenticated'] };
  if (!user) return { kind: 'unauthorized', namespace, config, configPath: path };
  return { kind: 'ok', user, namespace, server, contextName, config, configPath: path };
}
