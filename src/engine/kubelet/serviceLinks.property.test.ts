import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newTestServer, svc } from '../api/testing/newTestServer';
import { ServiceLinks } from './serviceLinks';

/** A write to one Service: create or update its ports, or delete it. */
const op = fc.record({
  name: fc.constantFrom('kubernetes', 'web', 'web-2', 'db', 'a-b'),
  namespace: fc.constantFrom('default', 'kube-system'),
  ports: fc.array(fc.record({ name: fc.constantFrom('http', 'dns-tcp', 'metrics'), port: fc.integer({ min: 1, max: 3 }), protocol: fc.constantFrom('TCP', 'UDP') }), { minLength: 1, maxLength: 2 }),
  headless: fc.boolean(),
  remove: fc.boolean(),
});

describe('ServiceLinks (the kubelet Service cache)', () => {
  it('gives exactly what listing the Services gives, key order included, through any history of writes', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), fc.integer({ min: 0, max: 25 }), (ops, startAt) => {
        const { server } = newTestServer();
        const admin = server.admin();
        const cached = new ServiceLinks(server.system('node:node01'));
        const direct = new ServiceLinks(server.system('node:node01'));
        ops.forEach((o, i) => {
          if (i === startAt) cached.start();
          const existing = admin.tryGet('services', o.namespace, o.name);
          if (o.remove) {
            if (existing) admin.delete('services', o.namespace, o.name);
          } else {
            // Port names and port/protocol pairs must be unique within a Service; keep the first of each.
            const ports = o.ports.filter((p, j) => o.ports.findIndex((q) => q.name === p.name || (q.port === p.port && q.protocol === p.protocol)) === j).map((p) => ({ ...p, port: p.port * 1000 }));
            if (existing) admin.update('services', o.namespace, { ...existing, spec: { ...(existing.spec as object), ports } });
            else admin.create('services', o.namespace, svc(o.name, { ports, ...(o.headless ? { clusterIP: 'None' } : {}) }, o.namespace));
          }
          for (const ns of ['default', 'kube-system', 'empty'])
            for (const links of [true, false]) expect(Object.entries(cached.env(ns, links))).toEqual(Object.entries(direct.env(ns, links)));
        });
      }),
      { numRuns: 60 },
    );
  });

  it('hands out frozen variables, so no container can change another one\'s', () => {
    const { server } = newTestServer();
    const links = new ServiceLinks(server.system('node:node01'));
    links.start();
    server.admin().create('services', 'default', svc('web', { ports: [{ port: 80 }] }));
    expect(Object.isFrozen(links.env('default', true))).toBe(true);
    expect(Object.isFrozen(links.env('default', false))).toBe(true);
    expect(links.env('default', true)).toEqual({ WEB_SERVICE_HOST: expect.any(String), WEB_SERVICE_PORT: '80', WEB_PORT: expect.stringMatching(/^tcp:\/\//), WEB_PORT_80_TCP: expect.stringMatching(/^tcp:\/\//), WEB_PORT_80_TCP_PROTO: 'tcp', WEB_PORT_80_TCP_PORT: '80', WEB_PORT_80_TCP_ADDR: expect.any(String) });
  });
});
