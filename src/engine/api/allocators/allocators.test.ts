import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../sim/Rng';
import { newTestServer, svc } from '../testing/newTestServer';
import { ClusterIpAllocator } from './ClusterIpAllocator';
import { NodePortAllocator } from './NodePortAllocator';

describe('ClusterIpAllocator', () => {
  it('avoids the static band and the network/broadcast addresses', () => {
    const a = new ClusterIpAllocator('10.96.0.0/12', new Rng('x'));
    for (let i = 0; i < 200; i++) {
      const ip = a.allocateNext();
      expect(ip.startsWith('10.96.0.')).toBe(false);
    }
    expect(a.nth(1)).toBe('10.96.0.1');
    expect(a.nth(10)).toBe('10.96.0.10');
  });

  it('falls back to the static band when the rest is full, then reports full', () => {
    const a = new ClusterIpAllocator('10.0.0.0/28', new Rng('x'));
    // /28: 16 addresses, 14 usable, static band 16 → everything is "band"; all 14 must come out unique.
    const got = new Set(Array.from({ length: 14 }, () => a.allocateNext()));
    expect(got.size).toBe(14);
    expect(got.has('10.0.0.0')).toBe(false);
    expect(got.has('10.0.0.15')).toBe(false);
    expect(() => a.allocateNext()).toThrow('failed to allocate a serviceIP: range is full');
  });

  it('honours and releases requested IPs', () => {
    const a = new ClusterIpAllocator('10.96.0.0/12', new Rng('x'));
    a.allocate('10.96.0.10');
    expect(() => a.allocate('10.96.0.10')).toThrow('failed to allocate IP 10.96.0.10: provided IP is already allocated');
    a.release('10.96.0.10');
    expect(() => a.allocate('10.96.0.10')).not.toThrow();
    expect(() => a.allocate('10.96.0.0')).toThrow('the provided network does not match the current range');
  });
});

describe('NodePortAllocator', () => {
  it('allocates outside the 86-port static band 30000-30085 first', () => {
    const a = new NodePortAllocator('30000-32767', new Rng('x'));
    for (let i = 0; i < 300; i++) expect(a.allocateNext()).toBeGreaterThan(30085);
  });
});

describe('uniqueness through the API (property)', () => {
  it('every ClusterIP and NodePort is unique, and deletes free them', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ op: fc.constantFrom('create', 'create', 'delete'), type: fc.constantFrom('ClusterIP', 'NodePort', 'LoadBalancer'), n: fc.integer({ min: 0, max: 15 }) }), {
          maxLength: 40,
        }),
        fc.string(),
        (ops, seed) => {
          const { server } = newTestServer(seed);
          const a = server.admin();
          for (const { op, type, n } of ops) {
            const name = `s${n}`;
            if (op === 'create' && !a.tryGet('services', 'default', name))
              a.create('services', 'default', svc(name, { type, ports: [{ port: 80, name: 'a' }, { port: 53, name: 'b', protocol: 'UDP' }] }));
            if (op === 'delete' && a.tryGet('services', 'default', name)) a.delete('services', 'default', name);
          }
          const items = a.list('services', 'default').items as unknown as { spec: { clusterIP: string; ports: { nodePort?: number }[] } }[];
          const ips = items.map((s) => s.spec.clusterIP);
          const nodePorts = items.flatMap((s) => s.spec.ports.map((p) => p.nodePort).filter((p): p is number => !!p));
          expect(new Set(ips).size).toBe(ips.length);
          expect(new Set(nodePorts).size).toBe(nodePorts.length);
          expect(server.clusterIPs.allocated().sort()).toEqual([...ips].sort());
          expect(server.nodePorts.allocated()).toEqual([...nodePorts].sort((x, y) => x - y));
        },
      ),
      { numRuns: 40 },
    );
  });
});
