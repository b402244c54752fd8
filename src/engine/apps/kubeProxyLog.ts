/**
 * What kube-proxy v1.34 writes to its log as it starts (klog text, verbosity 0), from the
 * KubeProxyConfiguration it reads (`--config`, the kube-proxy ConfigMap) and the node it runs on.
 * Messages, their order, file names and line numbers are those of the v1.34 sources
 * (cmd/kube-proxy/app/server.go, server_linux.go, conntrack.go, pkg/proxy/iptables/proxier.go,
 * pkg/proxy/ipvs/proxier.go, pkg/proxy/config/config.go, client-go shared_informer.go), checked
 * against real v1.34 kubeadm logs. Spacing between lines follows those logs (the API round
 * trips, the 100 ms cache-sync poll, the iptables probes); the microseconds come from a
 * generator seeded by the container start, so a rebuilt plan writes the same lines.
 */
import { parse } from 'yaml';
import { Rng } from '../sim/Rng';
import { klogLine } from './klog';
import type { KlogSeverity, KlogValue } from './klog';
import type { ContainerLaunch, ProcessStep } from './types';

/** The parts of a KubeProxyConfiguration that decide what the startup log says. */
export interface KubeProxyStartConfig {
  /** `mode` as written ("" means the platform default, iptables). */
  mode: string;
  ipvsScheduler: string;
  nodePortAddresses: string[];
  localhostNodePorts: boolean;
  /** `conntrack.maxPerCore` / `conntrack.min` after defaulting (32768 / 131072). */
  conntrackMaxPerCore: number;
  conntrackMin: number;
  /** The other conntrack settings kube-proxy writes, in seconds (0: left alone). */
  tcpEstablishedTimeout: number;
  tcpCloseWaitTimeout: number;
  tcpBeLiberal: boolean;
  udpTimeout: number;
  udpStreamTimeout: number;
}

/** Seconds of a Go duration (`24h0m0s`, `1h`, `30s`, `250ms`); `dflt` when absent or unreadable. */
export function goDurationSeconds(v: unknown, dflt: number): number {
  if (typeof v !== 'string') return dflt;
  const parts = [...v.matchAll(/(\d+(?:\.\d+)?)(h|ms|m|s)/g)];
  if (parts.length === 0 || parts.map((m) => m[0]).join('') !== v) return dflt;
  const unit: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 0.001 };
  return Math.floor(parts.reduce((sum, m) => sum + Number(m[1]) * unit[m[2]!]!, 0));
}

type Doc = Record<string, unknown>;
const obj = (v: unknown): Doc => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Doc) : {});
const num = (v: unknown, dflt: number): number => (typeof v === 'number' ? v : dflt);

/** Reads `config.conf` with kube-proxy's defaults for what it leaves null. */
export function readKubeProxyConfig(text: string | undefined): KubeProxyStartConfig {
  let doc: Doc;
  try {
    doc = obj(parse(text ?? ''));
  } catch {
    // A broken file: kube-proxy would fail to decode it; the log falls back to the defaults.
    doc = {};
  }
  const npa = doc['nodePortAddresses'];
  const conntrack = obj(doc['conntrack']);
  return {
    mode: typeof doc['mode'] === 'string' ? doc['mode'] : '',
    ipvsScheduler: typeof obj(doc['ipvs'])['scheduler'] === 'string' ? (obj(doc['ipvs'])['scheduler'] as string) : '',
    nodePortAddresses: Array.isArray(npa) ? npa.filter((x): x is string => typeof x === 'string') : [],
    localhostNodePorts: obj(doc['iptables'])['localhostNodePorts'] !== false,
    conntrackMaxPerCore: num(conntrack['maxPerCore'], 32768),
    conntrackMin: num(conntrack['min'], 131072),
    tcpEstablishedTimeout: goDurationSeconds(conntrack['tcpEstablishedTimeout'], 86400),
    tcpCloseWaitTimeout: goDurationSeconds(conntrack['tcpCloseWaitTimeout'], 3600),
    tcpBeLiberal: conntrack['tcpBeLiberal'] === true,
    udpTimeout: goDurationSeconds(conntrack['udpTimeout'], 0),
    udpStreamTimeout: goDurationSeconds(conntrack['udpStreamTimeout'], 0),
  };
}

const isV4Cidr = (c: string) => /^\d+\.\d+\.\d+\.\d+\/\d+$/.test(c);

