import { describe, expect, it } from 'vitest';
import { emptyEntry, nodePortEntry, webEntry } from './__fixtures__/entries';
import { packetFields, packetText, translationOf } from './packetDiff';
import { announcement, entryLabel, stepLabel } from './traceLabels';
import { traceSteps } from './traceSteps';

const hop = (entry: typeof webEntry, chain: string) => entry.trace.hops.find((h) => h.where.chain === chain)!;

describe('the player\'s list labels', () => {
  it('names who asked for what (the typed name, not the ClusterIP) and what came of it', () => {
    expect(entryLabel(webEntry)).toBe('client → web:80 · delivered to web-6df7f6f7d8-d4cjm:80');
    expect(entryLabel(emptyEntry)).toBe('client → empty:80 · refused');
    expect(entryLabel(nodePortEntry)).toBe('outside:node-network → 172.18.0.4:30080 · delivered to web-6df7f6f7d8-d4cjm:80');
  });
});

describe('traceSteps', () => {
  it('puts the DNS walk first, one step per query, then the hops, then the outcome', () => {
    const steps = traceSteps(webEntry);
    expect(steps.map((s) => s.kind)).toEqual(['dns', 'dns', ...webEntry.trace.hops.map(() => 'hop'), 'outcome']);
    expect(steps[0]).toEqual({ kind: 'dns', text: 'web.default.svc.cluster.local A → 10.101.223.66', query: 'web.default.svc.cluster.local.', type: 'A', server: '10.96.0.10', answeredBy: 'kube-system/coredns-6998994bb8-xnzqt' });
    expect(stepLabel(steps[1]!)).toEqual({ title: 'DNS web.default.svc.cluster.local AAAA → NODATA', note: 'answered by coredns-6998994bb8-xnzqt' });
    expect(stepLabel(steps.at(-1)!)).toEqual({ title: 'Delivered to web-6df7f6f7d8-d4cjm', note: 'HTTP 200 OK' });
  });

  it('a request without a name has no DNS steps; DNS steps without text are skipped', () => {
    expect(traceSteps(nodePortEntry)[0]!.kind).toBe('hop');
    const odd = { ...webEntry, trace: { ...webEntry.trace, dns: { name: 'x', addresses: [], steps: [null, 3, { query: 'x.' }] } } };
    expect(traceSteps(odd)[0]!.kind).toBe('hop');
  });

  it('ends a refused request with the REJECT rule as the reason', () => {
    const last = traceSteps(emptyEntry).at(-1)!;
    expect(stepLabel(last).title).toBe('Connection refused');
    expect(announcement(last, 9, 10)).toBe(
      'Step 10 of 10, Connection refused: no ready endpoints: KUBE-SERVICES REJECT rule: -A KUBE-SERVICES -d 10.98.129.105/32 -p tcp -m comment --comment "default/empty has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable',
    );
  });
});

describe('packet diff', () => {
  it('DNAT at nat PREROUTING changes the destination only', () => {
    const h = hop(webEntry, 'PREROUTING');
    expect(translationOf(h)).toBe('DNAT');
    expect(packetFields(h.before, h.after).filter((f) => f.changed)).toEqual([{ name: 'dst', before: '10.101.223.66', after: '10.244.2.3', changed: true }]);
    expect(stepLabel({ kind: 'hop', hop: h })).toEqual({ title: 'node02 · nat PREROUTING', note: 'DNAT' });
  });

  it('MASQUERADE at POSTROUTING is SNAT; conntrack undoes both on the reply', () => {
    expect(translationOf(hop(nodePortEntry, 'POSTROUTING'))).toBe('SNAT');
    const reply = nodePortEntry.trace.hops.at(-1)!;
    expect(translationOf(reply)).toBe('un-DNAT + un-SNAT');
    expect(translationOf(webEntry.trace.hops.at(-1)!)).toBe('un-DNAT');
    expect(packetText(reply.after)).toBe('172.18.0.4:30080 → 172.18.0.1:60245');
  });

  it('a hop that changes nothing has no translation; the REJECT answer is a new ICMP packet', () => {
    expect(translationOf(hop(webEntry, 'FORWARD'))).toBeUndefined();
    const icmp = emptyEntry.trace.hops.at(-1)!;
    expect(translationOf(icmp)).toBe('ICMP answer');
    expect(packetFields(icmp.before, icmp.after).map((f) => [f.name, f.changed])).toEqual([['protocol', true], ['src', true], ['sport', true], ['dst', true], ['dport', true]]);
    expect(packetText(icmp.after)).toBe('172.18.0.4 → 10.244.2.4');
  });
});
