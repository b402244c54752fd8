/**
 * Which pod(s) a workload verb talks to: a pod by name, the first pod of a controller
 * (`deploy/x`, polymorphichelpers `GetFirstPod` with `podutils.ByLogging`), or pods by `-l`.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/types';
import type { KubectlContext } from '../verb';
import { KubectlError } from './common';
import { parseTargets, fetchTarget } from './targets';

const PHASE_RANK: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

function ready(p: Pod): boolean {
  return p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/** podutils.ByLogging: the pod whose logs are most interesting sorts first. */
export function byLogging(a: Pod, b: Pod): number {
  const assigned = (p: Pod) => (p.spec?.nodeName ? 1 : 0);
  if (assigned(a) !== assigned(b)) return assigned(b) - assigned(a);
  const phase = (p: Pod) => PHASE_RANK[p.status?.phase ?? ''] ?? -1;
  if (phase(a) !== phase(b)) return phase(b) - phase(a);
  if (ready(a) !== ready(b)) return ready(a) ? -1 : 1;
  const restarts = (p: Pod) => Math.max(0, ...(p.status?.containerStatuses ?? []).map((c) => c.restartCount ?? 0));
  if (restarts(a) !== restarts(b)) return restarts(b) - restarts(a);
  const created = (p: Pod) => p.metadata?.creationTimestamp ?? '';
  if (created(a) !== created(b)) return created(a) < created(b) ? -1 : 1;
  return (a.metadata?.name ?? '') < (b.metadata?.name ?? '') ? -1 : 1;
}

/** The label selector of a controller (matchLabels only, as kubectl's map-based selector). */
function selectorOf(obj: KubeObject): string {
  const spec = obj.spec as { selector?: { matchLabels?: Record<string, string> } | Record<string, string> } | undefined;
  const sel = obj.kind === 'Service' || obj.kind === 'ReplicationController' ? (spec?.selector as Record<string, string> | undefined) : (spec?.selector as { matchLabels?: Record<string, string> } | undefined)?.matchLabels;
  return Object.entries(sel ?? {}).map(([k, v]) => `${k}=${v}`).join(',');
}

/** Pods matching a label selector in the context namespace. */
export function podsBySelector(ctx: KubectlContext, selector: string): Pod[] {
  return (ctx.api.list('pods', ctx.namespace, { labelSelector: selector }).items as unknown as Pod[]).sort((a, b) => ((a.metadata?.name ?? '') < (b.metadata?.name ?? '') ? -1 : 1));
}

/**
 * Resolves `POD`, `TYPE/NAME` or `TYPE NAME` to one pod. With `announce` (kubectl logs) prints
 * `Found N pods, using pod/x` when a controller had several.
 */
export function podForArgs(ctx: KubectlContext, args: string[], announce = false): Pod {
  if (args.length === 1 && !args[0]!.includes('/')) return ctx.api.get('pods', ctx.namespace, args[0]!) as unknown as Pod;
  const [t] = parseTargets(ctx, args);
  const obj = fetchTarget(ctx, t!);
  if (obj.kind === 'Pod') return obj as unknown as Pod;
  const selector = selectorOf(obj);
  if (!selector) throw new KubectlError(`cannot attach to ${obj.kind}: selector for ${t!.resource} not implemented`);
  const pods = podsBySelector(ctx, selector).sort(byLogging);
  if (pods.length === 0) throw new KubectlError(`timed out waiting for the condition`);
  if (announce && pods.length > 1) ctx.cmd.stderr(`Found ${pods.length} pods, using pod/${pods[0]!.metadata!.name!}\n`);
  return pods[0]!;
}

/** `podcmd.AllContainerNames`: `a, b, init (init)`. */
export function allContainerNames(pod: Pod): string {
  const names = [...(pod.spec?.containers ?? []).map((c) => c.name), ...(pod.spec?.initContainers ?? []).map((c) => `${c.name} (init)`), ...(pod.spec?.ephemeralContainers ?? []).map((c) => `${c.name} (ephem)`)];
  return names.join(', ');
}

/**
 * The container a verb uses when `-c` is absent: the default-container annotation, else the
 * first one, announcing the choice when the pod has several (kubectl logs/exec).
 */
export function defaultContainer(ctx: KubectlContext, pod: Pod): string {
  const annotated = pod.metadata?.annotations?.['kubectl.kubernetes.io/default-container'];
  const all = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  if (annotated) {
    if (all.some((c) => c.name === annotated)) return annotated;
    ctx.cmd.stderr(`Default container name "${annotated}" not found in pod ${pod.metadata?.name ?? ''}\n`);
  }
  const first = pod.spec?.containers?.[0]?.name ?? '';
  if ((pod.spec?.containers?.length ?? 0) > 1 || (pod.spec?.initContainers?.length ?? 0) > 0 || (pod.spec?.ephemeralContainers?.length ?? 0) > 0) {
    ctx.cmd.stderr(`Defaulted container "${first}" out of: ${allContainerNames(pod)}\n`);
  }
  return first;
}
