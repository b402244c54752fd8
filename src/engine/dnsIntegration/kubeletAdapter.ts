/**
 * A local adapter over the kubelet until it exposes these two needs itself (see CONTEXT.md):
 * adjusting the process plan of a container as it starts, and appending lines to a running
 * container's log. Everything that reaches into kubelet internals is in this one file.
 */
import type { ContainerLaunch, ProcessPlan } from '../apps';
import type { Kubelet } from '../kubelet/Kubelet';
import type { ContainerRuntime, PodRuntime } from '../kubelet/runtimeTypes';

/** Which container a plan is being built for. */
export interface ProcessContext {
  namespace: string;
  pod: string;
  uid: string;
  container: string;
  podIP?: string;
  launch: ContainerLaunch;
}

/** Adjusts a container's plan; must be a deterministic function of its inputs and cluster state. */
export type ProcessHook = (ctx: ProcessContext, plan: ProcessPlan) => ProcessPlan;

/** The kubelet members this adapter relies on (ContainerRuntimeSim.planOf and its cache). */
interface KubeletInternals {
  planOf(rt: PodRuntime, c: ContainerRuntime): ProcessPlan | undefined;
  plans: Map<string, ProcessPlan>;
  addProcessHook?: (hook: ProcessHook) => () => void;
  appendLog?: (namespace: string, pod: string, container: string, line: string) => boolean;
}

/**
 * Installs `hook` on a kubelet: every plan it builds afterwards passes through it. Uses the
 * kubelet's own `addProcessHook` when it has one. Returns a function that removes the hook.
 */
export function hookProcesses(kubelet: Kubelet, hook: ProcessHook): () => void {
  const k = kubelet as unknown as KubeletInternals;
  if (typeof k.addProcessHook === 'function') return k.addProcessHook(hook);
  const base = k.planOf;
  // The kubelet caches base plans per container start, so the hooked plan is cached by identity.
  const hooked = new WeakMap<ProcessPlan, ProcessPlan>();
  const patched = function (this: KubeletInternals, rt: PodRuntime, c: ContainerRuntime): ProcessPlan | undefined {
    const plan = base.call(this, rt, c);
    if (!plan || !c.launch) return plan;
    let out = hooked.get(plan);
    if (!out) {
      out = hook({ namespace: rt.namespace, pod: rt.name, uid: rt.uid, container: c.name, ...(rt.ip ? { podIP: rt.ip } : {}), launch: c.launch }, plan);
      hooked.set(plan, out);
    }
    return out;
  };
  k.planOf = patched;
  return () => {
    if (k.planOf === patched) k.planOf = base;
  };
}

/**
 * Appends a line to a running container's current log at the kubelet's virtual time. False when
 * the container is not running (a log line from a dead process goes nowhere).
 */
export function appendContainerLog(kubelet: Kubelet, namespace: string, pod: string, container: string, line: string, at: number): boolean {
  const k = kubelet as unknown as KubeletInternals;
  if (typeof k.appendLog === 'function') return k.appendLog(namespace, pod, container, line);
  const rt = (kubelet as unknown as { podByName(ns: string, name: string): PodRuntime | undefined }).podByName(namespace, pod);
  const c = rt?.containers.find((x) => x.name === container);
  if (!c || c.state !== 'running') return false;
  c.logs.push({ at, line });
  return true;
}
