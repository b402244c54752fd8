/**
 * Processes listening on a node's loopback interface (`kubectl proxy` on 127.0.0.1:8001,
 * `kubectl port-forward` on 127.0.0.1:8080). A connection to 127.0.0.0/8 never leaves the node,
 * so curl and wget on a node ask {@link localHttpHandler} instead of the packet engine.
 */
import type { HttpResponse } from '../apps';
import type { Simulation } from '../sim/Simulation';

/** What curl sends to a local listener. */
export interface LocalHttpRequest {
  method: string;
  /** Path with query, as on the request line. */
  path: string;
  headers: Record<string, string>;
  userAgent: string;
}

export type LocalHttpHandler = (req: LocalHttpRequest) => HttpResponse;

const listeners = new WeakMap<Simulation, Map<string, LocalHttpHandler>>();

const key = (node: string, port: number) => `${node}:${port}`;

/** Opens a listener; returns a function that closes it. Fails (false) when the port is taken. */
export function listenLocal(sim: Simulation, node: string, port: number, handler: LocalHttpHandler): (() => void) | undefined {
  let m = listeners.get(sim);
  if (!m) listeners.set(sim, (m = new Map()));
  if (m.has(key(node, port))) return undefined;
  m.set(key(node, port), handler);
  return () => {
    if (m.get(key(node, port)) === handler) m.delete(key(node, port));
  };
}

/**
 * The handler listening on `127.0.0.1:port` of `node`, if a kubectl process opened one. This is
 * the function the network area's curl/wget call for `localhost`/`127.0.0.1` URLs.
 */
export function localHttpHandler(sim: Simulation, node: string, port: number): LocalHttpHandler | undefined {
  return listeners.get(sim)?.get(key(node, port));
}

/** Convenience for tests and tools: one request to a local listener, or undefined (connection refused). */
export function localHttp(sim: Simulation, node: string, port: number, path: string, method = 'GET'): HttpResponse | undefined {
  return localHttpHandler(sim, node, port)?.({ method, path, headers: {}, userAgent: 'curl/8.5.0' });
}