/** Whether an IPv4 CIDR contains 127.0.0.1 (kube-proxy's `ContainsIPv4Loopback`). */
function containsLoopback(cidr: string): boolean {
  const [ip, bits] = cidr.split('/');
  const prefix = Number(bits);
  const a = ip!.split('.').map(Number);
  const value = (((a[0]! << 24) | (a[1]! << 16) | (a[2]! << 8) | a[3]!) >>> 0);
  const mask = prefix === 0 ? 0 : (~0 << (32 - prefix)) >>> 0;
  return ((value & mask) >>> 0) === ((0x7f000001 & mask) >>> 0);
}

/** server.go checkBadConfig on a single-stack IPv4 node, or undefined when it has nothing to say. */
function nodePortAddressesError(npa: string[]): string | undefined {
  if (npa.length === 0) return 'nodePortAddresses is unset; NodePort connections will be accepted on all local IPs. Consider using `--nodeport-addresses primary`';
  if (!npa.some(isV4Cidr)) return 'cluster appears to be IPv4-primary but nodePortAddresses contains only IPv6 addresses; NodePort connections will be accepted on all local IPv4 IPs';
  return undefined;
}

/** The value of `--name=value` on the command line. */
function flag(launch: ContainerLaunch, name: string): string | undefined {
  const argv = [...(launch.command ?? []), ...(launch.args ?? [])];
  return argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

interface Entry {
  /** Microseconds since the previous line (before jitter). */
  gapUs: number;
  severity: KlogSeverity;
  file: string;
  line: number;
  msg: string;
  kv?: [string, KlogValue][];
  /** The kernel write this line announces. */
  sysctl?: { key: string; value: number };
}

const I = (gapUs: number, file: string, line: number, msg: string, kv?: [string, KlogValue][]): Entry => ({ gapUs, severity: 'I', file, line, msg, ...(kv ? { kv } : {}) });

/** The informers kube-proxy starts in Run(), each with its config handler (config.go). */
const CONFIG_CONTROLLERS: readonly [string, number][] = [
  ['service config', 200],
  ['endpoint slice config', 106],
  ['serviceCIDR config', 403],
  ['node config', 309],
];

/** The startup log lines, in order, with the gap before each. */
function startupEntries(launch: ContainerLaunch, cfg: KubeProxyStartConfig, version: string, rng: Rng): Entry[] {
  const ipvs = cfg.mode === 'ipvs';
  const out: Entry[] = [];
  // server_linux.go platformApplyDefaults: only an empty mode is defaulted (and said so).
  if (cfg.mode === '') out.push(I(40_000, 'server_linux.go', 53, 'Using iptables proxy'));
  // NodeManager waits for its node informer (client creation first), then reads the node's IPs.
  out.push(I(400_000, 'shared_informer.go', 349, 'Waiting for caches to sync', [['controller', 'node informer cache']]));
  out.push(I(100_000, 'shared_informer.go', 356, 'Caches are synced', [['controller', 'node informer cache']]));
  const nodeIP = launch.host?.ip;
  if (nodeIP) out.push(I(50, 'server.go', 219, 'Successfully retrieved NodeIPs', [['NodeIPs', [nodeIP]]]));
  // setupConntrack: each sysctl is written (and said so) only when the kernel holds another value.
  const kernel = launch.host?.sysctls;
  let gap = 70_000;
  const setSysctl = (name: string, value: number) => {
    const key = `net/netfilter/${name}`;
    if (!kernel || kernel[key] === value) return;
    out.push({ ...I(gap, 'conntrack.go', 121, 'Set sysctl', [['entry', key], ['value', value]]), sysctl: { key, value } });
    gap = 150;
  };
  // nf_conntrack_max = max(maxPerCore * CPUs, min), unless maxPerCore is 0.
  if (cfg.conntrackMaxPerCore > 0) {
    const max = Math.max(cfg.conntrackMaxPerCore * (launch.host?.cpus ?? 1), cfg.conntrackMin);
    setSysctl('nf_conntrack_max', max);
    out.push(I(gap, 'conntrack.go', 60, 'Setting nf_conntrack_max', [['nfConntrackMax', max]]));
    gap = 150;
  }
  if (cfg.tcpEstablishedTimeout > 0) setSysctl('nf_conntrack_tcp_timeout_established', cfg.tcpEstablishedTimeout);
  if (cfg.tcpCloseWaitTimeout > 0) setSysctl('nf_conntrack_tcp_timeout_close_wait', cfg.tcpCloseWaitTimeout);
  if (cfg.tcpBeLiberal) setSysctl('nf_conntrack_tcp_be_liberal', 1);
  if (cfg.udpTimeout > 0) setSysctl('nf_conntrack_udp_timeout', cfg.udpTimeout);
  if (cfg.udpStreamTimeout > 0) setSysctl('nf_conntrack_udp_timeout_stream', cfg.udpStreamTimeout);
  const npa = cfg.nodePortAddresses.length === 1 && cfg.nodePortAddresses[0] === 'primary' ? (nodeIP ? [`${nodeIP}/32`] : []) : cfg.nodePortAddresses;
  const npaError = nodePortAddressesError(npa);
  if (npaError) out.push({ ...I(1_500, 'server.go', 256, 'Kube-proxy configuration may be incomplete or incorrect', [['err', npaError]]), severity: 'E' });
  // iptables and ip6tables are both present on the node: the proxier is dual-stack.
  out.push(I(95_000, 'server.go', 265, 'kube-proxy running in dual-stack mode', [['primary ipFamily', 'IPv4']]));
  if (ipvs) {
    out.push(I(200, 'server_linux.go', 189, 'Using ipvs Proxier'));
    // One proxier per family, each defaulting the scheduler.
    if (cfg.ipvsScheduler === '') for (let i = 0; i < 2; i++) out.push(I(700, 'proxier.go', 353, 'IPVS scheduler not specified, use rr by default'));
  } else {
    out.push(I(50, 'server_linux.go', 132, 'Using iptables Proxier'));
    if (cfg.localhostNodePorts && (npa.length === 0 || npa.some((c) => isV4Cidr(c) && containsLoopback(c)))) {
      out.push(I(5_800, 'proxier.go', 242, 'Setting route_localnet=1 to allow node-ports on localhost; to change this either disable iptables.localhostNodePorts (--iptables-localhost-nodeports) or set nodePortAddresses (--nodeport-addresses) to filter loopback addresses', [['ipFamily', 'IPv4']]));
    }
  }
  out.push(I(31_000, 'server.go', 527, 'Version info', [['version', version]]));
  const env = (k: string) => launch.env[k] ?? '';
  out.push(I(40, 'server.go', 529, 'Golang settings', [['GOGC', env('GOGC')], ['GOMAXPROCS', env('GOMAXPROCS')], ['GOTRACEBACK', env('GOTRACEBACK')]]));
  // Each config controller runs in its own goroutine: the order they log in varies per start.
  const controllers = [...CONFIG_CONTROLLERS];
  for (let i = controllers.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [controllers[i], controllers[j]] = [controllers[j]!, controllers[i]!];
  }
  gap = 1_300;
  for (const [name, line] of controllers) {
    out.push(I(gap, 'config.go', line, `Starting ${name} controller`));
    out.push(I(10, 'shared_informer.go', 349, 'Waiting for caches to sync', [['controller', name]]));
    // The node informer was synced by NodeManager already.
    if (name === 'node config') out.push(I(10, 'shared_informer.go', 356, 'Caches are synced', [['controller', name]]));
    gap = 15;
  }
  gap = 100_000;
  for (const [name] of controllers) {
    if (name === 'node config') continue;
    out.push(I(gap, 'shared_informer.go', 356, 'Caches are synced', [['controller', name]]));
    gap = 100;
  }
  return out;
}

/**
 * kube-proxy's startup log as process steps: each line at its offset from the start, the klog
 * time matching it to the microsecond. `version` is the binary's (the image tag).
 */
export function kubeProxyStartupSteps(launch: ContainerLaunch, version: string): ProcessStep[] {
  const configPath = flag(launch, 'config');
  const rng = new Rng(`kube-proxy/${launch.hostname}/${launch.startedAt}`);
  const startUs = launch.startedAt * 1000;
  const text = configPath ? launch.files?.[configPath] : undefined;
  if (configPath && launch.files && text === undefined) {
    // Options.Complete cannot read the file: cobra's runner logs the error and the binary exits 1.
    const atUs = 20_000 + rng.int(30_000);
    const err = `failed complete: open ${configPath}: no such file or directory`;
    return [
      { atMs: Math.floor(atUs / 1000), kind: 'log', line: klogLine('E', startUs + atUs, 1, 'run.go', 74, 'command failed', [['err', err]]) },
      { atMs: Math.floor(atUs / 1000), kind: 'exit', code: 1 },
    ];
  }
  const cfg = readKubeProxyConfig(text);
  let offsetUs = 0;
  return startupEntries(launch, cfg, version, rng).flatMap((e) => {
    // Jitter each gap by ±25% and give it its own microseconds.
    offsetUs += Math.round(e.gapUs * (0.75 + rng.next() * 0.5)) + 1 + rng.int(Math.min(1000, e.gapUs));
    const atMs = Math.floor(offsetUs / 1000);
    const line: ProcessStep = { atMs, kind: 'log', line: klogLine(e.severity, startUs + offsetUs, 1, e.file, e.line, e.msg, e.kv ?? []) };
    return e.sysctl ? [line, { atMs, kind: 'sysctl' as const, ...e.sysctl }] : [line];
  });
}
