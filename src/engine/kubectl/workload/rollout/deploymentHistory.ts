/**
 * A Deployment's ReplicaSet history as kubectl's history viewer and rollbacker read it
 * (kubectl `polymorphichelpers/history.go`, `rollback.go`, `deploymentutil`).
 */
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { ApiClient } from '../../../api/types';
import { DescribeWriter } from '../../print/describe/DescribeWriter';
import { describePodTemplate } from '../../print/describe/containers';
import { tabbed } from '../../print/tabwriter';

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';
const HASH_LABEL = 'pod-template-hash';

/** Deployment annotations the rollbacker never copies from a ReplicaSet (`annotationsToSkip`). */
export const ANNOTATIONS_TO_SKIP = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION_ANNOTATION,
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

/** ReplicaSets controlled by the Deployment (by owner reference UID). */
export function ownedReplicaSets(api: ApiClient, d: Deployment): ReplicaSet[] {
  const all = api.list('replicasets.apps', d.metadata?.namespace).items as unknown as ReplicaSet[];
  return all.filter((rs) => rs.metadata?.ownerReferences?.some((o) => o.controller && o.uid === d.metadata?.uid));
}

/** Revision number → ReplicaSet; ReplicaSets without a parsable revision are left out. */
export function revisions(rss: ReplicaSet[]): Map<number, ReplicaSet> {
  const out = new Map<number, ReplicaSet>();
  for (const rs of rss) {
    const v = Number(rs.metadata?.annotations?.[REVISION_ANNOTATION]);
    if (Number.isInteger(v) && rs.metadata?.annotations?.[REVISION_ANNOTATION] !== undefined) out.set(v, rs);
  }
  return out;
}

/** DeploymentHistoryViewer.ViewHistory: the table, or one revision's pod template. */
export function viewHistory(rss: ReplicaSet[], revision: number): string {
  const byRev = revisions(rss);
  if (byRev.size === 0) return 'No rollout history found.';
  if (revision > 0) {
    const rs = byRev.get(revision);
    if (!rs) throw new Error('unable to find the specified revision');
    const template: PodTemplateSpec = JSON.parse(JSON.stringify(rs.spec?.template ?? {})) as PodTemplateSpec;
    const cause = rs.metadata?.annotations?.[CHANGE_CAUSE_ANNOTATION];
    if (cause) (template.metadata as { annotations?: Record<string, string> }).annotations = { ...(template.metadata?.annotations ?? {}), [CHANGE_CAUSE_ANNOTATION]: cause };
    return describeTemplate(template);
  }
  let text = 'REVISION\tCHANGE-CAUSE\n';
  for (const r of [...byRev.keys()].sort((a, b) => a - b)) text += `${r}\t${byRev.get(r)!.metadata?.annotations?.[CHANGE_CAUSE_ANNOTATION] || '<none>'}\n`;
  return tabbed(text, { minwidth: 0, padding: 2, padchar: ' ' });
}

function describeTemplate(template: PodTemplateSpec): string {
  const w = new DescribeWriter();
  describePodTemplate(w, template);
  return w.toString();
}

/** printTemplate: a ReplicaSet's pod template as `describe` shows it. */
export function podTemplateText(rs: ReplicaSet): string {
  return describeTemplate(rs.spec?.template ?? {});
}

/** equalIgnoreHash: templates equal once the pod-template-hash label is dropped. */
export function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  const strip = (t: PodTemplateSpec | undefined) => {
    const c = JSON.parse(JSON.stringify(t ?? {})) as { metadata?: { labels?: Record<string, string> } };
    if (c.metadata?.labels) delete c.metadata.labels[HASH_LABEL];
    return canonical(c);
  };
  return strip(a) === strip(b);
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined && !(x && typeof x === 'object' && !Array.isArray(x) && Object.keys(x).length === 0));
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

export { HASH_LABEL };
