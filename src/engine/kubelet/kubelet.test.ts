import type { PodObject } from '../sim/kinds';
import { describe, expect, it } from 'vitest';
import { kubeletHarness } from './testing/harness';

const cs = (h: ReturnType<typeof kubeletHarness>, name: string) => h.get(name).status!.containerStatuses![0]!;

describe('pod lifecycle', () => {
  it('shows ContainerCreating right after create and Running after the pull', () => {
    const h = kubeletHarness();
    h.pod('web', [{ name: 'nginx', image: 'nginx', ports: [{ containerPort: 80 }] }]);
    let p = h.get('web');
    expect(p.spec!.nodeName).toMatch(/^node0[12]$/);
    expect(p.status!.phase).toBe('Pending');
    expect(cs(h, 'web').state).toEqual({ waiting: { reason: 'ContainerCreating' } });
    expect(p.status!.podIP).toBeUndefined();
    h.advance(10_000);
    p = h.get('web');
    expect(p.status!.phase).toBe('Running');
    expect(p.status!.podIP).toMatch(/^10\.244\.[12]\.2$/);
    expect(p.status!.hostIP).toBe(p.spec!.nodeName === 'node01' ? '172.18.0.3' : '172.18.0.4');
    expect(p.status!.qosClass).toBe('BestEffort');
    expect(p.status!.conditions!.map((c) => `${c.type}=${c.status}`)).toEqual(['PodReadyToStartContainers=True', 'Initialized=True', 'Ready=True', 'ContainersReady=True', 'PodScheduled=True']);
    expect(cs(h, 'web')).toMatchObject({ ready: true, started: true, restartCount: 0, image: 'docker.io/library/nginx:latest' });
    const ev = h.events('web');
    expect(ev[0]).toBe(`Normal Scheduled Successfully assigned default/web to ${p.spec!.nodeName}`);
    expect(ev[1]).toBe('Normal Pulling Pulling image "nginx"');
    expect(ev[2]).toMatch(/^Normal Pulled Successfully pulled image "nginx" in \d+(\.\d+)?s \(\d+(\.\d+)?s including waiting\)\. Image size: 72195292 bytes\.$/);
    expect(ev.slice(3)).toEqual(['Normal Created Created container: nginx', 'Normal Started Started container nginx']);
    expect(h.kubeletOf('web').logs('default', 'web')!.map((l) => l.line)[0]).toBe('/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration');
  });

  it('writes resolv.conf and hosts for the pod', () => {
    const h = kubeletHarness();
    h.pod('web', [{ image: 'nginx' }]);
    h.advance(5000);
    const files = h.kubeletOf('web').podFiles('default', 'web')!;
    expect(files.resolvConf).toBe('search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
    expect(files.hosts.split('\n').at(-2)).toBe(`${h.get('web').status!.podIP}\tweb`);
  });

  it('serves HTTP from the app and refuses unknown ports', () => {
    const h = kubeletHarness();
    h.pod('web', [{ image: 'nginx' }]);
    h.advance(10_000);
    const k = h.kubeletOf('web');
    const ip = h.get('web').status!.podIP!;
    const req = { method: 'GET', path: '/', host: ip, userAgent: 'curl/8.5.0', remoteAddr: '10.244.2.9', remotePort: 5555, headers: {}, at: h.clock.now() };
    const res = k.http(ip, 80, req);
    expect(res !== 'refused' && res.status).toBe(200);
    expect(k.http(ip, 8080, req)).toBe('refused');
    expect(k.logs('default', 'web')!.at(-1)!.line).toContain('"GET / HTTP/1.1" 200 615 "-" "curl/8.5.0" "-"');
  });
});

describe('restarts', () => {
  it('backs off 10s, 20s, 40s between restarts of a crashing container', () => {
    const h = kubeletHarness();
    h.pod('bb', [{ name: 'bb', image: 'busybox' }]);
    h.advance(5000);
    // busybox's sh exits at once without a terminal: the first restart is immediate (after the 1s sync).
    expect(cs(h, 'bb').restartCount).toBe(1);
    h.advance(1500);
    expect(cs(h, 'bb').state!.waiting).toEqual({ reason: 'CrashLoopBackOff', message: `back-off 10s restarting failed container=bb pod=bb_default(${h.get('bb').metadata.uid})` });
    expect(cs(h, 'bb').lastState!.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    const restartsAt: number[] = [];
    let last = cs(h, 'bb').restartCount;
    for (let t = 0; t < 120; t++) {
      h.advance(1000);
      const n = cs(h, 'bb').restartCount;
      if (n !== last) restartsAt.push(t);
      last = n;
    }
    const gaps = restartsAt.slice(1).map((t, i) => t - restartsAt[i]!);
    // Each gap is the back-off plus the 1s sync and the manifest check of the `latest` image.
    expect(gaps[0]).toBeGreaterThanOrEqual(21);
    expect(gaps[0]).toBeLessThanOrEqual(23);
    expect(gaps[1]).toBeGreaterThanOrEqual(41);
    expect(gaps[1]).toBeLessThanOrEqual(43);
    expect(h.events('bb')).toContain(`Warning BackOff Back-off restarting failed container bb in pod bb_default(${h.get('bb').metadata.uid}) (x4)`);
  });

  it('keeps a tty+stdin ubuntu running and completes a Never pod', () => {
    const h = kubeletHarness();
    h.pod('jump', [{ image: 'ubuntu', tty: true, stdin: true }]);
    h.pod('once', [{ image: 'busybox', command: ['sh', '-c', 'echo hi; sleep 2'] }], { restartPolicy: 'Never' });
    h.advance(20_000);
    expect(h.get('jump').status!.phase).toBe('Running');
    expect(h.get('once').status!.phase).toBe('Succeeded');
    expect(cs(h, 'once').state!.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(h.kubeletOf('once').logs('default', 'once')!.map((l) => l.line)).toEqual(['hi']);
  });
});

describe('probes', () => {
  it('readiness keeps a pod unready until the app listens on the probed port', () => {
    const h = kubeletHarness();
    h.pod('web', [{ image: 'nginx', readinessProbe: { httpGet: { path: '/', port: 8080 }, periodSeconds: 5 } }]);
    h.advance(30_000);
    expect(h.get('web').status!.conditions!.find((c) => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [c0]' });
    const ip = h.get('web').status!.podIP;
    expect(h.events('web').find((e) => e.includes('Unhealthy'))).toMatch(new RegExp(`^Warning Unhealthy Readiness probe failed: Get "http://${ip!.replace(/\./g, '\\.')}:8080/": dial tcp ${ip!.replace(/\./g, '\\.')}:8080: connect: connection refused`));
  });

  it('liveness exec probe restarts the container after the file disappears', () => {
    const h = kubeletHarness();
    h.pod('live', [{ name: 'liveness', image: 'busybox', args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'], livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5, periodSeconds: 5 } }]);
    h.advance(35_000);
    expect(cs(h, 'live').restartCount).toBe(0);
    h.advance(60_000);
    expect(cs(h, 'live').restartCount).toBe(1);
    const ev = h.events('live');
    expect(ev).toContain("Warning Unhealthy Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory (x3)");
    expect(ev).toContain('Normal Killing Container liveness failed liveness probe, will be restarted');
  });
});

describe('termination', () => {
  it('stops gracefully and deletes the pod', () => {
    const h = kubeletHarness();
    h.pod('web', [{ image: 'nginx' }]);
    h.pod('jump', [{ name: 'jump', image: 'ubuntu', tty: true, stdin: true }], { terminationGracePeriodSeconds: 5 });
    h.advance(10_000);
    h.admin.delete('pods', 'default', 'web');
    h.admin.delete('pods', 'default', 'jump');
    h.drain();
    expect(h.admin.tryGet('pods', 'default', 'web')).toBeDefined();
    h.advance(1000);
    // nginx exits on SIGTERM quickly; bash ignores it and is killed when the 5s grace ends.
    expect(h.admin.tryGet('pods', 'default', 'web')).toBeUndefined();
    expect(h.admin.tryGet('pods', 'default', 'jump')).toBeDefined();
    expect(h.events('jump')).toContain('Normal Killing Stopping container jump');
    h.advance(5000);
    expect(h.admin.tryGet('pods', 'default', 'jump')).toBeUndefined();
  });
});

describe('pod files', () => {
  it('resolv.conf follows dnsPolicy and dnsConfig', async () => {
    const { podResolvConf } = await import('./resolvConf');
    const dns = { clusterDNS: ['10.96.0.10'], clusterDomain: 'cluster.local', node: { nameservers: ['172.18.0.1'], search: [], options: { other: [] } } };
    const pod = (spec: Record<string, unknown>) => ({ metadata: { name: 'p', namespace: 'prod' }, spec: { containers: [], ...spec } });
    expect(podResolvConf(pod({}), dns)).toBe('search prod.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
    expect(podResolvConf(pod({ dnsPolicy: 'Default' }), dns)).toBe('nameserver 172.18.0.1\n');
    expect(podResolvConf(pod({ dnsPolicy: 'None', dnsConfig: { nameservers: ['1.2.3.4'], searches: ['ns1.svc.cluster-domain.example', 'my.dns.search.suffix'], options: [{ name: 'ndots', value: '2' }, { name: 'edns0' }] } }), dns)).toBe(
      'search ns1.svc.cluster-domain.example my.dns.search.suffix\nnameserver 1.2.3.4\noptions ndots:2 edns0\n',
    );
  });

  it('hosts file carries the FQDN with hostname and subdomain', async () => {
    const { podHostsFile } = await import('./resolvConf');
    const text = podHostsFile({ metadata: { name: 'db-0', namespace: 'default' }, spec: { containers: [], hostname: 'db-0', subdomain: 'db' } }, ['10.244.1.8'], 'cluster.local');
    expect(text).toBe(
      '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n10.244.1.8\tdb-0.db.default.svc.cluster.local\tdb-0\n',
    );
  });
});

describe('container environment', () => {
  it('resolves downward-API fields and $(VAR) references', async () => {
    const { containerEnv } = await import('./containerEnv');
    const { ServiceLinks } = await import('./serviceLinks');
    const h = kubeletHarness();
    h.admin.create('configmaps', 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default' }, data: { MODE: 'dev' } });
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default', labels: { app: 'web' } }, spec: { nodeName: 'node01', containers: [] } } as PodObject;
    const env = containerEnv(h.admin, new ServiceLinks(h.admin), pod, {
      name: 'c',
      envFrom: [{ configMapRef: { name: 'cfg' } }],
      env: [
        { name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
        { name: 'APP', valueFrom: { fieldRef: { fieldPath: "metadata.labels['app']" } } },
        { name: 'URL', value: 'http://$(APP):$(PORT)' },
      ],
    }, '10.244.1.2', '172.18.0.3');
    expect(env).toEqual({ MODE: 'dev', NODE: 'node01', APP: 'web', URL: 'http://web:$(PORT)' });
  });

  it('writes service link variables the way kubelet names them', async () => {
    const { serviceEnv } = await import('./serviceLinks');
    expect(serviceEnv([{ metadata: { name: 'kube-dns' }, spec: { clusterIP: '10.96.0.10', ports: [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53, protocol: 'TCP' }] } }, { metadata: { name: 'db' }, spec: { clusterIP: 'None', ports: [{ port: 5432 }] } }])).toEqual({
      KUBE_DNS_SERVICE_HOST: '10.96.0.10',
      KUBE_DNS_SERVICE_PORT: '53',
      KUBE_DNS_SERVICE_PORT_DNS: '53',
      KUBE_DNS_SERVICE_PORT_DNS_TCP: '53',
      KUBE_DNS_PORT: 'udp://10.96.0.10:53',
      KUBE_DNS_PORT_53_UDP: 'udp://10.96.0.10:53',
      KUBE_DNS_PORT_53_UDP_PROTO: 'udp',
      KUBE_DNS_PORT_53_UDP_PORT: '53',
      KUBE_DNS_PORT_53_UDP_ADDR: '10.96.0.10',
      KUBE_DNS_PORT_53_TCP: 'tcp://10.96.0.10:53',
      KUBE_DNS_PORT_53_TCP_PROTO: 'tcp',
      KUBE_DNS_PORT_53_TCP_PORT: '53',
      KUBE_DNS_PORT_53_TCP_ADDR: '10.96.0.10',
    });
  });
});

describe('init containers', () => {
  it('run to completion before the app starts, with Init status in between', () => {
    const h = kubeletHarness();
    h.admin.create('pods', 'default', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'app', namespace: 'default' },
      spec: { initContainers: [{ name: 'wait', image: 'busybox', command: ['sh', '-c', 'echo waiting; sleep 10'] }], containers: [{ name: 'web', image: 'nginx' }] },
    });
    h.advance(5000);
    let p = h.get('app');
    expect(p.status!.conditions!.find((c) => c.type === 'Initialized')).toMatchObject({ status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [wait]' });
    expect(p.status!.initContainerStatuses![0]!.state!.running).toBeDefined();
    expect(p.status!.containerStatuses![0]!.state).toEqual({ waiting: { reason: 'PodInitializing' } });
    h.advance(15_000);
    p = h.get('app');
    expect(p.status!.phase).toBe('Running');
    expect(p.status!.initContainerStatuses![0]).toMatchObject({ ready: true, state: { terminated: { exitCode: 0, reason: 'Completed' } } });
    expect(p.status!.conditions!.find((c) => c.type === 'Initialized')!.status).toBe('True');
    expect(h.kubeletOf('app').logs('default', 'app', 'wait')!.map((l) => l.line)).toEqual(['waiting']);
  });
});

describe('more probes and start failures', () => {
  it('a missing binary is a StartError that backs off', () => {
    const h = kubeletHarness();
    h.pod('bad', [{ name: 'bad', image: 'busybox', command: ['curl', 'x'] }]);
    h.advance(5000);
    const s = cs(h, 'bad');
    expect(s.lastState?.terminated ?? s.state?.terminated).toMatchObject({ exitCode: 128, reason: 'StartError' });
    expect(h.events('bad').find((e) => e.startsWith('Warning Failed'))).toContain('Error: failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "curl": executable file not found in $PATH: unknown');
  });

  it('tcpSocket readiness passes once the server listens; startup probe gates liveness', () => {
    const h = kubeletHarness();
    h.pod('r', [{ name: 'redis', image: 'redis', readinessProbe: { tcpSocket: { port: 6379 }, periodSeconds: 2 }, startupProbe: { tcpSocket: { port: 6379 }, periodSeconds: 1, failureThreshold: 30 }, livenessProbe: { tcpSocket: { port: 6379 } } }]);
    h.advance(10_000);
    expect(cs(h, 'r')).toMatchObject({ ready: true, started: true, restartCount: 0 });
  });
});

describe('process hooks', () => {
  it('lets a component crash a container with its own log line and append logs to running ones', () => {
    const h = kubeletHarness();
    for (const k of h.kubelets) {
      k.addProcessHook((ctx, plan) => (ctx.pod === 'bad' ? { ...plan, listens: [], steps: [{ atMs: 0, kind: 'log', line: 'fatal: broken config' }, { atMs: 0, kind: 'exit', code: 1 }] } : plan));
    }
    h.pod('bad', [{ name: 'srv', image: 'nginx' }]);
    h.pod('good', [{ name: 'srv', image: 'nginx' }]);
    h.advance(20_000);
    expect(cs(h, 'bad').restartCount).toBeGreaterThan(0);
    expect(cs(h, 'bad').lastState!.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(h.kubeletOf('bad').logs('default', 'bad', 'srv', true)!.map((l) => l.line)).toEqual(['fatal: broken config']);
    expect(h.kubeletOf('good').appendLog('default', 'good', 'srv', 'extra line')).toBe(true);
    expect(h.kubeletOf('good').logs('default', 'good')!.at(-1)!.line).toBe('extra line');
    expect(h.kubeletOf('good').appendLog('default', 'good', 'nope', 'x')).toBe(false);
  });
});
