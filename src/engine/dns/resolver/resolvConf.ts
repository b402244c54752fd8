import type { PodDNSConfig } from 'kubernetes-types/core/v1';

/** `/etc/resolv.conf` as the stub resolvers read it. */
export interface ResolvConf {
  nameservers: string[];
  search: string[];
  /** Only the options the file sets; see {@link resolverOptions} for the effective values. */
  options: { ndots?: number; timeout?: number; attempts?: number; other: string[] };
}

/** The effective ndots/timeout/attempts, with glibc's defaults for what the file leaves out. */
export function resolverOptions(conf: ResolvConf): { ndots: number; timeout: number; attempts: number } {
  return {
    ndots: conf.options.ndots ?? RESOLV_DEFAULTS.ndots,
    timeout: conf.options.timeout ?? RESOLV_DEFAULTS.timeout,
    attempts: conf.options.attempts ?? RESOLV_DEFAULTS.attempts,
  };
}

/** glibc's defaults: ndots 1, timeout 5 s, 2 attempts (resolv.h RES_TIMEOUT/RES_DFLRETRY). */
export const RESOLV_DEFAULTS = { ndots: 1, timeout: 5, attempts: 2 } as const;

/**
 * Parses resolv.conf text as glibc does: the last `search`/`domain` line wins, at most 3
 * nameservers are used, `options` accumulate; ndots is capped at 15, attempts at 5, timeout at 30.
 */
export function parseResolvConf(text: string): ResolvConf {
  const conf: ResolvConf = { nameservers: [], search: [], options: { other: [] } };
  for (const raw of text.split('\n')) {
    const line = raw.replace(/[#;].*$/, '').trim();
    const [key, ...args] = line.split(/\s+/);
    if (!key) continue;
    if (key === 'nameserver' && args[0] && conf.nameservers.length < 3) conf.nameservers.push(args[0]);
    else if (key === 'search') conf.search = args.slice(0, 32);
    else if (key === 'domain' && args[0]) conf.search = [args[0]];
    else if (key === 'options') for (const o of args) applyOption(conf, o);
  }
  return conf;
}

function applyOption(conf: ResolvConf, o: string): void {
  const m = /^(ndots|timeout|attempts):(\d+)$/.exec(o);
  if (m) {
    const n = Number(m[2]);
    if (m[1] === 'ndots') conf.options.ndots = Math.min(n, 15);
    else if (m[1] === 'timeout') conf.options.timeout = Math.min(n, 30);
    else conf.options.attempts = Math.min(n, 5);
    return;
  }
  conf.options.other.push(o);
}

export type DnsPolicy = 'ClusterFirst' | 'ClusterFirstWithHostNet' | 'Default' | 'None';

export interface ResolvConfInput {
  namespace: string;
  dnsPolicy?: DnsPolicy | string;
  dnsConfig?: PodDNSConfig;
  hostNetwork?: boolean;
  clusterDomain: string;
  /** kubelet `clusterDNS` (kubeadm: the kube-dns ClusterIP). */
  clusterDNS: string[];
  /** The node's own resolv.conf (what `dnsPolicy: Default` copies). */
  node: ResolvConf;
}

const MAX_NAMESERVERS = 3;
const MAX_SEARCH = 32;
const MAX_SEARCH_CHARS = 2048;

/**
 * What the kubelet gives a pod (pkg/kubelet/network/dns/dns.go): the cluster search path for
 * ClusterFirst, the node's file for Default (and for ClusterFirst on the host network), only
 * dnsConfig for None; dnsConfig is then merged in (nameservers appended, searches appended
 * without duplicates, options overriding by name).
 */
export function podResolvConf(input: ResolvConfInput): ResolvConf {
  const policy = input.dnsPolicy ?? 'ClusterFirst';
  let base: ResolvConf;
  const useCluster = policy === 'ClusterFirstWithHostNet' || (policy === 'ClusterFirst' && !input.hostNetwork);
  if (policy === 'None') base = { nameservers: [], search: [], options: { other: [] } };
  else if (useCluster) {
    const d = input.clusterDomain;
    base = {
      nameservers: [...input.clusterDNS],
      search: dedupe([`${input.namespace}.svc.${d}`, `svc.${d}`, d, ...input.node.search]),
      options: { ndots: 5, other: [] },
    };
  } else base = { nameservers: [...input.node.nameservers], search: [...input.node.search], options: { ...input.node.options, other: [...input.node.options.other] } };
  const cfg = input.dnsConfig;
  if (cfg) {
    base.nameservers = dedupe([...base.nameservers, ...(cfg.nameservers ?? [])]);
    base.search = dedupe([...base.search, ...(cfg.searches ?? [])]);
    for (const o of cfg.options ?? []) {
      if (!o.name) continue;
      if (o.name === 'ndots' || o.name === 'timeout' || o.name === 'attempts') {
        base.options[o.name] = Number(o.value ?? 0);
      } else {
        const optName = o.name;
        const text = o.value !== undefined ? `${optName}:${o.value}` : optName;
        base.options.other = [...base.options.other.filter((x) => x.split(':')[0] !== optName), text];
      }
    }
  }
  base.nameservers = base.nameservers.slice(0, MAX_NAMESERVERS);
  base.search = trimSearch(base.search);
  return base;
}

/** The file text, in containerd's order: search, nameserver lines, options. */
export function formatResolvConf(conf: ResolvConf): string {
  const lines: string[] = [];
  if (conf.search.length > 0) lines.push(`search ${conf.search.join(' ')}`);
  for (const ns of conf.nameservers) lines.push(`nameserver ${ns}`);
  const opts: string[] = [];
  for (const k of ['ndots', 'timeout', 'attempts'] as const) if (conf.options[k] !== undefined) opts.push(`${k}:${conf.options[k]}`);
  opts.push(...conf.options.other);
  if (opts.length > 0) lines.push(`options ${opts.join(' ')}`);
  return `${lines.join('\n')}\n`;
}

function dedupe(xs: string[]): string[] {
  return [...new Set(xs.filter((x) => x !== ''))];
}

/** kubelet drops search domains beyond 32 entries or 2048 characters (≥1.28). */
function trimSearch(search: string[]): string[] {
  const out: string[] = [];
  let chars = 0;
  for (const s of search.slice(0, MAX_SEARCH)) {
    chars += s.length + (out.length > 0 ? 1 : 0);
    if (chars > MAX_SEARCH_CHARS) break;
    out.push(s);
  }
  return out;
}
