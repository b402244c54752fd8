/**
 * The RBAC authorizer: evaluates the Roles, ClusterRoles and bindings stored in the API, the
 * way kube-apiserver's `rbac` authorizer does, and words denials exactly like the real
 * `forbiddenMessage`.
 */
import type { ClusterRole, ClusterRoleBinding, PolicyRule, Role, RoleBinding, Subject } from 'kubernetes-types/rbac/v1';
import type { KubeObject, UserInfo } from '../types';

export interface Attributes {
  user: UserInfo;
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
  /** A non-resource request (`/healthz`, `/api`): only `nonResourceURLs` rules of cluster-wide bindings apply. */
  path?: string;
}

/** Read access to stored RBAC objects (no authorization of its own). */
export interface RbacSource {
  list(resource: string, namespace: string | undefined): readonly KubeObject[];
  get(resource: string, namespace: string, name: string): KubeObject | undefined;
}

const R = {
  roles: 'roles.rbac.authorization.k8s.io',
  roleBindings: 'rolebindings.rbac.authorization.k8s.io',
  clusterRoles: 'clusterroles.rbac.authorization.k8s.io',
  clusterRoleBindings: 'clusterrolebindings.rbac.authorization.k8s.io',
} as const;

/** Members of this group bypass authorization, as kube-apiserver's privileged-group shortcut does. */
export const SYSTEM_MASTERS = 'system:masters';

export function authorize(attrs: Attributes, src: RbacSource): { allowed: boolean; reason: string } {
  if (attrs.user.groups.includes(SYSTEM_MASTERS)) return { allowed: true, reason: `group "${SYSTEM_MASTERS}" is privileged` };
  for (const b of src.list(R.clusterRoleBindings, undefined) as unknown as ClusterRoleBinding[]) {
    if (!bindingApplies(b.subjects, attrs.user, undefined)) continue;
    const role = src.get(R.clusterRoles, '', b.roleRef.name) as unknown as ClusterRole | undefined;
    if (role && rulesAllow(role.rules, attrs))
      return { allowed: true, reason: `RBAC: allowed by ClusterRoleBinding "${b.metadata?.name}" of ClusterRole "${b.roleRef.name}" to ${subjectText(b.subjects, attrs.user)}` };
  }
  // Non-resource requests have no namespace: RoleBindings never grant them.
  if (attrs.namespace && attrs.path === undefined) {
    for (const b of src.list(R.roleBindings, attrs.namespace) as unknown as RoleBinding[]) {
      if (!bindingApplies(b.subjects, attrs.user, attrs.namespace)) continue;
      const role =
        b.roleRef.kind === 'ClusterRole'
          ? (src.get(R.clusterRoles, '', b.roleRef.name) as unknown as ClusterRole | undefined)
          : (src.get(R.roles, attrs.namespace, b.roleRef.name) as unknown as Role | undefined);
      if (role && rulesAllow(role.rules, attrs))
        return {
          allowed: true,
          reason: `RBAC: allowed by RoleBinding "${b.metadata?.name}/${attrs.namespace}" of ${b.roleRef.kind} "${b.roleRef.name}" to ${subjectText(b.subjects, attrs.user)}`,
        };
    }
  }
  return { allowed: false, reason: '' };
}

function subjectText(subjects: Subject[] | undefined, user: UserInfo): string {
  const s = (subjects ?? []).find((x) => subjectMatches(x, user, undefined));
  return s ? `${s.kind} "${s.name}"` : `User "${user.name}"`;
}

function bindingApplies(subjects: Subject[] | undefined, user: UserInfo, bindingNamespace: string | undefined): boolean {
  return (subjects ?? []).some((s) => subjectMatches(s, user, bindingNamespace));
}

function subjectMatches(s: Subject, user: UserInfo, bindingNamespace: string | undefined): boolean {
  switch (s.kind) {
    case 'User':
      return s.name === user.name;
    case 'Group':
      return user.groups.includes(s.name);
    case 'ServiceAccount':
      return user.name === `system:serviceaccount:${s.namespace ?? bindingNamespace ?? ''}:${s.name}`;
    default:
      return false;
  }
}

/** `RuleAllows`: verb, API group, resource (with subresource) and resourceNames must all match. */
export function rulesAllow(rules: PolicyRule[] | undefined, a: Attributes): boolean {
  if (a.path !== undefined) return (rules ?? []).some((r) => verbMatches(r, a.verb) && (r.nonResourceURLs ?? []).some((u) => nonResourceURLMatches(u, a.path!)));
  const combined = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  return (rules ?? []).some((r) => {
    if (!r.verbs.includes('*') && !r.verbs.includes(a.verb)) return false;
    if (!r.apiGroups || !(r.apiGroups.includes('*') || r.apiGroups.includes(a.group))) return false;
    const resources = r.resources ?? [];
    const resOk = resources.some(
      (x) => x === '*' || x === combined || (a.subresource ? x === `*/${a.subresource}` : false) || (!a.subresource && x === a.resource),
    );
    if (!resOk) return false;
    if (r.resourceNames?.length) return !!a.name && r.resourceNames.includes(a.name);
    return true;
  });
}

const verbMatches = (r: PolicyRule, verb: string): boolean => r.verbs.includes('*') || r.verbs.includes(verb);

/** rbacv1helpers.NonResourceURLMatches: exact, `*`, or a `prefix*` rule. */
function nonResourceURLMatches(rule: string, path: string): boolean {
  if (rule === '*' || rule === path) return true;
  return rule.endsWith('*') && path.startsWith(rule.slice(0, -1));
}

/** The upstream `forbiddenMessage`: what follows `<resource> "<name>" is forbidden: ` (or `forbidden: ` for a path). */
export function forbiddenMessage(a: Attributes): string {
  if (a.path !== undefined) return `User "${a.user.name}" cannot ${a.verb} path "${a.path}"`;
  const resource = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  const scope = a.namespace ? `in the namespace "${a.namespace}"` : 'at the cluster scope';
  return `User "${a.user.name}" cannot ${a.verb} resource "${resource}" in API group "${a.group}" ${scope}`;
}
