import { describe, expect, it } from 'vitest';
import { KERNEL_SYSCTLS } from '../kubelet/ContainerRuntimeSim';
import { goDurationSeconds, kubeProxyStartupSteps, readKubeProxyConfig } from './kubeProxyLog';
import type { ContainerLaunch, ProcessStep } from './types';

const START = Date.UTC(2026, 0, 10, 9, 0, 2, 500);

function launch(config: string | undefined, extra: Partial<ContainerLaunch> = {}): ContainerLaunch {
  return {
    image: 'registry.k8s.io/kube-proxy:v1.34.1',
    command: ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf', '--hostname-override=$(NODE_NAME)'],
    tty: false,
    stdin: false,
    containerPorts: [],
    env: { NODE_NAME: 'node01' },
    startedAt: START,
    hostname: 'node01',
    host: { ip: '172.18.0.3', cpus: 2 },
    ...(config === undefined ? {} : { files: { '/var/lib/kube-proxy/config.conf': config, '/var/lib/kube-proxy/kubeconfig.conf': 'apiVersion: v1' } }),
    ...extra,
  };
}

/** `file:line] message...` of each line, without the time. */
const bodies = (steps: ProcessStep[]) => steps.flatMap((s) => (s.kind === 'log' ? [s.line.replace(/^[IWEF]\d{4} \d\d:\d\d:\d\d\.\d{6} {7}1 /, '')] : []));

const KUBEADM = 'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nclusterCIDR: 10.244.0.0/16\nconntrack:\n  maxPerCore: null\n  min: null\niptables:\n  localhostNodePorts: null\nipvs:\n  scheduler: ""\nkind: KubeProxyConfiguration\nmode: ""\nnodePortAddresses: null\n';

