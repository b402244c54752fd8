import { expect, it } from 'vitest';
import type { EventObj, ServiceObj } from '../framework/objects';
import { service } from '../testing/fixtures';
import { harness } from '../testing/harness';

const reasons = (events: EventObj[]) => events.map((e) => `${e.reason}: ${e.message}`);

it('announces a type change into and out of LoadBalancer as the service controller does (Type: A -> B)', () => {
  const h = harness();
  h.admin.create('services', 'default', service('web', { type: 'NodePort' }));
  h.settle();
  const toLB = h.admin.get<ServiceObj>('services', 'default', 'web');
  h.admin.update('services', 'default', { ...toLB, spec: { ...toLB.spec, type: 'LoadBalancer' } });
  h.advance(5000);
  expect(reasons(h.all<EventObj>('events'))).toEqual(['Type: NodePort -> LoadBalancer', 'EnsuringLoadBalancer: Ensuring load balancer', 'EnsuredLoadBalancer: Ensured load balancer']);
  const back = h.admin.get<ServiceObj>('services', 'default', 'web');
  h.admin.update('services', 'default', { ...back, spec: { ...back.spec, type: 'NodePort' } });
  h.settle();
  expect(reasons(h.all<EventObj>('events')).slice(3)).toEqual(['Type: LoadBalancer -> NodePort', 'DeletingLoadBalancer: Deleting load balancer', 'DeletedLoadBalancer: Deleted load balancer']);
});

it('says nothing about type changes that do not involve a load balancer', () => {
  const h = harness();
  h.admin.create('services', 'default', service('web', {}));
  h.settle();
  const svc = h.admin.get<ServiceObj>('services', 'default', 'web');
  h.admin.update('services', 'default', { ...svc, spec: { ...svc.spec, type: 'NodePort' } });
  h.settle();
  expect(h.all<EventObj>('events')).toEqual([]);
});
