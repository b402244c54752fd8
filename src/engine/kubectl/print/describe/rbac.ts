/**
 * `kubectl describe` for ServiceAccounts and the RBAC kinds (describe.go `ServiceAccountDescriber`,
 * `RoleDescriber`, `ClusterRoleDescriber`, `RoleBindingDescriber`, `ClusterRoleBindingDescriber`)
 * with kubectl's rule breakdown, compaction and ordering (kubectl `pkg/util/rbac`).
 */
import type { Event, ServiceAccount } from 'kubernetes-types/core/v1';
import type { ClusterRole, ClusterRoleBinding, PolicyRule, Role, RoleBinding } from 'kubernetes-types/rbac/v1';
import { goStringCompare } from '../labels';
import { annotationsMultiline, describeEvents, labelsMultiline } from './common';
import { DescribeWriter } from './DescribeWriter';

/** Go's `%v` of a `[]string`. */
const goList = (l: readonly string[] | undefined): string => `[${(l ?? []).join(' ')}]`;

/** `rbac.BreakdownRule`: one rule per group × resource × verb (× resource name), then per URL × verb. */
function breakdownRule(rule: PolicyRule): PolicyRule[] {
  const out: PolicyRule[] = [];
  for (const group of rule.apiGroups ?? []) {
    for (const resource of rule.resources ?? []) {
      for (const verb of rule.verbs) {
        if ((rule.resourceNames ?? []).length > 0) {
          for (const name of rule.resourceNames!) out.push({ apiGroups: [group], resources: [resource], verbs: [verb], resourceNames: [name] });
        } else out.push({ apiGroups: [group], resources: [resource], verbs: [verb] });
      }
    }
  }
  for (const url of rule.nonResourceURLs ?? []) for (const verb of rule.verbs) out.push({ nonResourceURLs: [url], verbs: [verb] });
  return out;
}

/** `rbac.CompactRules`: single group/resource(/name) rules merge their verbs; the rest stay as they are. */
function compactRules(rules: PolicyRule[]): PolicyRule[] {
  const compacted: PolicyRule[] = [];
  const simple = new Map<string, PolicyRule>();
  for (const rule of rules) {
    const isSimple = (rule.resourceNames ?? []).length <= 1 && (rule.nonResourceURLs ?? []).length === 0 && rule.apiGroups?.length === 1 && rule.resources?.length === 1;
    if (!isSimple) {
      compacted.push(rule);
      continue;
    }
    const key = JSON.stringify([rule.apiGroups![0], rule.resources![0], rule.resourceNames?.[0] ?? null]);
    const existing = simple.get(key);
    if (existing) existing.verbs = [...existing.verbs, ...rule.verbs];
    else simple.set(key, { ...rule, verbs: [...rule.verbs] });
  }
  return [...compacted, ...simple.values()];
}

/** The generated protobuf `PolicyRule.String()` that `SortableRuleSlice` orders by. */
function ruleString(r: PolicyRule): string {
  return `&PolicyRule{Verbs:${goList(r.verbs)},APIGroups:${goList(r.apiGroups)},Resources:${goList(r.resources)},ResourceNames:${goList(r.resourceNames)},NonResourceURLs:${goList(r.nonResourceURLs)},}`;
}

/** describe.go `CombineResourceGroup`: `deployments.apps`, `pods/log`, `deployments.apps/scale`. */
function combineResourceGroup(resources: string[] | undefined, groups: string[] | undefined): string {
  if (!resources?.length) return '';
  const [name, sub] = resources[0]!.split(/\/(.*)/s, 2) as [string, string | undefined];
  let out = name;
  if (groups?.length && groups[0] !== '') out += `.${groups[0]}`;
  if (sub !== undefined) out += `/${sub}`;
  return out;
}

function describeRules(name: string | undefined, labels: Record<string, string> | undefined, annotations: Record<string, string> | undefined, rules: PolicyRule[] | undefined): string {
  const compact = compactRules((rules ?? []).flatMap(breakdownRule));
  const sorted = compact.map((r, i) => ({ r, i, s: ruleString(r) })).sort((a, b) => goStringCompare(a.s, b.s) || a.i - b.i);
  const w = new DescribeWriter();
  w.write(0, `Name:\t${name ?? ''}\n`);
  labelsMultiline(w, 'Labels', labels);
  annotationsMultiline(w, 'Annotations', annotations);
  w.write(0, 'PolicyRule:\n');
  w.write(1, 'Resources\tNon-Resource URLs\tResource Names\tVerbs\n');
  w.write(1, '---------\t-----------------\t--------------\t-----\n');
  for (const { r } of sorted) w.write(1, `${combineResourceGroup(r.resources, r.apiGroups)}\t${goList(r.nonResourceURLs)}\t${goList(r.resourceNames)}\t${goList(r.verbs)}\n`);
  return w.toString();
}

export function describeRole(role: Role | ClusterRole): string {
  return describeRules(role.metadata?.name, role.metadata?.labels, role.metadata?.annotations, role.rules);
}

export function describeRoleBinding(binding: RoleBinding | ClusterRoleBinding): string {
  const w = new DescribeWriter();
  w.write(0, `Name:\t${binding.metadata?.name ?? ''}\n`);
  labelsMultiline(w, 'Labels', binding.metadata?.labels);
  annotationsMultiline(w, 'Annotations', binding.metadata?.annotations);
  w.write(0, 'Role:\n');
  w.write(1, `Kind:\t${binding.roleRef.kind}\n`);
  w.write(1, `Name:\t${binding.roleRef.name}\n`);
  w.write(0, 'Subjects:\n');
  w.write(1, 'Kind\tName\tNamespace\n');
  w.write(1, '----\t----\t---------\n');
  for (const s of binding.subjects ?? []) w.write(1, `${s.kind}\t${s.name}\t${s.namespace ?? ''}\n`);
  return w.toString();
}

/**
 * `ServiceAccountDescriber`. `tokens` are the legacy token Secrets bound to the account (none on
 * a 1.24+ cluster); the three headers print in sorted order, as describe.go iterates them.
 */
export function describeServiceAccount(sa: ServiceAccount, tokens: string[], events: Event[] | undefined, now: number): string {
  const w = new DescribeWriter();
  w.write(0, `Name:\t${sa.metadata?.name ?? ''}\n`);
  w.write(0, `Namespace:\t${sa.metadata?.namespace ?? ''}\n`);
  labelsMultiline(w, 'Labels', sa.metadata?.labels);
  annotationsMultiline(w, 'Annotations', sa.metadata?.annotations);
  const sections: [string, string[]][] = [
    ['Image pull secrets:', (sa.imagePullSecrets ?? []).map((s) => s.name ?? '')],
    ['Mountable secrets: ', (sa.secrets ?? []).map((s) => s.name ?? '')],
    ['Tokens:            ', tokens],
  ];
  for (const [header, names] of sections) {
    if (names.length === 0) {
      w.write(0, `${header}\t<none>\n`);
      continue;
    }
    names.forEach((n, i) => w.write(0, `${i === 0 ? header : '                   '}\t${n}\n`));
  }
  describeEvents(w, events, now);
  return w.toString();
}
