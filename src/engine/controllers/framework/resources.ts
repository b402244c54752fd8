/**
 * The resource names (plural, with group) controllers pass to the {@link ApiClient}. Kept in one
 * table so a typo cannot silently watch a resource that does not exist.
 */
export const R = {
  pods: 'pods',
  services: 'services',
  endpoints: 'endpoints',
  endpointSlices: 'endpointslices.discovery.k8s.io',
  nodes: 'nodes',
  namespaces: 'namespaces',
  events: 'events',
  deployments: 'deployments.apps',
  replicaSets: 'replicasets.apps',
  daemonSets: 'daemonsets.apps',
  clusterRoles: 'clusterroles.rbac.authorization.k8s.io',
} as const;
export type ResourceName = (typeof R)[keyof typeof R];
