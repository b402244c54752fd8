import type { KubernetesPluginConfig } from '../corefile/serverConfig';
import { appendTo } from '../message';
import type { DnsIndex, EndpointAddress, ServiceEntry } from './ClusterView';

/** A record CoreDNS's backend produces before it becomes an RR (msg.Service in CoreDNS). */
export interface BackendService {
  /** An IP, or a host name for ExternalName services (becomes a CNAME). */
  host: string;
  /** What `host` is, decided where the record is made so answering needs no parsing. */
  kind: 'v4' | 'v6' | 'name';
  port: number;
  ttl: number;
  /** The owner name CoreDNS derives from the record's key (SRV target, PTR target). */
  domain: string;
}

/** Why a lookup found nothing: `nxdomain` (errNoItems/errInvalidRequest) vs NODATA (empty list). */
export type BackendResult = { ok: true; services: BackendService[] } | { ok: false };

interface RecordRequest {
  port: string;
  protocol: string;
  endpoint: string;
  service: string;
  namespace: string;
  podOrSvc: string;
}

const NX: BackendResult = { ok: false };

/** Strips `zone` from `name` (both lower case FQDNs) and splits the rest into labels. */
export function labelsBelow(name: string, zone: string): string[] {
  const end = zone === '.' ? name.length - 1 : name.length - zone.length - 1;
  if (end <= 0) return [];
  // Names come from the wire, so empty labels cannot occur except in malformed input, where
  // they are dropped.
  const dd = name.indexOf('..');
  if (dd >= 0 && dd + 1 < end) return name.slice(0, end).split('.').filter((l) => l.length > 0);
  // An indexOf walk: the same labels as slice + split, at a third of the cost (every query),
  // into an array of exactly their number (push would reserve 17 slots).
  let count = 1;
  for (let at = name.indexOf('.'); at >= 0 && at < end; at = name.indexOf('.', at + 1)) count++;
  const out = new Array<string>(count);
  let start = 0;
  for (let i = 0; i < count; i++) {
    const dot = name.indexOf('.', start);
    const stop = dot < 0 || dot > end ? end : dot;
    out[i] = name.slice(start, stop);
    start = stop + 1;
  }
  return out;
}

/** CoreDNS's parseRequest: `_port._proto.service.ns.svc`, `endpoint.service.ns.svc`, `svc.ns.svc`. */
function parseRequest(labels: string[]): RecordRequest | 'invalid' {
  const r: RecordRequest = { port: '*', protocol: '*', endpoint: '', service: '', namespace: '', podOrSvc: '' };
  // Apex queries (`zone`, `svc.zone`, `pod.zone`) are NODATA, not NXDOMAIN.
  if (labels.length === 0 || (labels.length === 1 && (labels[0] === 'svc' || labels[0] === 'pod'))) return r;
  let last = labels.length - 1;
  if (last < 0) return r;
  r.podOrSvc = labels[last]!;
  if (r.podOrSvc !== 'svc' && r.podOrSvc !== 'pod') return 'invalid';
  if (--last < 0) return r;
  r.namespace = labels[last]!;
  if (--last < 0) return r;
  r.service = labels[last]!;
  if (--last < 0) return r;
  if (last === 0) r.endpoint = labels[0]!;
  else if (last === 1) {
    r.protocol = labels[1]!.replace(/^_/, '');
    r.port = labels[0]!.replace(/^_/, '');
  } else return 'invalid';
  return r;
}

/** CoreDNS's namespaceExposed: the namespace (lower case) exists and, with `namespaces`, is listed. */
export function namespaceExposed(lowerNs: string, k: KubernetesPluginConfig, idx: DnsIndex): boolean {
  return idx.hasLowerNamespace(lowerNs) && (k.namespaces.length === 0 || k.namespaces.includes(lowerNs));
}

const wildcard = (s: string) => s === '*' || s === 'any';
const match = (a: string, b: string) => wildcard(a) || a.toLowerCase() === b.toLowerCase();

/** CoreDNS's endpointHostname: hostname, pod name (endpoint_pod_names), or the dashed IP. */
export function endpointHostname(addr: EndpointAddress, podNames: boolean): string {
  if (addr.hostname) return addr.hostname;
  if (podNames && addr.podName) return addr.podName;
  if (addr.ip.includes('.')) return addr.ip.replaceAll('.', '-');
  const v6 = addr.ip.replaceAll(':', '-');
  return v6.endsWith('-') ? `${v6}0` : v6;
}

/** What parseRequest makes of `<service>.<namespace>.svc.<zone>`: every port and protocol. */
const WHOLE_SERVICE = { port: '*', protocol: '*', endpoint: '' } as const;

