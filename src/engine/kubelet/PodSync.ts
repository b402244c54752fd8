import type { Container } from 'kubernetes-types/core/v1';
import type { PodObject } from '../sim/kinds';
import { KUBELET_VERSION } from './nodeObject';
import { reportedView } from './pleg';
import { PodWorkers } from './PodWorkers';
import { probeTiming, runProbe } from './probes';
import type { ContainerRuntime, PodRuntime, ProbeKind } from './runtimeTypes';

/**
 * What the kubelet does with what its relist saw (the pod sync a PLEG event triggers) and with
 * its probe workers' results. Probe workers read the status manager's view of a container: one
 * whose start no relist has reported yet is not probed.
 */
export abstract class PodSync extends PodWorkers {
  /**
   * The pod sync after the relist at `relistAt`: every change the runtime made before that
   * relist now shows in the status, an exit is acted on (restart, back-off, next init
   * container, pod completion), and a newly running container gets its readiness probe run at
   * once (prober_manager UpdatePodStatus triggers it when no result is in yet).
   */
  protected podSync(rt: PodRuntime, pod: PodObject, relistAt: number): void {
    const exits: ContainerRuntime[] = [];
    const starts: ContainerRuntime[] = [];
    for (const c of [...rt.initContainers, ...rt.containers]) {
      const held = c.report;
      if (!held) continue;
      if (held.changedAt !== undefined && held.changedAt < relistAt) c.report = undefined;
      else if (held.relisted && held.relisted.at <= relistAt) c.report = { ...held, shown: held.relisted.state, relisted: undefined };
      else continue;
      const now = reportedView(c);
      if (now.state === 'terminated' && (held.shown.state !== 'terminated' || held.shown.finishedAt !== now.finishedAt)) exits.push(c);
      else if (now.state === 'running' && held.shown.startedAt !== now.startedAt) starts.push(c);
    }
    for (const c of exits) if (!c.report) this.afterExit(rt, pod, c, c.exitCode ?? 0);
    this.postStatus(rt, pod);
    for (const c of starts) {
      const spec = pod.spec!.containers.find((x) => x.name === c.name);
      if (spec) this.triggerReadiness(rt, pod, spec, c);
    }
  }

  /**
   * prober_manager UpdatePodStatus, run by every pod sync: a started container whose readiness
   * probe has not succeeded gets it run now. The worker still skips it while the initial delay
   * (whole seconds since the start) runs.
   */
  private triggerReadiness(rt: PodRuntime, pod: PodObject, spec: Container, c: ContainerRuntime): void {
    const probe = spec.readinessProbe;
    if (!probe || !c.started || c.report || c.probes.readiness?.ok === true) return;
    if (Math.floor((this.clock.now() - c.startedAt!) / 1000) < (probe.initialDelaySeconds ?? 0)) return;
    this.probe(rt, pod, spec, c, 'readiness', c.startedAt!, true);
  }

  /**
   * One run of a probe worker; `manual` is a run triggered outside the worker's ticker, which
   * keeps its own period.
   */
  protected probe(rt: PodRuntime, pod: PodObject, spec: Container, c: ContainerRuntime, kind: ProbeKind, startedAt: number, manual = false): void {
    if (c.state !== 'running' || c.startedAt !== startedAt) return;
    const probe = spec[`${kind}Probe`]!;
    const t = probeTiming(probe);
    const again = () => {
      if (!manual) this.after(t.periodMs, { kind: 'probe', uid: rt.uid, container: c.name, probe: kind, startedAt }, true);
    };
    // The status manager does not show this container running yet: wait for the next tick.
    if (c.report) return again();
    // Liveness and readiness wait until the startup probe has succeeded.
    if (kind !== 'startup' && !c.started) return again();
    if (kind === 'startup' && c.started) return;
    const plan = this.planOf(rt, c)!;
    const r = runProbe(probe, { container: spec, runtime: c, plan, podIP: rt.ip ?? '', sourceIP: rt.hostNetwork ? this.cfg.nodeIP : this.network.gateway(), now: this.clock.now(), kubeletVersion: KUBELET_VERSION.replace(/^v(\d+\.\d+).*/, '$1') });
    if (r.logLine) c.logs.push({ at: this.clock.now(), line: r.logLine });
    const st = (c.probes[kind] ??= { successes: 0, failures: 0 });
    const label = kind[0]!.toUpperCase() + kind.slice(1);
    if (r.ok) {
      st.successes++;
      st.failures = 0;
      if (st.successes >= t.successThreshold) st.ok = true;
    } else {
      st.failures++;
      st.successes = 0;
      this.events.record(this.target(rt, c), 'Warning', 'Unhealthy', `${label} probe failed: ${r.message}`);
      if (st.failures >= t.failureThreshold) st.ok = false;
    }
    if (kind === 'readiness') {
      const ready = st.ok === true;
      if (ready !== c.ready) {
        c.ready = ready;
        this.postStatus(rt, pod);
      }
    } else if (kind === 'startup' && st.ok) {
      c.started = true;
      c.ready = !spec.readinessProbe;
      this.postStatus(rt, pod);
      // The startup result triggers a pod sync (handleProbeSync), and with it the readiness probe.
      this.triggerReadiness(rt, pod, spec, c);
      return;
    }
    if ((kind === 'liveness' || kind === 'startup') && st.ok === false) {
      this.events.record(this.target(rt, c), 'Normal', 'Killing', `Container ${c.name} failed ${kind} probe, will be restarted`);
      this.stopContainer(rt, pod, c, probe.terminationGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30);
      return;
    }
    again();
  }
}
