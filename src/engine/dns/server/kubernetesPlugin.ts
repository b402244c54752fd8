import type { KubernetesPluginConfig } from '../corefile/serverConfig';
import { appendTo } from '../message';
import type { Rcode, RRType, ResourceRecord } from '../message';
import type { DnsIndex, ServiceEntry } from './ClusterView';
import { addressFromReverse, indexedServiceRecords, labelsBelow, lookupByLabels, lookupRecords, reverseRecords } from './kubernetesRecords';
import type { BackendResult, BackendService } from './kubernetesRecords';

/** What the plugin decided: an authoritative answer, or pass the query to the next plugin. */
export type PluginOutcome =
  | { kind: 'answer'; rcode: Rcode; answer: ResourceRecord[]; authority: ResourceRecord[]; additional: ResourceRecord[]; authoritative: boolean }
  | { kind: 'next' };

/** Resolves a name outside the zone through the server's own chain (CoreDNS's upstream). */
export type UpstreamLookup = (name: string, type: RRType) => ResourceRecord[] | undefined;

/** The schema version of the Kubernetes DNS specification CoreDNS implements. */
export const DNS_SCHEMA_VERSION = '1.1.0';

/** No CNAMEs followed yet: the start of every A/AAAA lookup, shared because it is never written. */
const NO_CNAMES: readonly ResourceRecord[] = [];

/**
 * CoreDNS's `kubernetes` plugin (handler.go + plugin/backend_lookup.go): answers names in its
 * zones from the cluster index, authoritatively, with NXDOMAIN vs NODATA decided by a fake A
 * lookup as upstream does.
 */
export class KubernetesPlugin {
  private readonly primaryZone: string;
  /** The reverse zones among `zones`, and each zone's SOA names, worked out once rather than per query. */
  private readonly reverseZones: ReadonlySet<string>;
  private readonly soaNames = new Map<string, { mname: string; rname: string }>();
  /** The zone matched for the last name (the AAAA of a lookup follows the A with the same string). */
  private lastName: string | undefined;
  private lastZone: string | undefined;
  private lastZoneReverse = false;

  constructor(
    private readonly cfg: KubernetesPluginConfig,
    private readonly idx: DnsIndex,
    /** False until the informers have synced (CoreDNS's first seconds): name errors become SERVFAIL. */
    private readonly synced: () => boolean = () => true,
    /** This CoreDNS pod's IPs: `ns.dns.<zone>` resolves to the ClusterIPs of the Services selecting them. */
    private readonly localIPs: readonly string[] = [],
  ) {
    this.primaryZone = cfg.zones.find((z) => !isReverseZone(z)) ?? cfg.zones[0]!;
    this.reverseZones = new Set(cfg.zones.filter(isReverseZone));
    for (const z of cfg.zones) this.soaNames.set(z, { mname: `ns.dns.${z}`, rname: `hostmaster.${z}` });
  }

