import { describe, expect, it } from 'vitest';
import { emptyEntry, nodePortEntry, webEntry } from '../player/__fixtures__/entries';
import { traceSteps } from '../player/traceSteps';
import type { PodRecord, ServiceRecord } from '../state/useEngineStore';
import { hopElement, machineElement, tracePath, type MapIndex } from './tracePath';

const pod = (namespace: string, name: string, node: string): PodRecord => ({ kind: 'pod', key: `pod/${namespace}/${name}`, namespace, name, node, status: 'Running', ready: true, labels: {}, hostNetwork: false });
const svc = (namespace: string, name: string, clusterIP: string): ServiceRecord => ({ kind: 'service', key: `service/${namespace}/${name}`, namespace, name, type: 'ClusterIP', clusterIP, ports: '80/TCP', selector: {} });

/** The fixtures' cluster as the map shows it (kube-proxy pods hidden, as by default). */
function mapOf(extraHidden: string[] = []): MapIndex {
  const pods = [pod('default', 'client', 'node02'), pod('default', 'web-6df7f6f7d8-d4cjm', 'node02'), pod('kube-system', 'coredns-6998994bb8-xnzqt', 'controlplane'), pod('kube-system', 'kube-proxy-abcde', 'node02')];
  const services = [svc('default', 'web', '10.101.223.66'), svc('default', 'empty', '10.98.129.105'), svc('kube-system', 'kube-dns', '10.96.0.10'), svc('default', 'webnp', '10.104.1.1')];
  const shown = new Set(['node/controlplane', 'node/node01', 'node/node02', ...pods.filter((p) => !p.name.startsWith('kube-proxy')).map((p) => p.key), ...services.map((s) => s.key)].filter((id) => !extraHidden.includes(id)));
  return { pods, services, shown };
}

describe('hop → map element', () => {
  it('pods are their cards, nodes their boxes, the outside world is off the map', () => {
    const map = mapOf();
    expect(machineElement('default/client', 'pod', map)).toBe('pod/default/client');
    expect(machineElement('node02', 'node', map)).toBe('node/node02');
    expect(machineElement('outside:node-network', 'outside', map)).toBeUndefined();
  });

  it('a pod the map hides stands in its node box', () => {
    expect(machineElement('kube-system/kube-proxy-abcde', 'pod', mapOf())).toBe('node/node02');
    expect(machineElement('default/gone', 'pod', mapOf())).toBeUndefined();
  });

  it('the DNAT hop is drawn at the Service kube-proxy translated for', () => {
    const dnat = webEntry.trace.hops.find((h) => h.where.chain === 'PREROUTING')!;
    expect(hopElement(dnat, mapOf())).toBe('service/default/web');
    expect(hopElement(dnat, mapOf(['service/default/web']))).toBe('node/node02');
  });
});

describe('tracePath', () => {
  it('DNS goes client → kube-dns → the CoreDNS pod that answered, then the packet client → node → Service → node → backend → back', () => {
    const { routes, onPath } = tracePath(webEntry.trace, traceSteps(webEntry), mapOf());
    const dns = ['pod/default/client', 'service/kube-system/kube-dns', 'pod/kube-system/coredns-6998994bb8-xnzqt'];
    expect(routes.slice(0, 2)).toEqual([dns, dns]);
    expect(routes.slice(2)).toEqual([
      ['pod/default/client'],
      ['pod/default/client'],
      ['pod/default/client', 'node/node02'],
      ['node/node02', 'service/default/web'],
      ['service/default/web', 'node/node02'],
      ['node/node02'],
      ['node/node02'],
      ['node/node02', 'pod/default/web-6df7f6f7d8-d4cjm'],
      ['pod/default/web-6df7f6f7d8-d4cjm', 'pod/default/client'],
      ['pod/default/web-6df7f6f7d8-d4cjm'],
    ]);
    expect([...onPath].sort()).toEqual([...dns, 'node/node02', 'pod/default/web-6df7f6f7d8-d4cjm', 'service/default/web'].sort());
  });

  it('a refused request stops at the node that rejected it, through the Service without endpoints', () => {
    const { routes, onPath } = tracePath(emptyEntry.trace, traceSteps(emptyEntry), mapOf());
    expect(onPath.has('service/default/empty')).toBe(true);
    expect(routes.at(-1)).toEqual(['node/node02']);
  });

  it('a request from outside starts off the map, at the node it was addressed to', () => {
    const { routes } = tracePath(nodePortEntry.trace, traceSteps(nodePortEntry), mapOf());
    expect(routes[0]).toEqual([]);
    expect(routes[1]).toEqual(['node/node02']);
  });
});
