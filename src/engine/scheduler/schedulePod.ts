import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { Rng } from '../sim/Rng';
import { filterNode, usageOf, type FilterFailure, type NodeUsage } from './filter';
import { totalScores } from './score';

export type ScheduleResult = { node: string } | { message: string };

/** `["1 a", "2 b"]` from reason counts, sorted as strings the way FitError.Error does. */
function histogram(reasons: Map<string, number>): string {
  return [...reasons].map(([r, n]) => `${n} ${r}`).sort().join(', ');
}

/**
 * The FailedScheduling message of kube-scheduler 1.34 (framework.FitError.Error): the filter
 * reasons histogram, then the PostFilter message — DynamicResources' "no new claims to
 * deallocate" followed by DefaultPreemption's own node histogram.
 */
export function fitErrorMessage(total: number, failures: Map<string, FilterFailure[]>): string {
  const reasons = new Map<string, number>();
  const preemption = new Map<string, number>();
  for (const fails of failures.values()) {
    for (const f of fails) reasons.set(f.reason, (reasons.get(f.reason) ?? 0) + 1);
    const hopeless = fails.some((f) => f.kind === 'UnschedulableAndUnresolvable');
    const why = hopeless ? 'Preemption is not helpful for scheduling' : 'No preemption victims found for incoming pod';
    preemption.set(why, (preemption.get(why) ?? 0) + 1);
  }
  return `0/${total} nodes are available: ${histogram(reasons)}. no new claims to deallocate, preemption: 0/${total} nodes are available: ${histogram(preemption)}.`;
}

/**
 * One scheduling cycle for one pod: filter every node, score the feasible ones, pick the best
 * (ties broken at random, like selectHost's reservoir sampling). Pure apart from the Rng.
 * `usageFor` gives a node's usage when the caller keeps it (the scheduler cache's NodeInfo);
 * without it, usage is summed from `podsByNode`.
 */
export function schedulePod(pod: Pod, nodes: Node[], podsByNode: Map<string, Pod[]>, rng: Rng, usageFor?: (node: string) => NodeUsage): ScheduleResult {
  if (nodes.length === 0) return { message: 'no nodes available to schedule pods' };
  const sorted = [...nodes].sort((a, b) => a.metadata!.name!.localeCompare(b.metadata!.name!));
  const failures = new Map<string, FilterFailure[]>();
  const usage = new Map(sorted.map((n) => [n.metadata!.name!, usageFor?.(n.metadata!.name!) ?? usageOf(podsByNode.get(n.metadata!.name!) ?? [])]));
  const feasible: Node[] = [];
  for (const n of sorted) {
    const f = filterNode(pod, n, usage.get(n.metadata!.name!)!);
    if (f) failures.set(n.metadata!.name!, f);
    else feasible.push(n);
  }
  if (feasible.length === 0) return { message: fitErrorMessage(nodes.length, failures) };
  if (feasible.length === 1) return { node: feasible[0]!.metadata!.name! };
  const scores = totalScores(pod, feasible, podsByNode, usage);
  let best: string[] = [];
  let bestScore = -Infinity;
  for (const n of feasible) {
    const s = scores.get(n.metadata!.name!)!;
    if (s > bestScore) {
      bestScore = s;
      best = [n.metadata!.name!];
    } else if (s === bestScore) best.push(n.metadata!.name!);
  }
  return { node: best.length === 1 ? best[0]! : rng.pick(best) };
}
