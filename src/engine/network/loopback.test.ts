import { describe, expect, it } from 'vitest';
import { Simulation } from '../sim/Simulation';
import { listenLocal } from './localListeners';
import { networkOf } from './Network';

describe('loopback on a node', () => {
  it('reaches a process listening on 127.0.0.1 without touching kube-proxy, and is refused otherwise', () => {
    const sim = new Simulation({ seed: 'loopback' });
    const net = networkOf(sim);
    const close = listenLocal(sim, 'controlplane', 8001, (req) => ({ status: 200, reason: 'OK', headers: [['Content-Type', 'text/plain']], body: `you asked for ${req.path}` }));
    const ok = net.httpRequest({ kind: 'node', node: 'controlplane' }, { ip: '127.0.0.1', port: 8001, path: '/api' });
    expect(ok.response?.body).toBe('you asked for /api');
    expect(ok.trace.hops.map((h) => h.where.interface)).toEqual(['lo']);
    expect(ok.trace.rulesTraversed).toBe(0);

    const elsewhere = net.httpRequest({ kind: 'node', node: 'node01' }, { ip: '127.0.0.1', port: 8001, path: '/api' });
    expect(elsewhere.outcome.kind).toBe('refused');
    close?.();
    expect(net.httpRequest({ kind: 'node', node: 'controlplane' }, { ip: '127.0.0.1', port: 8001 }).outcome.kind).toBe('refused');
  });
});
