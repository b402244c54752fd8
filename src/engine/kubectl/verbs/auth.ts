/** `kubectl auth can-i VERB RESOURCE[/NAME]` and `--list`, evaluated by the API server's RBAC authorizer. */
import type { ClusterRole, ClusterRoleBinding, PolicyRule, Role, RoleBinding, Subject } from 'kubernetes-types/rbac/v1';
import { ApiError, type UserInfo } from '../../api/types';
import { authorize, type RbacSource } from '../../api/rbac/authorizer';
import { TABLE_TABWRITER, TabWriter } from '../print/tabwriter';
import type { KubectlContext, Verb } from '../verb';
import { UsageError } from '../cli/errors';
import { defaultSubCommandRun } from '../cli/help';

function source(k: KubectlContext): RbacSource {
  return { list: (r, ns) => k.server.store.list(r, ns), get: (r, ns, n) => k.server.store.get(r, ns, n) };
}

/** The effective user: impersonated (`--as`) or authenticated. */
function userOf(k: KubectlContext): UserInfo {
  return k.api.user;
}

function canI(k: KubectlContext): number {
  if (k.flags.get<boolean>('list')) return list(k);
  const [verb, resourceArg, nameArg] = k.args;
  if (!verb || !resourceArg) throw new UsageError('you must specify two arguments: verb resource or verb resource/resourceName.');
  let name = nameArg;
  let resource = resourceArg;
  if (resource.includes('/') && !resource.startsWith('/')) [resource, name] = resource.split('/', 2) as [string, string];
  let group = '';
  let plural = resource;
  if (resource !== '*' && !resource.startsWith('/')) {
    try {
      const info = k.server.resolveResource(resource);
      group = info.group;
      plural = info.resource;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      k.cmd.stderr(`Warning: the server doesn't have a resource type '${resource}'\n\n`);
    }
  }
  const namespace = k.flags.get<boolean>('all-namespaces') ? undefined : k.namespace;
  const sub = k.flags.get<string>('subresource') || undefined;
  // A NONRESOURCEURL (`/healthz`) is asked about as a path, with no namespace (cani.go nonResourceURL).
  const attrs = resource.startsWith('/')
    ? { user: userOf(k), verb, group: '', resource: '', path: resource }
    : { user: userOf(k), verb, group, resource: plural, ...(sub ? { subresource: sub } : {}), ...(namespace ? { namespace } : {}), ...(name ? { name } : {}) };
  const allowed = authorize(attrs, source(k)).allowed;
  if (!k.flags.get<boolean>('quiet')) k.cmd.stdout(allowed ? 'yes\n' : 'no\n');
  return allowed ? 0 : 1;
}

function applies(subjects: Subject[] | undefined, user: UserInfo, ns: string | undefined): boolean {
  return (subjects ?? []).some((s) =>
    s.kind === 'User' ? s.name === user.name : s.kind === 'Group' ? user.groups.includes(s.name) : user.name === `system:serviceaccount:${s.namespace ?? ns ?? ''}:${s.name}`,
  );
}

/**
 * `auth whoami` (whoami.go printTableSelfSubjectAccessReview): the user a SelfSubjectReview
 * echoes back, the one this request authenticated (or impersonated) as.
 */
function whoami(k: KubectlContext): number {
  if (k.args.length > 0) throw new UsageError(`unknown command ${JSON.stringify(k.args.join(' '))}`);
  const user = userOf(k);
  const w = new TabWriter(TABLE_TABWRITER);
  w.write('ATTRIBUTE\tVALUE\n');
  if (user.name) w.write(`Username\t${user.name}\n`);
  if (user.groups.length > 0) w.write(`Groups\t[${user.groups.join(' ')}]\n`);
  k.cmd.stdout(w.flush());
  return 0;
}

/** rbac/v1 PolicyRule.String() (gogo-generated): the key can-i --list sorts its rules by, verbs first. */
function ruleString(r: PolicyRule): string {
  const list = (v: string[] | undefined) => `[${(v ?? []).join(' ')}]`;
  return `&PolicyRule{Verbs:${list(r.verbs)},APIGroups:${list(r.apiGroups)},Resources:${list(r.resources)},ResourceNames:${list(r.resourceNames)},NonResourceURLs:${list(r.nonResourceURLs)},}`;
}

/** rbac util BreakdownRule: one rule per group x resource (x name), and one per non-resource URL. */
function breakdown(rule: PolicyRule): PolicyRule[] {
  const out: PolicyRule[] = [];
  for (const group of rule.apiGroups ?? []) {
    for (const resource of rule.resources ?? []) {
      if ((rule.resourceNames ?? []).length > 0) for (const name of rule.resourceNames!) out.push({ apiGroups: [group], resources: [resource], verbs: rule.verbs, resourceNames: [name] });
      else out.push({ apiGroups: [group], resources: [resource], verbs: rule.verbs });
    }
  }
  for (const url of rule.nonResourceURLs ?? []) out.push({ nonResourceURLs: [url], verbs: rule.verbs });
  return out;
}

