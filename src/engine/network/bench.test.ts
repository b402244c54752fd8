import { describe, expect, it } from 'vitest';
import { runNetworkBench } from './bench';

describe('network bench (small)', () => {
  let t = 0;
  const clock = () => (t += 1);
  const r = runNetworkBench(clock, 200, 5);

  it('iptables mode compares the packet with more rules as Services grow; IPVS does not', () => {
    const bigger = runNetworkBench(clock, 400, 5);
    expect(bigger.iptables.traversed).toBeGreaterThan(r.iptables.traversed + 150);
    expect(bigger.ipvs.traversed).toBe(r.ipvs.traversed);
    expect(r.ipvs.traversed).toBeLessThan(r.iptables.traversed);
  });

  it('counts the endpoints and every rule generated', () => {
    expect(r.endpoints).toBe(1000);
    // Per Service: KUBE-SERVICES entry, SVC masquerade rule, 5 SVC→SEP jumps, 5×2 SEP rules.
    expect(r.iptables.rules).toBeGreaterThan(200 * 17);
    expect(r.iptables.hops).toBeGreaterThanOrEqual(3);
  });
});
