import { Rng } from '../sim/Rng';
import type { VirtualClock } from '../sim/VirtualClock';
import { ContainerRuntimeSim } from './ContainerRuntimeSim';
import { lastRelistAt, nextRelistAt, podSyncDelayMs, RELIST_PERIOD_MS, reportedState } from './pleg';
import type { ContainerRuntime, PodRuntime } from './runtimeTypes';

/**
 * The container runtime as the kubelet's generic PLEG sees it (pleg.ts): a change the runtime
 * makes on its own is held out of the pod's status until the pod sync that follows the node's
 * next relist, which the `podSync` action carries.
 */
export abstract class RelistedRuntime extends ContainerRuntimeSim {
  /**
   * The PLEG's own randomness (relist phase, pod sync durations), seeded from the cluster's seed
   * and the node's name without drawing from the shared generator, so the names and timings the
   * rest of the cluster draws do not depend on how often this node relists.
   */
  protected plegRng: Rng;
  /** Where in each second this node's relist runs. */
  protected relistPhaseMs: number;

  constructor(clock: VirtualClock, rng: Rng, nodeName: string) {
    super(clock, rng);
    this.plegRng = new Rng(`pleg/${nodeName}/${rng.save().join('.')}`);
    this.relistPhaseMs = this.plegRng.int(RELIST_PERIOD_MS);
  }

  /**
   * Keeps what the status shows for `c` as it is now, until a relist sees the runtime's next
   * change: called when the kubelet starts a restart (the SyncPod that restarts a container
   * posted the status it computed before starting it).
   */
  protected holdReport(c: ContainerRuntime): void {
    c.report ??= { shown: reportedState(c) };
  }

  /**
   * Call just before the runtime changes `c` on its own (its process starts or exits): the
   * change reaches the status at the pod sync after the next relist.
   */
  protected runtimeChanged(rt: PodRuntime, c: ContainerRuntime): void {
    const now = this.clock.now();
    if (!c.report) c.report = { shown: reportedState(c) };
    else if (c.report.changedAt !== undefined && lastRelistAt(now, this.relistPhaseMs) > c.report.changedAt) {
      // A relist has seen the state between the previous change and this one; its pod sync
      // (still pending) reports that state.
      c.report.relisted = { at: lastRelistAt(now, this.relistPhaseMs), state: reportedState(c) };
    }
    c.report.changedAt = now;
    this.syncAfterNextRelist(rt);
  }

  /** Arms the pod sync that the next relist triggers for `rt` (once per relist). */
  protected syncAfterNextRelist(rt: PodRuntime): void {
    const now = this.clock.now();
    const relistAt = nextRelistAt(now, this.relistPhaseMs);
    if (!this.hasAction((a) => a.kind === 'podSync' && a.uid === rt.uid && a.relistAt === relistAt)) {
      this.after(relistAt - now + podSyncDelayMs(this.plegRng), { kind: 'podSync', uid: rt.uid, relistAt });
    }
  }

  /** The PLEG's state, for snapshots. */
  protected savePleg(): { phaseMs: number; rng: [number, number, number, number] } {
    return { phaseMs: this.relistPhaseMs, rng: this.plegRng.save() };
  }

  protected restorePleg(s: { phaseMs: number; rng: [number, number, number, number] } | undefined): void {
    if (!s) return;
    this.relistPhaseMs = s.phaseMs;
    this.plegRng.restore(s.rng);
  }
}
