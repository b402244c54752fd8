/** `kubectl describe namespace` and `kubectl describe configmap` (describe.go). */
import type { ConfigMap, Event, Namespace } from 'kubernetes-types/core/v1';
import { sortedKeys } from '../labels';
import { annotationsMultiline, describeEvents, labelsMultiline, rfc1123z } from './common';
import { DescribeWriter } from './DescribeWriter';

/** Namespaces in kubelab have no ResourceQuota or LimitRange objects, so both "No ..." lines print. */
export function describeNamespace(ns: Namespace): string {
  const w = new DescribeWriter();
  w.write(0, `Name:\t${ns.metadata?.name ?? ''}\n`);
  labelsMultiline(w, 'Labels', ns.metadata?.labels);
  annotationsMultiline(w, 'Annotations', ns.metadata?.annotations);
  w.write(0, `Status:\t${ns.status?.phase ?? ''}\n`);
  const conditions = ns.status?.conditions ?? [];
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n');
    w.write(1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t------------------\t------\t-------\n');
    for (const c of conditions) w.write(1, `${c.type}\t${c.status}\t${rfc1123z(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
  }
  w.write(0, '\nNo resource quota.\n');
  w.write(0, '\nNo LimitRange resource.\n');
  return w.toString();
}

export function describeConfigMap(cm: ConfigMap, events: Event[] | undefined, now: number): string {
  const w = new DescribeWriter();
  w.write(0, `Name:\t${cm.metadata?.name ?? ''}\n`);
  w.write(0, `Namespace:\t${cm.metadata?.namespace ?? ''}\n`);
  labelsMultiline(w, 'Labels', cm.metadata?.labels);
  annotationsMultiline(w, 'Annotations', cm.metadata?.annotations);
  w.write(0, '\nData\n====\n');
  for (const k of sortedKeys(cm.data)) {
    w.write(0, `${k}:\n----\n`);
    w.write(0, `${cm.data![k]}\n`);
  }
  w.write(0, '\nBinaryData\n====\n');
  for (const k of sortedKeys(cm.binaryData)) {
    // binaryData values are base64 in JSON; describe prints the decoded length.
    const b64 = cm.binaryData![k]!;
    const bytes = Math.floor((b64.length * 3) / 4) - (b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0);
    w.write(0, `${k}: ${bytes} bytes\n`);
  }
  w.write(0, '\n');
  describeEvents(w, events, now);
  return w.toString();
}