/**
 * The `kubernetes` plugin's Records(): every service/endpoint/pod record a forward name (lower
 * case, in `zone`) maps to. A plain `<service>.<namespace>.svc.<zone>`, the shape nearly every
 * lookup has, is one read of the index by that name; anything else is parsed label by label.
 */
export function lookupRecords(name: string, zone: string, k: KubernetesPluginConfig, idx: DnsIndex, primaryZone: string): BackendResult {
  const direct = idx.serviceByDomain(name, zone);
  if (direct) return indexedServiceRecords(direct, zone, k, idx);
  return lookupByLabels(labelsBelow(name, zone), zone, k, idx, primaryZone);
}

/** Records() of a Service found by its `<service>.<namespace>.svc.<zone>` in the domain index. */
export function indexedServiceRecords(entry: ServiceEntry, zone: string, k: KubernetesPluginConfig, idx: DnsIndex): BackendResult {
  if (!namespaceExposed(entry.namespaceKey, k, idx)) return NX;
  return serviceRecords([entry], WHOLE_SERVICE, zone, k);
}

/** Records() the long way: parseRequest over `labels` (lower case, below `zone`), then the index. */
export function lookupByLabels(labels: string[], zone: string, k: KubernetesPluginConfig, idx: DnsIndex, primaryZone: string): BackendResult {
  const r = parseRequest(labels);
  if (r === 'invalid') return NX;
  if (r.podOrSvc === '') return { ok: true, services: [] };
  if (!wildcard(r.namespace) && r.namespace !== '' && !namespaceExposed(r.namespace, k, idx)) return NX;
  if (r.podOrSvc === 'pod') return findPods(r, zone, k, idx);
  return findServices(r, zone, k, idx, primaryZone);
}

function findPods(r: RecordRequest, zone: string, k: KubernetesPluginConfig, idx: DnsIndex): BackendResult {
  if (k.podMode === 'disabled') return NX;
  if (r.namespace !== '' && !wildcard(r.namespace) && !namespaceExposed(r.namespace, k, idx)) return NX;
  const podname = r.service;
  if (podname === '') return { ok: true, services: [] };
  const ip = podname.split('-').length === 4 && !podname.includes('--') ? podname.replaceAll('-', '.') : podname.replaceAll('-', ':');
  const domain = `${podname}.${r.namespace}.pod.${zone}`;
  if (k.podMode === 'insecure') {
    if (!isIP(ip)) return NX;
    return { ok: true, services: [{ host: ip, kind: family(ip), port: 0, ttl: k.ttl, domain }] };
  }
  const found = idx.podNamespacesByIP(ip).filter((ns) => match(r.namespace, ns));
  if (found.length === 0) return NX;
  return { ok: true, services: found.map(() => ({ host: ip, kind: family(ip), port: 0, ttl: k.ttl, domain })) };
}

function findServices(r: RecordRequest, zone: string, k: KubernetesPluginConfig, idx: DnsIndex, _primary: string): BackendResult {
  if (r.service === '') return { ok: true, services: [] };
  const candidates = idx.servicesMatching(wildcard(r.service) ? undefined : r.service, wildcard(r.namespace) ? undefined : r.namespace);
  return serviceRecords(candidates, r, zone, k);
}

/** The records of `candidates` for the port/protocol/endpoint the request names; NX when none. */
function serviceRecords(candidates: readonly ServiceEntry[], r: Pick<RecordRequest, 'port' | 'protocol' | 'endpoint'>, zone: string, k: KubernetesPluginConfig): BackendResult {
  let services: BackendService[] = [];
  let found = false;
  for (const svc of candidates) {
    if (k.namespaces.length > 0 && !k.namespaces.includes(svc.namespace.toLowerCase())) continue;
    if (k.ignoreEmptyService && svc.externalName === undefined && !svc.headless && svc.endpoints.length === 0) continue;
    const base = `${svc.name}.${svc.namespace}.svc.${zone}`;
    if (svc.externalName !== undefined) {
      if (r.endpoint !== '' || r.port !== '*' || r.protocol !== '*') continue;
      services = appendTo<BackendService>(services, { host: svc.externalName, kind: 'name', port: 0, ttl: k.ttl, domain: base });
      found = true;
      continue;
    }
    if (svc.headless || r.endpoint !== '') {
      found = endpointRecords(svc, r, k, base, services) || found;
      continue;
    }
    for (const p of svc.ports) {
      if (!(match(r.port, p.name) && match(r.protocol, p.protocol))) continue;
      found = true;
      for (const ip of svc.clusterIPs) services = appendTo<BackendService>(services, { host: ip, kind: family(ip), port: p.port, ttl: k.ttl, domain: base });
    }
  }
  return found ? { ok: true, services } : NX;
}

