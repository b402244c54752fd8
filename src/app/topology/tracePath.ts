/**
 * Where a traced request is on the map: for each player step, the map elements (pod cards, node
 * boxes, Service cards) the packet travels between, and every element on the request's path.
 * Pure; drawn from the Trace and the cluster records only.
 */
import type { Hop, Trace } from '../../worker/traceApi';
import type { PlayerStep } from '../player/traceSteps';
import type { PodRecord, ServiceRecord } from '../state/useEngineStore';

export interface MapIndex {
  pods: PodRecord[];
  services: ServiceRecord[];
  /** Ids of the elements the map draws now (hidden system pods fall back to their node). */
  shown: Set<string>;
}

export interface TracePath {
  /** Per step: the elements the packet moves through during it, in order (empty: off the map). */
  routes: string[][];
  /** Every element the request touched, for highlighting. */
  onPath: Set<string>;
}

/** The map element of a machine (`namespace/pod` or node name) as a hop names it. */
export function machineElement(machine: string, kind: Hop['where']['kind'], map: MapIndex): string | undefined {
  if (kind === 'outside') return undefined;
  if (kind === 'node') return map.shown.has(`node/${machine}`) ? `node/${machine}` : undefined;
  const id = `pod/${machine}`;
  if (map.shown.has(id)) return id;
  const [namespace, name] = machine.split('/', 2);
  const node = map.pods.find((p) => p.namespace === namespace && p.name === name)?.node;
  return node && map.shown.has(`node/${node}`) ? `node/${node}` : undefined;
}

/** The Service card a hop went through (kube-proxy's DNAT names it), if the map shows it. */
function serviceElement(hop: Hop, map: MapIndex): string | undefined {
  const reason = hop.why.find((w) => w.kind === 'service');
  if (!reason || reason.kind !== 'service') return undefined;
  const id = `service/${reason.namespace}/${reason.name}`;
  return map.shown.has(id) ? id : undefined;
}

/** Where a hop leaves the packet: the Service it was translated for, else the machine it is on. */
export function hopElement(hop: Hop, map: MapIndex): string | undefined {
  return serviceElement(hop, map) ?? machineElement(hop.where.machine, hop.where.kind, map);
}

const compact = (ids: (string | undefined)[]): string[] => ids.filter((id): id is string => id !== undefined).filter((id, i, all) => i === 0 || all[i - 1] !== id);

/**
 * Each step's route: a DNS query goes client → the nameserver's Service → the CoreDNS pod that
 * answered; a hop goes from the previous hop's element to its own (the first from the client);
 * the outcome is where the request was accepted (or where it ended, refused or lost).
 */
export function tracePath(trace: Trace, steps: PlayerStep[], map: MapIndex): TracePath {
  // The first hop is the client's socket: its kind says whether the client is a pod, a node or outside.
  const client = machineElement(trace.request.from, trace.hops[0]?.where.kind ?? 'pod', map);
  const routes: string[][] = [];
  let last = client;
  for (const step of steps) {
    if (step.kind === 'dns') {
      const svc = map.services.find((s) => s.clusterIP === step.server);
      const server = svc && map.shown.has(svc.key) ? svc.key : undefined;
      const pod = step.answeredBy ? machineElement(step.answeredBy, 'pod', map) : undefined;
      routes.push(compact([client, server, pod]));
    } else if (step.kind === 'hop') {
      const here = hopElement(step.hop, map);
      routes.push(compact([last, here]));
      if (here) last = here;
    } else {
      // A delivered request ends at the machine that accepted it (even if the reply came back after).
      const o = step.outcome;
      const at = o.kind === 'delivered' ? machineElement(o.machine, o.machine.startsWith('outside:') ? 'outside' : o.machine.includes('/') ? 'pod' : 'node', map) : undefined;
      routes.push(compact([at ?? last]));
    }
  }
  return { routes, onPath: new Set(routes.flat()) };
}