/** rbac util CompactRules: rules on one group and resource (and at most one name) merge their verbs, duplicates kept. */
function compact(rules: PolicyRule[]): PolicyRule[] {
  const out: PolicyRule[] = [];
  const simple = new Map<string, PolicyRule>();
  for (const r of rules) {
    const isSimple = r.apiGroups?.length === 1 && r.resources?.length === 1 && (r.nonResourceURLs ?? []).length === 0 && (r.resourceNames ?? []).length <= 1;
    if (!isSimple) {
      out.push(r);
      continue;
    }
    const key = JSON.stringify([r.apiGroups![0], r.resources![0], r.resourceNames?.[0] ?? '']);
    const seen = simple.get(key);
    if (seen) seen.verbs = [...seen.verbs, ...r.verbs];
    else simple.set(key, { ...r, verbs: [...r.verbs] });
  }
  return [...out, ...simple.values()];
}

/** describe.CombineResourceGroup: `resource.group[/subresource]` of a rule's first resource. */
function combineResourceGroup(resources: string[] | undefined, groups: string[] | undefined): string {
  if (!resources?.length) return '';
  const [name, sub] = resources[0]!.split(/\/(.*)/s, 2) as [string, string | undefined];
  return `${name}${groups?.length && groups[0] !== '' ? `.${groups[0]}` : ''}${sub !== undefined ? `/${sub}` : ''}`;
}

/**
 * SelfSubjectRulesReview as `auth can-i --list` prints it (cani.go printStatus): the rules of every
 * binding that names the user or one of its groups, broken down, compacted, sorted stably by their
 * String(), one row each.
 */
function list(k: KubectlContext): number {
  const user = userOf(k);
  const src = source(k);
  const rules: PolicyRule[] = [];
  for (const b of src.list('clusterrolebindings.rbac.authorization.k8s.io', undefined) as unknown as ClusterRoleBinding[]) {
    if (!applies(b.subjects, user, undefined)) continue;
    const role = src.get('clusterroles.rbac.authorization.k8s.io', '', b.roleRef.name) as unknown as ClusterRole | undefined;
    rules.push(...(role?.rules ?? []));
  }
  for (const b of src.list('rolebindings.rbac.authorization.k8s.io', k.namespace) as unknown as RoleBinding[]) {
    if (!applies(b.subjects, user, k.namespace)) continue;
    const role = (b.roleRef.kind === 'ClusterRole' ? src.get('clusterroles.rbac.authorization.k8s.io', '', b.roleRef.name) : src.get('roles.rbac.authorization.k8s.io', k.namespace, b.roleRef.name)) as unknown as Role | undefined;
    rules.push(...(role?.rules ?? []));
  }
  const keyed = compact(rules.flatMap(breakdown)).map((r) => ({ r, key: ruleString(r) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const w = new TabWriter(TABLE_TABWRITER);
  if (!k.flags.get<boolean>('no-headers')) w.write('Resources\tNon-Resource URLs\tResource Names\tVerbs\n');
  const list = (v: string[] | undefined) => `[${(v ?? []).join(' ')}]`;
  for (const { r } of keyed) w.write(`${combineResourceGroup(r.resources, r.apiGroups)}\t${list(r.nonResourceURLs)}\t${list(r.resourceNames)}\t${list(r.verbs)}\n`);
  k.cmd.stdout(w.flush());
  return 0;
}

export const authVerb: Verb = {
  name: 'auth',
  short: 'Inspect authorization.',
  usage: 'kubectl auth [flags] [options]',
  flags: [],
  subcommands: [
    {
      name: 'can-i',
      short: 'Check whether an action is allowed.',
      usage: 'kubectl auth can-i VERB [TYPE | TYPE/NAME | NONRESOURCEURL] [options]',
      flags: [
        { name: 'all-namespaces', short: 'A', kind: 'bool', default: false, usage: 'If true, check the specified action in all namespaces.' },
        { name: 'list', kind: 'bool', default: false, usage: 'If true, prints all allowed actions.' },
        { name: 'no-headers', kind: 'bool', default: false, usage: 'If true, prints allowed actions without headers' },
        { name: 'quiet', short: 'q', kind: 'bool', default: false, usage: 'If true, suppress output and just return the exit code.' },
        { name: 'subresource', kind: 'string', default: '', usage: 'SubResource such as pod/log or deployment/scale' },
      ],
      run: canI,
    },
    {
      name: 'whoami',
      short: 'Experimental: Check self subject attributes',
      usage: 'kubectl auth whoami',
      flags: [],
      run: whoami,
    },
  ],
  run: defaultSubCommandRun('kubectl auth', () => authVerb),
};
