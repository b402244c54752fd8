/** Test helpers: pods started on a real Simulation, and shell transcripts. */
import type { Container } from 'kubernetes-types/core/v1';
import { transcript as shellTranscript } from '../../shell/testing/transcript';
import type { ShellSession } from '../../shell/ShellSession';
import type { PodObject } from '../../sim/kinds';
import type { Simulation } from '../../sim/Simulation';
import type { Place } from '../tools';

/** Creates `namespace` (if needed) and a one-container pod, runs the cluster until it settles. */
export function startPod(sim: Simulation, namespace: string, name: string, container: Partial<Container>): Extract<Place, { kind: 'container' }> {
  const a = sim.api.admin();
  if (!a.tryGet('namespaces', undefined, namespace)) a.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } });
  a.create('pods', namespace, { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace }, spec: { containers: [{ name, ...container }] } });
  sim.runUntilSettled(180_000);
  const pod = a.get<PodObject>('pods', namespace, name);
  return { kind: 'container', namespace, pod: name, container: container.name ?? name, node: pod.spec!.nodeName! };
}

/** Prompt + line + output for each line (the golden format); running commands get Ctrl+C. */
export function transcript(s: ShellSession, lines: readonly string[]): string {
  return shellTranscript(s, lines, { interruptRunning: true });
}
