import type { ApiClient } from '../api/types';
import type { Rng } from '../sim/Rng';
import type { VirtualClock } from '../sim/VirtualClock';
import { ClusterRoleAggregationController } from './clusterroleaggregation/ClusterRoleAggregationController';
import { DaemonSetController } from './daemonset/DaemonSetController';
import { DeploymentController } from './deployment/DeploymentController';
import { EndpointsController } from './endpoints/EndpointsController';
import { EndpointSliceController } from './endpointslice/EndpointSliceController';
import { EndpointSliceMirroringController } from './endpointslicemirroring/EndpointSliceMirroringController';
import { InformerFactory } from './framework/Informer';
import type { Controller } from './framework/QueueController';
import { GarbageCollector } from './garbagecollector/GarbageCollector';
import { NamespaceController } from './namespace/NamespaceController';
import { NodeLifecycleController } from './nodelifecycle/NodeLifecycleController';
import { ReplicaSetController } from './replicaset/ReplicaSetController';
import { ServiceLoadBalancerController } from './servicelb/ServiceLoadBalancerController';

/** Anything that can hand out a client per system component (the ApiServer's `.system(name)`). */
export interface ClientSource {
  /** `sharedResults`: write results are the stored, frozen objects (controllers only read them). */
  system(name: string, opts?: { sharedResults?: boolean }): ApiClient;
}

/** kube-controller-manager flags we model; every field has the real default. */
export interface ControllerConfig {
  /** --max-endpoints-per-slice (default 100). */
  maxEndpointsPerSlice?: number;
  /** --node-monitor-grace-period in ms (default 50 s since Kubernetes 1.32). */
  nodeMonitorGracePeriodMs?: number;
  /** The simulated cloud's load-balancer address range. */
  loadBalancerPool?: string;
  /** Controllers to leave out (by {@link Controller.name}), e.g. for a lab that breaks one. */
  disabled?: string[];
}

export interface ControllerDeps {
  api: ClientSource;
  clock: VirtualClock;
  rng: Rng;
  config?: ControllerConfig;
}

/** What the Simulation holds: every controller, and one call to drain them all. */
export interface ControllerManager {
  readonly controllers: readonly Controller[];
  /** Runs every controller's queue until all are empty; true if anything ran. */
  processPending(): boolean;
  /** Keys waiting, per controller (for the UI and tests). */
  pending(): Record<string, readonly string[]>;
  stop(): void;
}

/** Upper bound on drain rounds, so two controllers fighting cannot hang the simulation. */
const MAX_ROUNDS = 1000;

/**
 * Builds kube-controller-manager (and the cloud service controller): shared informers, one
 * client per controller (so watch events name their source, `controller:<name>`), and starts
 * the informers so every existing object is queued once.
 */
export function startControllers(deps: ControllerDeps): ControllerManager {
  const { api, clock, rng } = deps;
  const cfg = deps.config ?? {};
  // Controllers only read what their writes return, so they take the stored objects uncopied.
  const component = (name: string) => api.system(name, { sharedResults: true });
  const informers = new InformerFactory(component('kube-controller-manager'));
  const disabled = new Set(cfg.disabled ?? []);
  const all: Controller[] = [
    new NamespaceController(component('namespace-controller'), clock, informers),
    new DeploymentController(component('deployment-controller'), clock, informers),
    new ReplicaSetController(component('replicaset-controller'), clock, informers),
    new DaemonSetController(component('daemon-set-controller'), clock, informers),
    new EndpointSliceController(component('endpointslice-controller'), clock, informers, { maxEndpointsPerSlice: cfg.maxEndpointsPerSlice ?? 100 }),
    new EndpointsController(component('endpoint-controller'), clock, informers),
    new EndpointSliceMirroringController(component('endpointslicemirroring-controller'), clock, informers),
    new NodeLifecycleController(component('node-controller'), clock, informers, { gracePeriodMs: cfg.nodeMonitorGracePeriodMs ?? 50_000 }),
    new ServiceLoadBalancerController(component('service-controller'), clock, rng, informers, cfg.loadBalancerPool ? { pool: cfg.loadBalancerPool } : {}),
    new GarbageCollector(component('generic-garbage-collector'), clock, informers),
    new ClusterRoleAggregationController(component('clusterrole-aggregation-controller'), clock, informers),
  ];
  const controllers = all.filter((c) => !disabled.has(c.name));
  informers.startAll();
  return {
    controllers,
    processPending(): boolean {
      let any = false;
      for (let round = 0; round < MAX_ROUNDS; round++) {
        let worked = false;
        for (const c of controllers) worked = c.processPending() || worked;
        if (!worked) break;
        any = true;
      }
      return any;
    },
    pending() {
      return Object.fromEntries(controllers.map((c) => [c.name, c.pendingKeys()]));
    },
    stop() {
      informers.stopAll();
    },
  };
}