function endpointRecords(svc: ServiceEntry, r: Pick<RecordRequest, 'port' | 'protocol' | 'endpoint'>, k: KubernetesPluginConfig, base: string, out: BackendService[]): boolean {
  let found = false;
  for (const addr of svc.endpoints) {
    const host = endpointHostname(addr, k.endpointPodNames);
    if (r.endpoint !== '' && !match(r.endpoint, host)) continue;
    for (const p of addr.ports) {
      if (!(match(r.port, p.name) && match(r.protocol, p.protocol))) continue;
      out.push({ host: addr.ip, kind: family(addr.ip), port: p.port, ttl: k.ttl, domain: `${host}.${base}` });
      found = true;
    }
  }
  return found;
}

/** CoreDNS's serviceRecordForIP: a ClusterIP wins; otherwise one name per selecting endpoint. */
export function reverseRecords(ip: string, k: KubernetesPluginConfig, idx: DnsIndex, primaryZone: string): BackendService[] {
  const exposed = (ns: string) => k.namespaces.length === 0 || k.namespaces.includes(ns.toLowerCase());
  const svc = idx.serviceByClusterIP(ip);
  if (svc && exposed(svc.namespace)) return [{ host: `${svc.name}.${svc.namespace}.svc.${primaryZone}`, kind: 'name', port: 0, ttl: k.ttl, domain: '' }];
  return idx.endpointsByIP(ip).filter(({ entry }) => exposed(entry.namespace)).map(({ entry, addr }) => ({
    host: `${endpointHostname(addr, k.endpointPodNames)}.${entry.name}.${entry.namespace}.svc.${primaryZone}`,
    kind: 'name' as const,
    port: 0,
    ttl: k.ttl,
    domain: '',
  }));
}

/** Addresses stored by the API server are valid IPs; a colon means IPv6. */
function family(ip: string): 'v4' | 'v6' {
  return ip.includes(':') ? 'v6' : 'v4';
}

/** True for dotted-quad IPv4 or a plausible IPv6 literal (what Go's net.ParseIP accepts here). */
export function isIP(s: string): boolean {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(s)) return s.split('.').every((o) => Number(o) <= 255 && !/^0\d/.test(o));
  if (!s.includes(':') || !/^[0-9a-f:]+$/i.test(s)) return false;
  const parts = s.split('::');
  if (parts.length > 2) return false;
  const groups = parts.flatMap((p) => (p === '' ? [] : p.split(':')));
  if (groups.some((g) => g.length === 0 || g.length > 4)) return false;
  return parts.length === 2 ? groups.length < 8 : groups.length === 8;
}

/** in-addr.arpa / ip6.arpa name → IP, or '' when the name is not a full reverse address. */
export function addressFromReverse(name: string): string {
  const n = name.toLowerCase().replace(/\.$/, '');
  if (n.endsWith('.in-addr.arpa')) {
    const parts = n.slice(0, -'.in-addr.arpa'.length).split('.');
    if (parts.length !== 4) return '';
    const ip = parts.reverse().join('.');
    return isIP(ip) ? ip : '';
  }
  if (n.endsWith('.ip6.arpa')) {
    const nibbles = n.slice(0, -'.ip6.arpa'.length).split('.');
    if (nibbles.length !== 32 || nibbles.some((x) => !/^[0-9a-f]$/.test(x))) return '';
    const hex = nibbles.reverse().join('');
    const groups = hex.match(/.{4}/g)!.map((g) => g.replace(/^0+(?=.)/, ''));
    return compressV6(groups);
  }
  return '';
}

function compressV6(groups: string[]): string {
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < groups.length; ) {
    if (groups[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < groups.length && groups[j] === '0') j++;
    if (j - i > bestLen && j - i > 1) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (bestStart < 0) return groups.join(':');
  return `${groups.slice(0, bestStart).join(':')}::${groups.slice(bestStart + bestLen).join(':')}`;
}

/** The reverse name for an IP, as `dig -x` builds it. */
export function reverseName(ip: string): string {
  if (ip.includes('.')) return `${ip.split('.').reverse().join('.')}.in-addr.arpa.`;
  const [head = '', tail = ''] = ip.split('::');
  const h = head === '' ? [] : head.split(':');
  const t = tail === '' ? [] : tail.split(':');
  const groups = ip.includes('::') ? [...h, ...Array(8 - h.length - t.length).fill('0'), ...t] : h;
  const hex = groups.map((g) => g.padStart(4, '0')).join('');
  return `${hex.split('').reverse().join('.')}.ip6.arpa.`;
}
