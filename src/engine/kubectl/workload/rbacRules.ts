/**
 * The PolicyRules `kubectl create role|clusterrole` generate from --verb, --resource,
 * --resource-name and --non-resource-url, with their validation, as upstream
 * `pkg/cmd/create/create_role.go` and `create_clusterrole.go` do it.
 */
import { isResourceName } from '../../api/resources';
import type { ResourceInfo } from '../../api/types';
import type { KubectlContext } from '../verb';
import { KubectlError, sliceFlag } from './common';

/** One `--resource` value split as `resource.group/subresource`. */
export interface ResourceOption {
  group: string;
  resource: string;
  subResource: string;
}

export interface PolicyRule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

const VALID_RESOURCE_VERBS = ['*', 'get', 'delete', 'list', 'create', 'update', 'patch', 'watch', 'proxy', 'deletecollection', 'use', 'bind', 'escalate', 'impersonate'];
const VALID_NON_RESOURCE_VERBS = ['*', 'get', 'post', 'put', 'delete', 'patch', 'head', 'options'];

/** Verbs that only make sense on particular group/resources (kubectl's `specialVerbs`). */
const SPECIAL_VERBS: Record<string, [group: string, resource: string][]> = {
  use: [['policy', 'podsecuritypolicies'], ['extensions', 'podsecuritypolicies']],
  bind: [['rbac.authorization.k8s.io', 'roles'], ['rbac.authorization.k8s.io', 'clusterroles']],
  escalate: [['rbac.authorization.k8s.io', 'roles'], ['rbac.authorization.k8s.io', 'clusterroles']],
  impersonate: [['', 'users'], ['', 'serviceaccounts'], ['', 'groups'], ['authentication.k8s.io', 'userextras']],
};

/** Keeps the first occurrence of every value. */
const unique = (values: string[]): string[] => values.filter((v, i) => values.indexOf(v) === i);

/** --verb, de-duplicated; `*` anywhere stands for every verb and ends the list. */
export function verbsOf(ctx: KubectlContext): string[] {
  const verbs: string[] = [];
  for (const v of sliceFlag(ctx, 'verb')) {
    if (v === '*') return ['*'];
    if (!verbs.includes(v)) verbs.push(v);
  }
  return verbs;
}

/** --resource parsed as `resource.group/subresource`; a bare `*` replaces everything and stops. */
export function resourceOptionsOf(ctx: KubectlContext): ResourceOption[] {
  const out: ResourceOption[] = [];
  for (const r of sliceFlag(ctx, 'resource')) {
    const slash = r.indexOf('/');
    const head = slash < 0 ? r : r.slice(0, slash);
    const dot = head.indexOf('.');
    const opt: ResourceOption = { resource: dot < 0 ? head : head.slice(0, dot), group: dot < 0 ? '' : head.slice(dot + 1), subResource: slash < 0 ? '' : r.slice(slash + 1) };
    if (opt.resource === '*' && dot < 0 && slash < 0) return [opt];
    out.push(opt);
  }
  return out;
}

/** --resource-name (a StringArray: no comma splitting), de-duplicated. */
export const resourceNamesOf = (ctx: KubectlContext): string[] => unique(ctx.flags.get<string[]>('resource-name') ?? []);

/** The RESTMapper's ResourceFor: plural, singular or short name, in the given group or any group when none. */
function mapResource(resources: ResourceInfo[], r: ResourceOption): ResourceInfo | KubectlError {
  const name = r.resource.toLowerCase();
  const found = resources.find((i) => (r.group === '' || i.group === r.group) && isResourceName(i, name));
  if (found) return found;
  return new KubectlError(r.group ? `the server doesn't have a resource type "${r.resource}" in group "${r.group}"` : `the server doesn't have a resource type "${r.resource}"`);
}

/** Warns about verbs outside kubectl's list, as Validate does (a warning, not an error). */
export function warnNonStandardVerbs(ctx: KubectlContext, verbs: string[]): void {
  for (const v of verbs) if (!VALID_RESOURCE_VERBS.includes(v)) ctx.cmd.stderr(`Warning: '${v}' is not a standard resource verb\n`);
}

/** validateResource: every resource must map (a bare `*` ends the check), special verbs only on their resources. */
export function validateResources(resources: ResourceInfo[], verbs: string[], options: ResourceOption[]): void {
  for (const r of options) {
    if (r.resource === '') throw new KubectlError('resource must be specified if apiGroup/subresource specified');
    if (r.resource === '*') return;
    const mapped = mapResource(resources, r);
    let failure: KubectlError | undefined = mapped instanceof KubectlError ? mapped : undefined;
    const resource = mapped instanceof KubectlError ? r.resource : mapped.resource;
    const group = mapped instanceof KubectlError ? r.group : mapped.group;
    for (const v of verbs) {
      const allowed = SPECIAL_VERBS[v];
      if (!allowed) continue;
      if (!allowed.some(([g, res]) => g === group && res === resource)) throw new KubectlError(`can not perform '${v}' on '${resource}' in group '${group}'`);
      failure = undefined;
    }
    if (failure) throw failure;
  }
}

/** clusterrole's checks on --non-resource-url. */
export function validateNonResourceURLs(verbs: string[], urls: string[]): void {
  for (const v of verbs) if (!VALID_NON_RESOURCE_VERBS.includes(v)) throw new KubectlError(`invalid verb: '${v}' for nonResourceURL`);
  for (const url of urls) {
    if (url === '*') continue;
    if (!url.startsWith('/')) throw new KubectlError('nonResourceURL should start with /');
    if (url.slice(0, -1).includes('*')) throw new KubectlError("nonResourceURL only supports wildcard matches when '*' is at the end");
  }
}

/** generateResourcePolicyRules: one rule per API group (sorted), then one for the non-resource URLs. */
export function policyRules(resources: ResourceInfo[], verbs: string[], options: ResourceOption[], resourceNames: string[], nonResourceURLs: string[]): PolicyRule[] {
  const byGroup = new Map<string, string[]>();
  for (const r of options) {
    const mapped = mapResource(resources, r);
    const group = mapped instanceof KubectlError ? r.group : mapped.group;
    const name = (mapped instanceof KubectlError ? r.resource : mapped.resource) + (r.subResource ? `/${r.subResource}` : '');
    const list = byGroup.get(group) ?? [];
    if (!list.includes(name)) list.push(name);
    byGroup.set(group, list);
  }
  const rules: PolicyRule[] = [...byGroup.keys()].sort().map((g) => ({
    verbs,
    apiGroups: [g],
    resources: byGroup.get(g)!,
    ...(resourceNames.length ? { resourceNames } : {}),
  }));
  if (nonResourceURLs.length) rules.push({ verbs, nonResourceURLs });
  return rules;
}

export { unique };