  /** Answers `qname` (as sent; `lower` is it lower-cased) or passes it on. */
  serve(qname: string, lower: string, qtype: RRType, upstream: UpstreamLookup): PluginOutcome {
    if (lower !== this.lastName) {
      this.lastName = lower;
      this.lastZone = matchZone(this.cfg.zones, lower);
      this.lastZoneReverse = this.lastZone !== undefined && this.reverseZones.has(this.lastZone);
    }
    const zone = this.lastZone;
    if (zone === undefined) return { kind: 'next' };
    let records: ResourceRecord[] = [];
    let extra: ResourceRecord[] = [];
    let nameError = false;
    switch (qtype) {
      case 'A':
      case 'AAAA': {
        const found = this.a(qname, lower, zone, qtype, upstream, NO_CNAMES);
        nameError = found === undefined;
        if (found) records = found;
        break;
      }
      case 'TXT': {
        const labels = labelsBelow(lower, zone);
        if (labels.length === 1 && labels[0] === 'dns-version') {
          records = [{ name: qname, ttl: 28800, class: 'IN', type: 'TXT', text: [DNS_SCHEMA_VERSION] }];
        } else {
          const r = this.services(lower, zone);
          nameError = !r.ok || r.services.length === 0;
        }
        break;
      }
      case 'CNAME': {
        const r = this.services(lower, zone);
        nameError = !r.ok;
        const first = r.ok ? r.services[0] : undefined;
        if (first && first.kind === 'name') records = [{ name: qname, ttl: first.ttl, class: 'IN', type: 'CNAME', target: fq(first.host) }];
        break;
      }
      case 'PTR': {
        const ip = addressFromReverse(lower);
        if (ip !== '' && isReverseZone(zone)) {
          const found = reverseRecords(ip, this.cfg, this.idx, this.primaryZone);
          nameError = found.length === 0;
          records = found.map((s) => ({ name: qname, ttl: s.ttl, class: 'IN', type: 'PTR', target: s.host }));
        } else {
          const r = isReverseZone(zone) ? ({ ok: false } as const) : this.services(lower, zone);
          nameError = !r.ok;
          if (r.ok) for (const s of r.services) if (s.kind === 'name') records.push({ name: qname, ttl: s.ttl, class: 'IN', type: 'PTR', target: fq(s.host) });
        }
        break;
      }
      case 'SRV': {
        const r = this.services(lower, zone);
        nameError = !r.ok;
        if (r.ok) [records, extra] = this.srv(qname, zone, r.services.filter((s) => s.kind !== 'name'), upstream);
        break;
      }
      case 'SOA':
        if (lower === zone) records = [this.soa(zone)];
        else nameError = this.a(qname, lower, zone, 'A', upstream, NO_CNAMES) === undefined;
        break;
      case 'NS':
        if (lower === zone && !isReverseZone(zone)) {
          records = [{ name: qname, ttl: this.cfg.ttl, class: 'IN', type: 'NS', target: `ns.dns.${zone}` }];
          extra = this.nsAddresses(zone).map((ip) => addressRecord(`ns.dns.${zone}`, this.cfg.ttl, ip));
        } else nameError = this.a(qname, lower, zone, 'A', upstream, NO_CNAMES) === undefined;
        break;
      default:
        nameError = this.a(qname, lower, zone, 'A', upstream, NO_CNAMES) === undefined;
    }
    if (nameError) {
      if (inAnyZone(lower, this.cfg.fallthrough)) return { kind: 'next' };
      if (!this.synced()) return { kind: 'answer', rcode: 'SERVFAIL', answer: [], authority: [this.soa(zone)], additional: [], authoritative: true };
      return { kind: 'answer', rcode: 'NXDOMAIN', answer: [], authority: [this.soa(zone)], additional: [], authoritative: true };
    }
    if (records.length === 0) return { kind: 'answer', rcode: 'NOERROR', answer: [], authority: [this.soa(zone)], additional: [], authoritative: true };
    return { kind: 'answer', rcode: 'NOERROR', answer: records, authority: [], additional: extra, authoritative: true };
  }

  /** CoreDNS's nsAddrs: ClusterIPs of the Services whose endpoints are this pod, else the pod IPs. */
  private nsAddresses(_zone: string): string[] {
    const ips = new Set<string>();
    for (const ip of this.localIPs) for (const { entry } of this.idx.endpointsByIP(ip)) for (const c of entry.clusterIPs) ips.add(c);
    return ips.size > 0 ? [...ips] : [...this.localIPs];
  }

  private services(lowerName: string, zone: string): BackendResult {
    if (this.reverseZones.has(zone)) return { ok: false };
    if (isNsName(lowerName, zone)) {
      return { ok: true, services: this.nsAddresses(zone).map((ip) => ({ host: ip, kind: ip.includes(':') ? 'v6' : 'v4', port: 0, ttl: this.cfg.ttl, domain: lowerName })) };
    }
    return lookupRecords(lowerName, zone, this.cfg, this.idx, this.primaryZone);
  }

