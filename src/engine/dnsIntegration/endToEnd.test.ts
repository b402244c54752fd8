import type { Service } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types';
import { containerMachine } from '../cluster/containerMachine';
import { startPod, transcript } from '../cluster/testing/pods';
import { ShellSession } from '../shell/ShellSession';
import { Simulation } from '../sim/Simulation';

/** The seed chapter's sd-example objects: the `ent` Service and its Deployment in dev and prod. */
function sdExample(sim: Simulation): Record<string, string> {
  const a = sim.api.admin();
  const ips: Record<string, string> = {};
  for (const ns of ['dev', 'prod']) {
    a.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
    a.create('deployments.apps', ns, {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'enterprise', namespace: ns, labels: { app: 'enterprise' } },
      spec: { selector: { matchLabels: { app: 'enterprise' } }, replicas: 2, template: { metadata: { labels: { app: 'enterprise' } }, spec: { containers: [{ image: `nigelpoulton/k8sbook:text-${ns}`, name: 'enterprise-ctr', ports: [{ containerPort: 8080 }] }] } } },
    });
    const svc = a.create<Service & KubeObject>('services', ns, { apiVersion: 'v1', kind: 'Service', metadata: { name: 'ent', namespace: ns }, spec: { selector: { app: 'enterprise' }, ports: [{ port: 8080 }], type: 'ClusterIP' } });
    ips[ns] = svc.spec!.clusterIP!;
  }
  return ips;
}

describe('the sd-example chapter in a shell in the jump pod', () => {
  it('installs dnsutils and curl, then looks names up and reaches both namespaces by name', () => {
    const sim = new Simulation({ seed: 'e2e' });
    const ips = sdExample(sim);
    const place = startPod(sim, 'dev', 'jump', { image: 'ubuntu', tty: true, stdin: true });
    const machine = containerMachine(sim, place)!;
    const s = new ShellSession({ machine, now: () => sim.clock.now(), advance: (ms) => sim.advance(ms) });
    transcript(s, ['apt-get update', 'apt-get install -y dnsutils curl']);
    const out = transcript(s, ['nslookup ent', 'curl ent:8080', 'curl ent.prod.svc.cluster.local:8080']);
    expect(out).toBe(
      [
        'root@jump:/# nslookup ent',
        ';; Got recursion not available from 10.96.0.10',
        'Server:\t\t10.96.0.10',
        'Address:\t10.96.0.10#53',
        '',
        'Name:\tent.dev.svc.cluster.local',
        `Address: ${ips['dev']}`,
        ';; Got recursion not available from 10.96.0.10',
        '',
        'root@jump:/# curl ent:8080',
        'Hello from the Dev Namespace!',
        'root@jump:/# curl ent.prod.svc.cluster.local:8080',
        'Hello from the PROD Namespace!',
        '',
      ].join('\n'),
    );
  });
});