describe('kube-proxy v1.34 startup log', () => {
  it('kubeadm defaults: iptables chosen by default, node IP, conntrack from 2 CPUs, the nodePortAddresses warning, route_localnet', () => {
    const steps = kubeProxyStartupSteps(launch(KUBEADM), 'v1.34.1');
    const b = bodies(steps);
    expect(b.slice(0, 11)).toEqual([
      'server_linux.go:53] "Using iptables proxy"',
      'shared_informer.go:349] "Waiting for caches to sync" controller="node informer cache"',
      'shared_informer.go:356] "Caches are synced" controller="node informer cache"',
      'server.go:219] "Successfully retrieved NodeIPs" NodeIPs=["172.18.0.3"]',
      'conntrack.go:60] "Setting nf_conntrack_max" nfConntrackMax=131072',
      'server.go:256] "Kube-proxy configuration may be incomplete or incorrect" err="nodePortAddresses is unset; NodePort connections will be accepted on all local IPs. Consider using `--nodeport-addresses primary`"',
      'server.go:265] "kube-proxy running in dual-stack mode" primary ipFamily="IPv4"',
      'server_linux.go:132] "Using iptables Proxier"',
      'proxier.go:242] "Setting route_localnet=1 to allow node-ports on localhost; to change this either disable iptables.localhostNodePorts (--iptables-localhost-nodeports) or set nodePortAddresses (--nodeport-addresses) to filter loopback addresses" ipFamily="IPv4"',
      'server.go:527] "Version info" version="v1.34.1"',
      'server.go:529] "Golang settings" GOGC="" GOMAXPROCS="" GOTRACEBACK=""',
    ]);
    // The four config controllers start (in goroutine order), node config is synced at once, the rest after the informers list.
    const rest = b.slice(11);
    expect(rest).toHaveLength(12);
    for (const [name, line] of [['service config', 200], ['endpoint slice config', 106], ['serviceCIDR config', 403], ['node config', 309]] as const) {
      const i = rest.indexOf(`config.go:${line}] "Starting ${name} controller"`);
      expect(i).toBeGreaterThanOrEqual(0);
      expect(rest[i + 1]).toBe(`shared_informer.go:349] "Waiting for caches to sync" controller="${name}"`);
    }
    expect(rest.slice(-3).every((l) => l.startsWith('shared_informer.go:356] "Caches are synced"'))).toBe(true);
    // Only the warning is an error line.
    expect(steps.filter((s) => s.kind === 'log' && s.line.startsWith('E')).length).toBe(1);
  });

  it('each line carries the time it is written at, to the microsecond, in order, within a second of the start', () => {
    const steps = kubeProxyStartupSteps(launch(KUBEADM), 'v1.34.1');
    let last = 0;
    for (const s of steps) {
      if (s.kind !== 'log') continue;
      const [, mo, d, h, mi, sec, us] = /^[IE](\d\d)(\d\d) (\d\d):(\d\d):(\d\d)\.(\d{6})/.exec(s.line)!;
      const micros = Date.UTC(2026, Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec)) * 1000 + Number(us);
      expect(Math.floor(micros / 1000)).toBe(START + s.atMs);
      expect(micros).toBeGreaterThan(last);
      last = micros;
    }
    expect(last / 1000 - START).toBeLessThan(1500);
  });

  it('is the same for the same start and differs for another (a rebuilt plan writes the same lines)', () => {
    expect(kubeProxyStartupSteps(launch(KUBEADM), 'v1.34.1')).toEqual(kubeProxyStartupSteps(launch(KUBEADM), 'v1.34.1'));
    expect(kubeProxyStartupSteps(launch(KUBEADM, { startedAt: START + 1 }), 'v1.34.1')).not.toEqual(kubeProxyStartupSteps(launch(KUBEADM), 'v1.34.1'));
  });

  it('IPVS mode: no default-mode line, the ipvs proxier, one scheduler default per IP family, no route_localnet', () => {
    const b = bodies(kubeProxyStartupSteps(launch(KUBEADM.replace('mode: ""', 'mode: ipvs')), 'v1.34.1'));
    expect(b[0]).toBe('shared_informer.go:349] "Waiting for caches to sync" controller="node informer cache"');
    const i = b.indexOf('server_linux.go:189] "Using ipvs Proxier"');
    expect(b.slice(i - 1, i + 4)).toEqual([
      'server.go:265] "kube-proxy running in dual-stack mode" primary ipFamily="IPv4"',
      'server_linux.go:189] "Using ipvs Proxier"',
      'proxier.go:353] "IPVS scheduler not specified, use rr by default"',
      'proxier.go:353] "IPVS scheduler not specified, use rr by default"',
      'server.go:527] "Version info" version="v1.34.1"',
    ]);
    expect(b.join('\n')).not.toContain('route_localnet');
    const withScheduler = bodies(kubeProxyStartupSteps(launch(KUBEADM.replace('mode: ""', 'mode: ipvs').replace('scheduler: ""', 'scheduler: lc')), 'v1.34.1'));
    expect(withScheduler.join('\n')).not.toContain('IPVS scheduler not specified');
  });

  it('follows the configuration: explicit mode, nodePortAddresses primary, conntrack settings', () => {
    const cfg = KUBEADM.replace('mode: ""', 'mode: iptables').replace('nodePortAddresses: null', 'nodePortAddresses:\n- primary').replace('maxPerCore: null', 'maxPerCore: 100000');
    const b = bodies(kubeProxyStartupSteps(launch(cfg), 'v1.34.1')).join('\n');
    expect(b).not.toContain('Using iptables proxy');
    expect(b).not.toContain('Kube-proxy configuration may be incomplete');
    expect(b).not.toContain('route_localnet'); // 172.18.0.3/32 does not take in 127.0.0.1
    expect(b).toContain('"Setting nf_conntrack_max" nfConntrackMax=200000');
    const loopback = bodies(kubeProxyStartupSteps(launch(KUBEADM.replace('nodePortAddresses: null', 'nodePortAddresses:\n- 127.0.0.0/8')), 'v1.34.1')).join('\n');
    expect(loopback).toContain('route_localnet');
    expect(bodies(kubeProxyStartupSteps(launch(KUBEADM.replace('maxPerCore: null', 'maxPerCore: 0')), 'v1.34.1')).join('\n')).not.toContain('nf_conntrack_max');
    expect(readKubeProxyConfig(KUBEADM)).toMatchObject({ mode: '', ipvsScheduler: '', nodePortAddresses: [], localhostNodePorts: true, conntrackMaxPerCore: 32768, conntrackMin: 131072, tcpEstablishedTimeout: 86400, tcpCloseWaitTimeout: 3600 });
    expect([goDurationSeconds('24h0m0s', 0), goDurationSeconds('1h', 0), goDurationSeconds('0s', 5), goDurationSeconds('1m30s', 0), goDurationSeconds('soon', 7)]).toEqual([86400, 3600, 0, 90, 7]);
  });

  it('a --config file the volumes do not hold: the command fails and the container exits 1', () => {
    const l = launch(KUBEADM, { command: ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/configuration.conf'] });
    const steps = kubeProxyStartupSteps(l, 'v1.34.1');
    expect(bodies(steps)).toEqual(['run.go:74] "command failed" err="failed complete: open /var/lib/kube-proxy/configuration.conf: no such file or directory"']);
    expect(steps[0]!.kind === 'log' && steps[0]!.line.startsWith('E0110 09:00:02.')).toBe(true);
    expect(steps.at(-1)).toMatchObject({ kind: 'exit', code: 1 });
  });

  it('writes the conntrack sysctls the node holds other values for, each announced by a Set sysctl line, and only those', () => {
    const fresh = kubeProxyStartupSteps(launch(KUBEADM, { host: { ip: '172.18.0.3', cpus: 2, sysctls: { ...KERNEL_SYSCTLS } } }), 'v1.34.1');
    expect(bodies(fresh).slice(3, 8)).toEqual([
      'server.go:219] "Successfully retrieved NodeIPs" NodeIPs=["172.18.0.3"]',
      'conntrack.go:121] "Set sysctl" entry="net/netfilter/nf_conntrack_max" value=131072',
      'conntrack.go:60] "Setting nf_conntrack_max" nfConntrackMax=131072',
      'conntrack.go:121] "Set sysctl" entry="net/netfilter/nf_conntrack_tcp_timeout_established" value=86400',
      'conntrack.go:121] "Set sysctl" entry="net/netfilter/nf_conntrack_tcp_timeout_close_wait" value=3600',
    ]);
    const writes = fresh.filter((s) => s.kind === 'sysctl');
    expect(writes).toEqual([
      expect.objectContaining({ key: 'net/netfilter/nf_conntrack_max', value: 131072 }),
      expect.objectContaining({ key: 'net/netfilter/nf_conntrack_tcp_timeout_established', value: 86400 }),
      expect.objectContaining({ key: 'net/netfilter/nf_conntrack_tcp_timeout_close_wait', value: 3600 }),
    ]);
    // A second kube-proxy on the same node finds them written.
    const after = { ...KERNEL_SYSCTLS, ...Object.fromEntries(writes.map((w) => (w.kind === 'sysctl' ? [w.key, w.value] : []))) };
    const again = kubeProxyStartupSteps(launch(KUBEADM, { host: { ip: '172.18.0.3', cpus: 2, sysctls: after } }), 'v1.34.1');
    expect(bodies(again).join('\n')).not.toContain('Set sysctl');
    expect(again.some((s) => s.kind === 'sysctl')).toBe(false);
    const liberal = bodies(kubeProxyStartupSteps(launch(KUBEADM.replace('min: null', 'min: null\n  tcpBeLiberal: true'), { host: { ip: '172.18.0.3', cpus: 2, sysctls: after } }), 'v1.34.1'));
    expect(liberal).toContain('conntrack.go:121] "Set sysctl" entry="net/netfilter/nf_conntrack_tcp_be_liberal" value=1');
  });
});
