/**
 * What `kubectl --as/--as-group` asks of the API server's impersonation filter
 * (k8s.io/apiserver endpoints/filters/impersonation.go): which `impersonate` permissions the
 * real user needs, and who the request then runs as.
 */
import type { UserInfo } from '../types';
import { isDNS1123Label, isDNS1123Subdomain } from '../validation/names';
import type { Attributes } from './authorizer';

export interface ImpersonationRequest {
  name: string;
  /** The groups asked for with --as-group, in order. */
  groups: readonly string[];
}

const SA_PREFIX = 'system:serviceaccount:';

/** serviceaccount.SplitUsername: `system:serviceaccount:NS:NAME` with a valid namespace and name. */
export function splitServiceAccountUsername(username: string): { namespace: string; name: string } | undefined {
  if (!username.startsWith(SA_PREFIX)) return undefined;
  const parts = username.slice(SA_PREFIX.length).split(':');
  if (parts.length !== 2) return undefined;
  const [namespace, name] = parts as [string, string];
  if (isDNS1123Label(namespace).length > 0 || isDNS1123Subdomain(name).length > 0) return undefined;
  return { namespace, name };
}

/**
 * The user a request runs as. A service account without --as-group gets its fixed groups
 * (system:serviceaccounts, system:serviceaccounts:NS); anyone but system:anonymous gets
 * system:authenticated unless system:authenticated or system:unauthenticated was asked for.
 */
export function impersonatedUser(req: ImpersonationRequest): UserInfo {
  const sa = splitServiceAccountUsername(req.name);
  const groups = req.groups.length === 0 && sa ? ['system:serviceaccounts', `system:serviceaccounts:${sa.namespace}`] : [...req.groups];
  if (req.name !== 'system:anonymous' && !groups.some((g) => g === 'system:authenticated' || g === 'system:unauthenticated'))
    groups.push('system:authenticated');
  return { name: req.name, groups };
}

/** The `impersonate` checks made for the real user, in the filter's order: the user, then each group. */
export function impersonationChecks(realUser: UserInfo, req: ImpersonationRequest): Attributes[] {
  const checks: Attributes[] = [];
  if (req.name) {
    const sa = splitServiceAccountUsername(req.name);
    checks.push(
      sa
        ? { user: realUser, verb: 'impersonate', group: '', resource: 'serviceaccounts', namespace: sa.namespace, name: sa.name }
        : { user: realUser, verb: 'impersonate', group: '', resource: 'users', name: req.name },
    );
  }
  for (const g of req.groups) checks.push({ user: realUser, verb: 'impersonate', group: '', resource: 'groups', name: g });
  return checks;
}
