import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PodNetwork } from './PodNetwork';

describe('PodNetwork', () => {
  it('hands out .2 first, then continues after the last address (host-local round robin)', () => {
    const net = new PodNetwork('10.244.1.0/24');
    expect(net.gateway()).toBe('10.244.1.1');
    const a = net.allocate('a', new Set());
    const b = net.allocate('b', new Set([a]));
    expect([a, b]).toEqual(['10.244.1.2', '10.244.1.3']);
    // .2 is free again, but host-local moves on.
    expect(net.allocate('c', new Set([b]))).toBe('10.244.1.4');
  });

  it('never returns an address in use, the network, the gateway or the broadcast', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 300 }), (ops) => {
        const net = new PodNetwork('10.244.2.0/24');
        const inUse: string[] = [];
        for (const add of ops) {
          if (add || inUse.length === 0) {
            if (inUse.length >= 253) continue;
            const ip = net.allocate('x', new Set(inUse));
            expect(inUse).not.toContain(ip);
            expect(['10.244.2.0', '10.244.2.1', '10.244.2.255']).not.toContain(ip);
            inUse.push(ip);
          } else inUse.splice(inUse.length >> 1, 1);
        }
      }),
    );
  });
});
