import fc from 'fast-check';
import type { Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { describe, expect, it } from 'vitest';
import { Rng } from '../sim/Rng';
import { generateRules } from './iptables/generateRules';
import { generateIpvsIptables } from './ipvs/ipvsRules';
import { generateIpvs } from './ipvs/virtualServers';
import { traceConnection } from './iptables/packetFlow';
import { chainNamed } from './iptables/ruleIndex';
import { KubeProxy } from './KubeProxy';
import { serviceArb } from './testing/arbitraries';
import { baseConfig, node01 } from './testing/fixtures';
import { plainChain, plainRuleset } from './testing/plainRuleset';

const N = 20;
const full = (services: Service[], slices: EndpointSlice[]) => generateRules({ node: node01, services, endpointSlices: slices, config: baseConfig });

/** A change: Service `i` is replaced by a freshly drawn one (or deleted), or only its slice is. */
const changeArb = fc.integer({ min: 0, max: N - 1 }).chain((i) =>
  fc.record({ i: fc.constant(i), next: serviceArb(i), what: fc.constantFrom('service', 'slice', 'both', 'delete-service', 'delete-slice') }),
);

type Change = typeof changeArb extends fc.Arbitrary<infer C> ? C : never;

/** Applies one change to the objects and tells kube-proxy, as its watch handlers would. */
function applyChange(kp: KubeProxy, services: Map<number, Service>, slices: Map<number, EndpointSlice>, c: Change): void {
  if (c.what === 'service' || c.what === 'both') services.set(c.i, c.next.svc);
  if (c.what === 'delete-service') services.delete(c.i);
  if (c.what !== 'service' && c.what !== 'delete-service') {
    const previous = slices.get(c.i);
    if (c.what === 'delete-slice') slices.delete(c.i);
    else slices.set(c.i, c.next.slice);
    kp.onSliceChanged('default', `s${c.i}-abcde`, slices.get(c.i), previous);
  }
  if (c.what !== 'slice' && c.what !== 'delete-slice') kp.onServiceChanged('default', `s${c.i}`, services.get(c.i));
}

describe('KubeProxy partial syncs (fast-check)', () => {
  it('after any changes to Services of every kind, the live ruleset equals a full generation and traces the same', () => {
    fc.assert(
      fc.property(fc.tuple(...Array.from({ length: N }, (_, i) => serviceArb(i))), fc.array(changeArb, { maxLength: 30 }), fc.integer(), (initial, changes, seed) => {
        const services = new Map(initial.map((c, i) => [i, c.svc]));
        const slices = new Map(initial.map((c, i) => [i, c.slice]));
        const kp = new KubeProxy(node01, baseConfig);
        kp.update([...services.values()], [...slices.values()]);
        const everSeen = new Set(kp.ruleset().tables[2]!.chains.map((c) => c.name));
        for (const c of changes) {
          applyChange(kp, services, slices, c);
          // Read the ruleset now and then, so later changes patch an already published one.
          if (c.i % 3 === 0) kp.ruleset();
        }
        const reference = full([...services.values()], [...slices.values()]);
        expect(plainRuleset(kp.ruleset())).toEqual(plainRuleset(reference));
        // toEqual sees fields only; the JSON has every rule's explanation written out too.
        expect(JSON.stringify(kp.ruleset())).toBe(JSON.stringify(reference));
        // The evaluator's chain lookup knows exactly the chains that exist now.
        for (const name of everSeen) {
          const [live, want] = [chainNamed(kp.ruleset().tables[2]!, name), chainNamed(reference.tables[2]!, name)];
          expect(live && plainChain(live)).toEqual(want && plainChain(want));
        }
        for (const dst of ['10.96.0.1', '10.96.0.7', '10.96.0.20', '172.18.0.3', '192.0.2.3']) {
          for (const dport of [80, 443, 30001, 30028]) {
            const packet = { src: '10.244.1.20', dst, protocol: 'tcp' as const, dport };
            const st = () => ({ nowMs: 0, localAddresses: ['172.18.0.3'], recent: {} });
            expect(traceConnection(kp.ruleset(), packet, false, new Rng(seed), st())).toEqual(traceConnection(reference, packet, false, new Rng(seed), st()));
          }
        }
      }),
      { numRuns: 40 },
    );
    // A loaded machine; this bounds a hang, it does not measure speed.
  }, 120_000);
});

describe('KubeProxy in IPVS mode after changes (fast-check)', () => {
  it('serves the virtual servers, rules and ipsets a generation from the current objects gives', () => {
    const config = { ...baseConfig, mode: 'ipvs' as const };
    fc.assert(
      fc.property(fc.tuple(...Array.from({ length: 8 }, (_, i) => serviceArb(i))), fc.array(changeArb.filter((c) => c.i < 8), { maxLength: 12 }), (initial, changes) => {
        const services = new Map(initial.map((c, i) => [i, c.svc]));
        const slices = new Map(initial.map((c, i) => [i, c.slice]));
        const kp = new KubeProxy(node01, config);
        kp.update([...services.values()], [...slices.values()]);
        kp.ipvs();
        for (const c of changes) {
          applyChange(kp, services, slices, c);
          if (c.i % 2 === 0) kp.ruleset();
        }
        const input = { node: node01, services: [...services.values()], endpointSlices: [...slices.values()], config };
        expect(kp.ipvs()).toEqual(generateIpvs(input));
        expect(JSON.stringify(kp.ruleset())).toBe(JSON.stringify(generateIpvsIptables(input)));
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
