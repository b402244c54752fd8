/** Real traces printed by `kubelab trace --json` (seed kubelab), as the worker's feed wraps them. */
import type { Trace, TraceEntry } from '../../../worker/traceApi';
import clusterIpHttp from './clusterIpHttp';
import noEndpoints from './noEndpoints';
import nodePortOutside from './nodePortOutside';

const entry = (id: number, json: { trace: unknown; response?: { status: number; reason: string } }, command: string): TraceEntry => ({
  id,
  trace: json.trace as Trace,
  at: 0,
  source: 'terminal',
  session: 1,
  command,
  ...(json.response ? { response: json.response } : {}),
});

/** `wget web` from default/client: DNS walk, DNAT to a web pod on node02, 200 OK. */
export const webEntry = entry(1, clusterIpHttp, 'kubectl exec client -- wget -qO- web');
/** `nc empty 80`: the Service has no endpoints, KUBE-SERVICES REJECTs. */
export const emptyEntry = entry(2, noEndpoints, 'kubectl exec client -- nc empty 80');
/** A NodePort hit from the node network: DNAT and MASQUERADE on node02. */
export const nodePortEntry = entry(3, nodePortOutside, 'curl 172.18.0.4:30080');
