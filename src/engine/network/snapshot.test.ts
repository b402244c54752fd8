/** The network's own state (conntrack, recent lists, kube-proxy modes) travels in Simulation snapshots. */
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types';
import type { Place } from '../cluster/tools';
import { Simulation } from '../sim/Simulation';
import { networkOf } from './Network';
import { labCluster, service } from './testing/labCluster';

describe('network state in snapshots', () => {
  it('conntrack entries survive a snapshot taken to JSON and restored into another Simulation', () => {
    const lab = labCluster([service('web', { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 80 }] })]);
    const client: Place = { kind: 'container', namespace: 'default', pod: 'client', container: 'client', node: 'node01' };
    const svcIP = lab.sim.api.admin().get<KubeObject & { spec: { clusterIP: string } }>('services', 'default', 'web').spec.clusterIP;
    expect(lab.net.tcpConnect(client, svcIP, 80).outcome.kind).toBe('delivered');
    const before = lab.net.conntrack('node01');
    expect(before.length).toBeGreaterThan(0);

    const snap = JSON.parse(JSON.stringify(lab.sim.snapshot()));
    expect(snap.extensions.network).toBeDefined();

    const other = new Simulation({ seed: 'network-tests' });
    const otherNet = networkOf(other);
    expect(otherNet.conntrack('node01')).toEqual([]);
    other.restore(snap);
    expect(otherNet.conntrack('node01')).toEqual(before);
  });
});
