import { describe, expect, it } from 'vitest';
import { labCluster, service } from '../network/testing/labCluster';
import { traceRequest } from './traceRequest';

describe('traceRequest (kubelab trace and the packet player)', () => {
  const lab = labCluster([service('web', { selector: { app: 'web' }, ports: [{ port: 80 }] })], { seed: 'trace-request' });

  it('resolves a Service name through CoreDNS and walks the HTTP request to a backend', () => {
    const r = traceRequest(lab.sim, 'default/client', 'http://web/');
    if (!r.ok) throw new Error(r.error);
    expect(r.trace.dns?.name).toBe('web');
    expect(r.trace.outcome).toMatchObject({ kind: 'delivered', port: 80, machine: expect.stringMatching(/^default\/web-/) });
    expect(r.response).toEqual({ status: 200, reason: 'OK' });
  });

  it('HOST:PORT is a TCP connection without an HTTP answer', () => {
    const r = traceRequest(lab.sim, 'node/node02', 'web.default.svc.cluster.local:80');
    expect(r).toMatchObject({ ok: false, code: 'failed', error: expect.stringContaining('could not resolve host "web.default.svc.cluster.local"') });
    const ip = (lab.sim.api.admin().get('services', 'default', 'web') as unknown as { spec: { clusterIP: string } }).spec.clusterIP;
    const tcp = traceRequest(lab.sim, 'node/node02', `${ip}:80`);
    if (!tcp.ok) throw new Error(tcp.error);
    expect(tcp.trace.request).toEqual({ protocol: 'tcp', from: 'node02', dst: ip, dport: 80 });
    expect(tcp.response).toBeUndefined();
  });

  it('says which part of the request is wrong', () => {
    expect(traceRequest(lab.sim, 'default/nobody', 'web:80')).toEqual({ ok: false, code: 'failed', error: 'pods "nobody" not found in namespace "default"' });
    expect(traceRequest(lab.sim, 'node/node09', 'web:80')).toEqual({ ok: false, code: 'failed', error: 'node "node09" not found' });
    expect(traceRequest(lab.sim, 'client', 'web:80')).toMatchObject({ ok: false, error: expect.stringContaining('--from must be NAMESPACE/POD') });
    expect(traceRequest(lab.sim, 'default/client', 'web')).toEqual({ ok: false, code: 'usage', error: 'TARGET must be a URL or HOST:PORT (got "web")' });
  });
});
