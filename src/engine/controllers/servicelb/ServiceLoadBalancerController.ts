import type { ApiClient } from '../../api/types';
import type { Rng } from '../../sim/Rng';
import type { VirtualClock } from '../../sim/VirtualClock';
import { EventRecorder } from '../framework/EventRecorder';
import type { Informer, InformerFactory } from '../framework/Informer';
import { keyOf, splitKey } from '../framework/keys';
import type { ServiceObj } from '../framework/objects';
import { QueueController } from '../framework/QueueController';
import { R } from '../framework/resources';
import { IpPool } from './IpPool';

/** The service controller's wantsLoadBalancer: type LoadBalancer with no loadBalancerClass of another controller. */
function wantsLoadBalancer(svc: ServiceObj): boolean {
  return svc.spec?.type === 'LoadBalancer' && !svc.spec.loadBalancerClass;
}

export interface ServiceLoadBalancerOptions {
  /** Inclusive range the simulated cloud hands out, e.g. `172.18.255.200-172.18.255.250`. */
  pool?: string;
  /** Provisioning takes this long (plus up to `jitterMs`), so EXTERNAL-IP shows `<pending>` first. */
  provisionMs?: number;
  jitterMs?: number;
}

/**
 * The cloud-controller-manager's service controller against a simulated cloud: LoadBalancer
 * Services get `status.loadBalancer.ingress[].ip` a few seconds after they appear, with the
 * real EnsuringLoadBalancer / EnsuredLoadBalancer / DeletedLoadBalancer events.
 */
export class ServiceLoadBalancerController extends QueueController {
  private readonly services: Informer<ServiceObj>;
  private readonly recorder: EventRecorder;
  private readonly pool: IpPool;
  /** Services whose load balancer is being provisioned, by key, with the uid it is for. */
  private readonly provisioning = new Map<string, string>();
  private readonly ready = new Set<string>();

  constructor(
    private readonly client: ApiClient,
    clock: VirtualClock,
    private readonly rng: Rng,
    informers: InformerFactory,
    private readonly opts: ServiceLoadBalancerOptions = {},
  ) {
    super('service', clock);
    this.pool = new IpPool(opts.pool ?? '172.18.255.200-172.18.255.250');
    this.recorder = new EventRecorder(client, clock, 'service-controller');
    this.services = informers.for(R.services);
    this.services.addHandlers({
      onAdd: (s) => {
        for (const ing of s.status?.loadBalancer?.ingress ?? []) if (ing.ip) this.pool.reserve(keyOf(s), ing.ip);
        this.enqueue(keyOf(s));
      },
      onUpdate: (o, s) => {
        // needsUpdate: a change into or out of LoadBalancer is announced as a Type event.
        if (wantsLoadBalancer(o) !== wantsLoadBalancer(s)) this.recorder.event(s, 'Normal', 'Type', `${o.spec?.type ?? ''} -> ${s.spec?.type ?? ''}`);
        this.enqueue(keyOf(s));
      },
      onDelete: (s) => this.enqueue(keyOf(s)),
    });
  }

  protected sync(key: string): void {
    const { namespace } = splitKey(key);
    const svc = this.services.getByKey(key);
    const wantsLB = svc?.spec?.type === 'LoadBalancer' && !svc.metadata.deletionTimestamp;
    if (!svc || !wantsLB) {
      this.provisioning.delete(key);
      this.ready.delete(key);
      const had = (svc?.status?.loadBalancer?.ingress ?? []).length > 0;
      this.pool.release(key);
      if (svc && had) {
        this.recorder.event(svc, 'Normal', 'DeletingLoadBalancer', 'Deleting load balancer');
        this.client.updateStatus(R.services, namespace, { ...svc, status: { ...(svc.status ?? {}), loadBalancer: {} } });
        this.recorder.event(svc, 'Normal', 'DeletedLoadBalancer', 'Deleted load balancer');
      }
      return;
    }
    if ((svc.status?.loadBalancer?.ingress ?? []).length > 0) return;
    const uid = svc.metadata.uid ?? '';
    if (this.ready.has(key)) {
      this.ready.delete(key);
      this.provisioning.delete(key);
      const ip = this.pool.allocate(key, svc.spec?.loadBalancerIP || undefined);
      if (!ip) {
        this.recorder.event(svc, 'Warning', 'SyncLoadBalancerFailed', `Error syncing load balancer: failed to ensure load balancer: no available IPs in the pool`);
        return;
      }
      this.client.updateStatus(R.services, namespace, { ...svc, status: { ...(svc.status ?? {}), loadBalancer: { ingress: [{ ip, ipMode: 'VIP' }] } } });
      this.recorder.event(svc, 'Normal', 'EnsuredLoadBalancer', 'Ensured load balancer');
      return;
    }
    if (this.provisioning.get(key) === uid) return;
    this.provisioning.set(key, uid);
    this.recorder.event(svc, 'Normal', 'EnsuringLoadBalancer', 'Ensuring load balancer');
    const delay = (this.opts.provisionMs ?? 2000) + this.rng.int((this.opts.jitterMs ?? 2000) + 1);
    this.clock.schedule(delay, `service-controller: provision ${key}`, () => {
      if (this.provisioning.get(key) !== uid) return;
      this.ready.add(key);
      this.enqueue(key);
    });
  }
}
