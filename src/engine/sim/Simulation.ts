import { Rng } from './Rng';
import { VirtualClock } from './VirtualClock';

export interface NodeConfig {
  name: string;
  internalIP: string;
  podCIDR: string;
  controlPlane: boolean;
}

export interface SimulationConfig {
  seed: string;
  /** Virtual wall-clock time at which the learner arrives (ms since the epoch). */
  startTime: number;
  nodes: NodeConfig[];
  serviceCIDR: string;
  podCIDR: string;
  nodePortRange: string;
  clusterDomain: string;
}

/** kubeadm's defaults with a bridge CNI: the cluster of DESIGN.md. */
export function defaultConfig(overrides: Partial<SimulationConfig> = {}): SimulationConfig {
  return {
    seed: 'kubelab',
    startTime: Date.UTC(2026, 0, 15, 9, 0, 0),
    nodes: [
      { name: 'controlplane', internalIP: '172.18.0.2', podCIDR: '10.244.0.0/24', controlPlane: true },
      { name: 'node01', internalIP: '172.18.0.3', podCIDR: '10.244.1.0/24', controlPlane: false },
      { name: 'node02', internalIP: '172.18.0.4', podCIDR: '10.244.2.0/24', controlPlane: false },
    ],
    serviceCIDR: '10.96.0.0/12',
    podCIDR: '10.244.0.0/16',
    nodePortRange: '30000-32767',
    clusterDomain: 'cluster.local',
    ...overrides,
  };
}

/** The whole simulated cluster: clock, randomness and every component, in one object. */
export class Simulation {
  readonly config: SimulationConfig;
  readonly clock: VirtualClock;
  readonly rng: Rng;

  constructor(config: Partial<SimulationConfig> = {}) {
    this.config = defaultConfig(config);
    this.clock = new VirtualClock(this.config.startTime);
    this.rng = new Rng(this.config.seed);
  }

  /** Moves virtual time forward, running everything that falls due. */
  advance(ms: number): void {
    this.clock.advance(ms);
  }
}
