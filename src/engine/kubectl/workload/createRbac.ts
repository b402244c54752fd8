/**
 * `kubectl create role | clusterrole | rolebinding | clusterrolebinding`: the RBAC generators of
 * upstream `pkg/cmd/create/create_{role,clusterrole,rolebinding,clusterrolebinding}.go`. Complete's
 * checks (NAME, -o, --dry-run) come before Validate's, as there.
 */
import type { KubeObject } from '../../api/types';
import type { FlagDef, KubectlContext, Verb } from '../verb';
import { KubectlError, checkOutputFormat, dryRunOf, generatedNamespace, guarded, nameArg, requireFlags, sliceFlag } from './common';
import { CREATE_FLAGS, submit } from './createCommon';
import { policyRules, resourceNamesOf, resourceOptionsOf, unique, validateNonResourceURLs, validateResources, verbsOf, warnNonStandardVerbs } from './rbacRules';

const RBAC = 'rbac.authorization.k8s.io';
const RBAC_V1 = `${RBAC}/v1`;

const RULE_FLAGS: FlagDef[] = [
  { name: 'verb', kind: 'stringArray', default: [], usage: 'Verb that applies to the resources contained in the rule' },
  { name: 'resource', kind: 'stringArray', default: [], usage: 'Resource that the rule applies to' },
  { name: 'resource-name', kind: 'stringArray', default: [], usage: 'Resource in the white list that the rule applies to, repeat this flag for multiple items' },
];

/** NameFromCommandArgs, then the printer and dry-run strategy, as each generator's Complete. */
function complete(ctx: KubectlContext, path: string): string {
  const name = nameArg(ctx, path);
  dryRunOf(ctx);
  checkOutputFormat(ctx);
  return name;
}

const createRole: Verb = {
  name: 'role',
  short: 'Create a role with single rule',
  usage: 'kubectl create role NAME --verb=verb --resource=resource.group/subresource [--resource-name=resourcename] [--dry-run=server|client|none] [options]',
  flags: [...CREATE_FLAGS, ...RULE_FLAGS],
  run: (ctx) =>
    guarded(ctx, () => {
      const name = complete(ctx, 'create role');
      const verbs = verbsOf(ctx);
      const resources = resourceOptionsOf(ctx);
      if (verbs.length === 0) throw new KubectlError('at least one verb must be specified');
      warnNonStandardVerbs(ctx, verbs);
      if (resources.length === 0) throw new KubectlError('at least one resource must be specified');
      const known = ctx.server.resources();
      validateResources(known, verbs, resources);
      const role: KubeObject = { apiVersion: RBAC_V1, kind: 'Role', metadata: { name, ...generatedNamespace(ctx) }, rules: policyRules(known, verbs, resources, resourceNamesOf(ctx), []) };
      submit(ctx, `roles.${RBAC}`, true, role, undefined);
    }),
};

/** --aggregation-rule, a MapStringString: `k=v,k2=v2`, repeatable, later keys win. */
function aggregationRuleOf(ctx: KubectlContext): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const raw of ctx.flags.get<string[]>('aggregation-rule') ?? []) {
    for (const pair of raw.split(',')) {
      if (pair.trim() === '') continue;
      const eq = pair.indexOf('=');
      if (eq < 0) throw new FlagValueError(`invalid argument "${raw}" for "--aggregation-rule" flag: malformed pair, expect string=string`);
      labels[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
    }
  }
  return labels;
}

/** A flag value pflag rejects while parsing: kubectl prints it with the `--help` hint, not `-h`. */
class FlagValueError extends Error {}

const createClusterRole: Verb = {
  name: 'clusterrole',
  short: 'Create a cluster role',
  usage: 'kubectl create clusterrole NAME --verb=verb --resource=resource.group [--resource-name=resourcename] [--dry-run=server|client|none] [options]',
  flags: [
    ...CREATE_FLAGS,
    ...RULE_FLAGS,
    { name: 'non-resource-url', kind: 'stringArray', default: [], usage: 'A partial url that user should have access to.' },
    { name: 'aggregation-rule', kind: 'stringArray', default: [], usage: 'An aggregation label selector for combining ClusterRoles.' },
  ],
  run: (ctx) => {
    let aggregation: Record<string, string>;
    try {
      aggregation = aggregationRuleOf(ctx);
    } catch (e) {
      ctx.cmd.stderr(`error: ${(e as Error).message}\nSee 'kubectl create clusterrole --help' for usage.\n`);
      return 1;
    }
    return guarded(ctx, () => {
      const urls = unique(sliceFlag(ctx, 'non-resource-url'));
      const name = complete(ctx, 'create clusterrole');
      const verbs = verbsOf(ctx);
      const resources = resourceOptionsOf(ctx);
      const resourceNames = resourceNamesOf(ctx);
      const metadata = { name };
      if (Object.keys(aggregation).length > 0) {
        if (urls.length || verbs.length || resources.length || resourceNames.length) throw new KubectlError('aggregation rule must be specified without nonResourceURLs, verbs, resources or resourceNames');
        // ClusterRole.rules has no omitempty: an aggregated role is sent with `rules: null`.
        submit(ctx, `clusterroles.${RBAC}`, false, { apiVersion: RBAC_V1, kind: 'ClusterRole', metadata, aggregationRule: { clusterRoleSelectors: [{ matchLabels: aggregation }] }, rules: null }, undefined);
        return;
      }
      if (verbs.length === 0) throw new KubectlError('at least one verb must be specified');
      if (resources.length === 0 && urls.length === 0) throw new KubectlError('one of resource or nonResourceURL must be specified');
      const known = ctx.server.resources();
      if (resources.length > 0) {
        warnNonStandardVerbs(ctx, verbs);
        validateResources(known, verbs, resources);
      }
      if (urls.length > 0) validateNonResourceURLs(verbs, urls);
      submit(ctx, `clusterroles.${RBAC}`, false, { apiVersion: RBAC_V1, kind: 'ClusterRole', metadata, rules: policyRules(known, verbs, resources, resourceNames, urls) }, undefined);
    });
  },
};

