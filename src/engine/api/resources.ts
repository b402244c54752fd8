/**
 * The discovery table: every resource the simulated API server serves, as
 * `kubectl api-resources -o wide` lists it on a Kubernetes 1.34 kubeadm cluster.
 */
import type { ResourceInfo } from './types';
import { ApiError, StatusReason } from './types';

const ALL = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const NO_COLLECTION = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'];

function r(
  group: string,
  kind: string,
  resource: string,
  shortNames: string[],
  namespaced: boolean,
  verbs = ALL,
  categories: string[] = [],
): ResourceInfo {
  return {
    group,
    version: 'v1',
    kind,
    resource,
    singular: kind.toLowerCase(),
    shortNames,
    namespaced,
    verbs,
    ...(categories.length ? { categories } : {}),
  };
}

/** In `kubectl api-resources` order: core first, then groups alphabetically. */
export const RESOURCES: readonly ResourceInfo[] = [
  r('', 'ConfigMap', 'configmaps', ['cm'], true),
  r('', 'Endpoints', 'endpoints', ['ep'], true),
  r('', 'Event', 'events', ['ev'], true),
  r('', 'Namespace', 'namespaces', ['ns'], false, NO_COLLECTION),
  r('', 'Node', 'nodes', ['no'], false),
  r('', 'Pod', 'pods', ['po'], true, ALL, ['all']),
  r('', 'ServiceAccount', 'serviceaccounts', ['sa'], true),
  r('', 'Service', 'services', ['svc'], true, ALL, ['all']),
  r('apps', 'DaemonSet', 'daemonsets', ['ds'], true, ALL, ['all']),
  r('apps', 'Deployment', 'deployments', ['deploy'], true, ALL, ['all']),
  r('apps', 'ReplicaSet', 'replicasets', ['rs'], true, ALL, ['all']),
  r('discovery.k8s.io', 'EndpointSlice', 'endpointslices', [], true),
  r('rbac.authorization.k8s.io', 'ClusterRoleBinding', 'clusterrolebindings', [], false),
  r('rbac.authorization.k8s.io', 'ClusterRole', 'clusterroles', [], false),
  r('rbac.authorization.k8s.io', 'RoleBinding', 'rolebindings', [], true),
  r('rbac.authorization.k8s.io', 'Role', 'roles', [], true),
];

/** `services`, `deployments.apps`: the key other components use to name a resource. */
export const resourceKey = (info: ResourceInfo): string => (info.group ? `${info.resource}.${info.group}` : info.resource);

/** `v1`, `apps/v1`. */
export const apiVersionOf = (info: ResourceInfo): string => (info.group ? `${info.group}/${info.version}` : info.version);

const byKey = new Map(RESOURCES.map((i) => [resourceKey(i), i]));

/** The resource for a key (`services`, `deployments.apps`); throws NotFound like an unknown URL. */
export function infoForKey(key: string): ResourceInfo {
  const info = byKey.get(key);
  if (!info) throw new ApiError(404, StatusReason.NotFound, 'the server could not find the requested resource');
  return info;
}

/** GVK → resource; unknown kinds throw the RESTMapper's `no matches for kind` error. */
export function resourceFor(apiVersion: string, kind: string): ResourceInfo {
  const info = RESOURCES.find((i) => apiVersionOf(i) === apiVersion && i.kind === kind);
  if (!info) {
    const [group, version] = apiVersion.includes('/') ? apiVersion.split('/', 2) : ['', apiVersion];
    throw new ApiError(404, StatusReason.NotFound, `no matches for kind "${kind}" in version "${group ? `${group}/${version}` : version}"`);
  }
  return info;
}

/** Whether a lower-case `name` is the resource's plural, singular or a short name (the RESTMapper's names for it). */
export function isResourceName(info: ResourceInfo, name: string): boolean {
  return info.resource === name || info.singular === name || info.shortNames.includes(name);
}

/**
 * What kubectl accepts as a resource argument: plural, singular, short name, kind (any case),
 * each optionally qualified with `.group` or `.version.group`. Throws kubectl's
 * `the server doesn't have a resource type "x"` for anything else.
 */
export function resolveResource(arg: string): ResourceInfo {
  const lower = arg.toLowerCase();
  const candidates: { name: string; group: string | undefined; version: string | undefined }[] = [{ name: lower, group: undefined, version: undefined }];
  const dot = lower.indexOf('.');
  if (dot > 0) {
    const name = lower.slice(0, dot);
    const rest = lower.slice(dot + 1);
    candidates.push({ name, group: rest, version: undefined });
    const dot2 = rest.indexOf('.');
    if (dot2 > 0) candidates.push({ name, group: rest.slice(dot2 + 1), version: rest.slice(0, dot2) });
    else candidates.push({ name, group: '', version: rest });
  }
  for (const c of candidates) {
    const found = RESOURCES.find(
      (i) =>
        (c.group === undefined || i.group === c.group) &&
        (c.version === undefined || i.version === c.version) &&
        (isResourceName(i, c.name) || i.kind.toLowerCase() === c.name),
    );
    if (found) return found;
  }
  throw new ApiError(404, StatusReason.NotFound, `the server doesn't have a resource type "${arg}"`);
}