  /**
   * plugin.A / plugin.AAAA, including ExternalName CNAME chasing (in-zone or via upstream): the
   * records, or undefined for a name error. A plain `<svc>.<ns>.svc.<zone>` of a ClusterIP
   * Service (nearly every lookup) is answered from its index entry without backend records.
   */
  private a(qname: string, lower: string, zone: string, qtype: 'A' | 'AAAA', upstream: UpstreamLookup, previous: readonly ResourceRecord[]): ResourceRecord[] | undefined {
    let r: BackendResult;
    if (zone === this.lastZone ? this.lastZoneReverse : this.reverseZones.has(zone)) r = { ok: false };
    else {
      const entry = this.idx.serviceByDomain(lower, zone);
      if (entry !== undefined && entry.externalName === undefined && !entry.headless) return this.clusterIPRecords(entry, qname, qtype);
      if (entry !== undefined) r = indexedServiceRecords(entry, zone, this.cfg, this.idx);
      else if (this.idx.isEndpointOfMissingService(lower, zone)) return undefined;
      else if (isNsName(lower, zone)) r = this.services(lower, zone);
      else r = lookupByLabels(labelsBelow(lower, zone), zone, this.cfg, this.idx, this.primaryZone);
    }
    if (!r.ok) return undefined;
    let records: ResourceRecord[] = [];
    // Hosts already answered; only built once a second address could repeat the first.
    let seen: Set<string> | undefined;
    let firstHost: string | undefined;
    for (const s of r.services) {
      const v4 = s.kind === 'v4';
      const v6 = s.kind === 'v6';
      if (s.kind === 'name') {
        const target = fq(s.host);
        const lowerTarget = target.toLowerCase();
        if (lowerTarget === lower) continue;
        if (previous.length > 7 || previous.some((p) => p.type === 'CNAME' && p.target === target)) continue;
        const cname: ResourceRecord = { name: qname, ttl: s.ttl, class: 'IN', type: 'CNAME', target };
        if (isSubdomain(lowerTarget, zone)) {
          const next = this.a(target, lowerTarget, zone, qtype, upstream, [...previous, cname]);
          if (next !== undefined && next.length > 0) records.push(cname, ...next);
          continue;
        }
        const ext = upstream(target, qtype);
        if (ext === undefined) continue;
        records.push(cname, ...ext);
        continue;
      }
      if ((qtype === 'A' && v4) || (qtype === 'AAAA' && v6)) {
        if (firstHost === undefined) firstHost = s.host;
        else {
          seen ??= new Set([firstHost]);
          if (seen.has(s.host)) continue;
          seen.add(s.host);
        }
        records = appendTo<ResourceRecord>(records, qtype === 'A' ? { name: qname, ttl: s.ttl, class: 'IN', type: 'A', address: s.host } : { name: qname, ttl: s.ttl, class: 'IN', type: 'AAAA', address: s.host });
      }
    }
    return records;
  }

  /**
   * What serviceRecords + the loop of {@link a} make of a ClusterIP Service asked for as a whole:
   * every port matches the `*` request, each ClusterIP of the asked family once, in order. A
   * Service without ports matches nothing (name error), as in the general path.
   */
  private clusterIPRecords(entry: ServiceEntry, qname: string, qtype: 'A' | 'AAAA'): ResourceRecord[] | undefined {
    const k = this.cfg;
    // namespaceExposed, with the namespace's existence read off the entry (same index build).
    if (!entry.namespaceKnown || (k.namespaces.length > 0 && !k.namespaces.includes(entry.namespaceKey))) return undefined;
    if (k.ignoreEmptyService && entry.endpoints.length === 0) return undefined;
    if (entry.ports.length === 0) return undefined;
    const ips = qtype === 'A' ? entry.clusterIPv4 : entry.clusterIPv6;
    const records = new Array<ResourceRecord>(ips.length);
    for (let i = 0; i < ips.length; i++) records[i] = qtype === 'A' ? { name: qname, ttl: k.ttl, class: 'IN', type: 'A', address: ips[i]! } : { name: qname, ttl: k.ttl, class: 'IN', type: 'AAAA', address: ips[i]! };
    return records;
  }