/** Subjects in the generators' order: users, groups, then service accounts (`NS:NAME`); each flag is a StringSlice (commas split). */
function subjectsOf(ctx: KubectlContext): Record<string, string>[] {
  const users = sliceFlag(ctx, 'user').map((name) => ({ kind: 'User', apiGroup: RBAC, name }));
  const groups = sliceFlag(ctx, 'group').map((name) => ({ kind: 'Group', apiGroup: RBAC, name }));
  const accounts = sliceFlag(ctx, 'serviceaccount').map((sa) => {
    const tokens = sa.split(':');
    if (tokens.length !== 2 || !tokens[0] || !tokens[1]) throw new KubectlError('serviceaccount must be <namespace>:<name>');
    return { kind: 'ServiceAccount', namespace: tokens[0], name: tokens[1] };
  });
  return [...users, ...groups, ...accounts];
}

const subjectFlags = (target: string): FlagDef[] => [
  { name: 'user', kind: 'stringArray', default: [], usage: `Usernames to bind to the ${target}. The flag can be repeated to add multiple users.` },
  { name: 'group', kind: 'stringArray', default: [], usage: `Groups to bind to the ${target}. The flag can be repeated to add multiple groups.` },
  { name: 'serviceaccount', kind: 'stringArray', default: [], usage: `Service accounts to bind to the ${target}, in the format <namespace>:<name>. The flag can be repeated to add multiple service accounts.` },
];

/** A binding object; subjects are omitted when none were given (omitempty). */
function binding(kind: string, metadata: KubeObject['metadata'], roleKind: string, roleName: string, subjects: Record<string, string>[]): KubeObject {
  return { apiVersion: RBAC_V1, kind, metadata, roleRef: { apiGroup: RBAC, kind: roleKind, name: roleName }, ...(subjects.length ? { subjects } : {}) };
}

const createRoleBinding: Verb = {
  name: 'rolebinding',
  short: 'Create a role binding for a particular role or cluster role',
  usage: 'kubectl create rolebinding NAME --clusterrole=NAME|--role=NAME [--user=username] [--group=groupname] [--serviceaccount=namespace:serviceaccountname] [--dry-run=server|client|none] [options]',
  flags: [
    ...CREATE_FLAGS,
    { name: 'clusterrole', kind: 'string', default: '', usage: 'ClusterRole this RoleBinding should reference' },
    { name: 'role', kind: 'string', default: '', usage: 'Role this RoleBinding should reference' },
    ...subjectFlags('role'),
  ],
  run: (ctx) =>
    guarded(ctx, () => {
      const name = complete(ctx, 'create rolebinding');
      const clusterRole = ctx.flags.get<string>('clusterrole') ?? '';
      const role = ctx.flags.get<string>('role') ?? '';
      if ((clusterRole === '') === (role === '')) throw new KubectlError('exactly one of clusterrole or role must be specified');
      const obj = binding('RoleBinding', { name, ...generatedNamespace(ctx) }, role ? 'Role' : 'ClusterRole', role || clusterRole, subjectsOf(ctx));
      submit(ctx, `rolebindings.${RBAC}`, true, obj, 'failed to create rolebinding');
    }),
};

const createClusterRoleBinding: Verb = {
  name: 'clusterrolebinding',
  short: 'Create a cluster role binding for a particular cluster role',
  usage: 'kubectl create clusterrolebinding NAME --clusterrole=NAME [--user=username] [--group=groupname] [--serviceaccount=namespace:serviceaccountname] [--dry-run=server|client|none] [options]',
  flags: [...CREATE_FLAGS, { name: 'clusterrole', kind: 'string', default: '', usage: 'ClusterRole this ClusterRoleBinding should reference' }, ...subjectFlags('clusterrole')],
  run: (ctx) =>
    guarded(ctx, () => {
      requireFlags(ctx, 'clusterrole');
      const name = complete(ctx, 'create clusterrolebinding');
      const obj = binding('ClusterRoleBinding', { name }, 'ClusterRole', ctx.flags.get<string>('clusterrole') ?? '', subjectsOf(ctx));
      submit(ctx, `clusterrolebindings.${RBAC}`, false, obj, 'failed to create clusterrolebinding');
    }),
};

export const rbacCreateSubcommands: Verb[] = [createClusterRole, createClusterRoleBinding, createRole, createRoleBinding];
