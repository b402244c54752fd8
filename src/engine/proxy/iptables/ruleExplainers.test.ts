import { describe, expect, it } from 'vitest';
import { findChain } from '../model';
import { baseConfig, node01, webService, webSlice } from '../testing/fixtures';
import { generateRules } from './generateRules';

const sentences = (extra: Parameters<typeof webService>[0], endpoints?: Parameters<typeof webSlice>[0]) => {
  const rs = generateRules({ node: node01, services: [webService(extra)], endpointSlices: [webSlice(endpoints)], config: baseConfig });
  const svc = findChain(rs, 'nat', 'KUBE-SVC-CDGGSHYLG3RE2FKL')!;
  const sep = findChain(rs, 'nat', 'KUBE-SEP-AFGSLHOD2HFNCBX4')!;
  return { svc: svc.rules.map((r) => r.explanation), sep: sep.rules.map((r) => r.explanation), json: JSON.parse(JSON.stringify(sep.rules)) as { explanation: string }[] };
};

describe('explanations of the per-endpoint rules, read from the rule', () => {
  it('say which endpoint a jump picks, with what probability, and what each SEP rule does', () => {
    const { svc, sep } = sentences({});
    expect(svc.slice(1)).toEqual([
      'Picks endpoint 10.244.1.5:8080 with probability 1/2 of the connections reaching this rule.',
      'Sends the remaining connections to 10.244.2.7:8080.',
    ]);
    expect(sep).toEqual([
      'Hairpin: when pod 10.244.1.5 connects to default/web:http and is picked as its own backend, the packet is marked for SNAT.',
      'Rewrites the destination to the endpoint 10.244.1.5:8080 (EndpointSlice web-abcde).',
    ]);
  });

  it('name the only endpoint, and session affinity when the Service has it', () => {
    expect(sentences({}, [{ ip: '10.244.1.5', node: 'node01' }]).svc.at(-1)).toBe('Sends every connection to the only endpoint 10.244.1.5:8080.');
    expect(sentences({ sessionAffinity: 'ClientIP' }).sep[1]).toBe('Rewrites the destination to the endpoint 10.244.1.5:8080 (EndpointSlice web-abcde) and remembers the client for session affinity.');
  });

  it('are written into the JSON in the explanation field', () => {
    const { sep, json } = sentences({});
    expect(json.map((r) => r.explanation)).toEqual(sep);
    expect(Object.keys(json[0]!)).toEqual(['matches', 'provenance', 'explanation', 'src', 'target']);
  });
});
