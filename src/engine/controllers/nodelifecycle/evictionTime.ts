import type { Taint, Toleration } from 'kubernetes-types/core/v1';
import { parseTime } from '../framework/keys';
import type { PodObj } from '../framework/objects';

/** v1helper.TolerationsTolerateTaint for one toleration. */
export function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if ((t.operator ?? 'Equal') === 'Exists') return !t.key || t.key === taint.key;
  return t.key === taint.key && (t.value ?? '') === (taint.value ?? '');
}

/**
 * The taint eviction controller's verdict for a pod on a node with NoExecute taints: `now` when
 * some taint is not tolerated, the earliest `timeAdded + tolerationSeconds` when all are
 * tolerated for a while, undefined when they are tolerated forever.
 */
export function evictionTime(pod: PodObj, taints: Taint[], nowMs: number): number | undefined {
  let at: number | undefined;
  for (const taint of taints.filter((t) => t.effect === 'NoExecute')) {
    const matching = (pod.spec?.tolerations ?? []).filter((t) => tolerates(t, taint));
    if (matching.length === 0) return nowMs;
    if (matching.some((t) => t.tolerationSeconds === undefined || t.tolerationSeconds === null)) continue;
    const secs = Math.min(...matching.map((t) => Math.max(0, t.tolerationSeconds!)));
    const due = (parseTime(taint.timeAdded) ?? nowMs) + secs * 1000;
    at = at === undefined ? due : Math.min(at, due);
  }
  return at;
}
