/**
 * Connections from a node to its own loopback address (127.0.0.0/8): they never leave the node
 * and skip kube-proxy's rules, reaching whatever local process listens there (`kubectl proxy`).
 */
import type { HttpResponse } from '../apps';
import type { Simulation } from '../sim/Simulation';
import { localHttpHandler } from './localListeners';
import type { Trace } from './trace';

export function isLoopback(ip: string): boolean {
  return ip.startsWith('127.');
}

export interface LoopbackCall {
  node: string;
  ip: string;
  port: number;
  method: string;
  path: string;
  userAgent: string;
  headers: Record<string, string>;
}

/** The request to a node-local listener, as a one-hop Trace; refused when nothing listens there. */
export function loopbackRequest(sim: Simulation, call: LoopbackCall): { trace: Trace; response?: HttpResponse } {
  const handler = localHttpHandler(sim, call.node, call.port);
  const packet = { protocol: 'tcp' as const, src: '127.0.0.1', sport: 40000, dst: call.ip, dport: call.port };
  const request = { protocol: 'tcp' as const, from: call.node, dst: call.ip, dport: call.port };
  const hop = {
    step: 0,
    where: { machine: call.node, kind: 'node' as const, interface: 'lo' },
    before: packet,
    after: packet,
    why: [{ kind: 'route' as const, text: `local ${call.ip} dev lo table local proto kernel scope host src 127.0.0.1` }],
    explanation: handler
      ? `${call.ip} is this node's loopback address: the connection stays on ${call.node} and reaches the process listening on port ${call.port}.`
      : `${call.ip} is this node's loopback address, and no process on ${call.node} listens on port ${call.port}: the kernel answers with a TCP reset.`,
  };
  if (!handler) return { trace: { request, hops: [hop], outcome: { kind: 'refused', reason: `nothing listens on ${call.ip}:${call.port} on ${call.node}` }, rulesTraversed: 0, elapsedMs: 0 } };
  const response = handler({ method: call.method, path: call.path, headers: call.headers, userAgent: call.userAgent });
  return { trace: { request, hops: [hop], outcome: { kind: 'delivered', ip: call.ip, port: call.port, machine: call.node }, rulesTraversed: 0, elapsedMs: 0 }, response };
}