  /** plugin.SRV: weight = floor(100 / candidates) per priority, targets from the record keys. */
  private srv(qname: string, _zone: string, services: BackendService[], _upstream: UpstreamLookup): [ResourceRecord[], ResourceRecord[]] {
    const records: ResourceRecord[] = [];
    const extra: ResourceRecord[] = [];
    const dup = new Set<string>();
    const total = services.length * 100;
    for (const s of services) {
      if (s.port === -1) continue;
      const weight = Math.max(1, Math.floor((100 / total) * 100));
      const target = s.domain;
      const srvKey = `${target} ${s.port}`;
      if (!dup.has(srvKey)) {
        dup.add(srvKey);
        records.push({ name: qname, ttl: s.ttl, class: 'IN', type: 'SRV', priority: 0, weight, port: s.port, target });
      }
      const addrKey = `${target} ${s.host}`;
      if (!dup.has(addrKey)) {
        dup.add(addrKey);
        extra.push(s.host.includes(':') ? { name: target, ttl: s.ttl, class: 'IN', type: 'AAAA', address: s.host } : { name: target, ttl: s.ttl, class: 'IN', type: 'A', address: s.host });
      }
    }
    return [records, extra];
  }

  /** plugin.SOA: TTL min(ttl, 300), serial = last change of the cluster (unix seconds). */
  soa(zone: string): ResourceRecord {
    const names = this.soaNames.get(zone) ?? { mname: `ns.dns.${zone}`, rname: `hostmaster.${zone}` };
    return {
      name: zone,
      ttl: Math.min(this.cfg.ttl, 300),
      class: 'IN',
      type: 'SOA',
      mname: names.mname,
      rname: names.rname,
      serial: this.idx.lastModified(),
      refresh: 7200,
      retry: 1800,
      expire: 86400,
      minimum: this.cfg.ttl,
    };
  }
}

function addressRecord(name: string, ttl: number, ip: string): ResourceRecord {
  return ip.includes(':') ? { name, ttl, class: 'IN', type: 'AAAA', address: ip } : { name, ttl, class: 'IN', type: 'A', address: ip };
}

/** The longest zone that `name` (lower case FQDN) falls in, as plugin.Zones.Matches does. */
export function matchZone(zones: readonly string[], name: string): string | undefined {
  let best: string | undefined;
  for (const z of zones) if (isSubdomain(name, z) && (best === undefined || z.length > best.length)) best = z;
  return best;
}

/** Whether `name` lies in any of `zones` (a loop: a closure over `name` would be built per query). */
export function inAnyZone(name: string, zones: readonly string[]): boolean {
  for (const z of zones) if (isSubdomain(name, z)) return true;
  return false;
}

/** True when `name` equals `zone` or lies below it (both lower case FQDNs; `.` contains all). */
export function isSubdomain(name: string, zone: string): boolean {
  if (zone === '.' || name === zone) return true;
  // `name.endsWith('.' + zone)` without building that string on every query.
  const at = name.length - zone.length - 1;
  return at >= 0 && name.charCodeAt(at) === 46 && name.endsWith(zone);
}

/** `lowerName === 'ns.dns.' + zone`, without building that string for every query. */
function isNsName(lowerName: string, zone: string): boolean {
  return lowerName.length === zone.length + 7 && lowerName.startsWith('ns.dns.') && lowerName.endsWith(zone);
}

function isReverseZone(z: string): boolean {
  return z.endsWith('in-addr.arpa.') || z.endsWith('ip6.arpa.');
}

function fq(n: string): string {
  return n.endsWith('.') ? n : `${n}.`;
}
