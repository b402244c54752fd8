import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Namespace, Pod, Service } from 'kubernetes-types/core/v1';

/**
 * What CoreDNS's informers see: read-only lists of the objects the `kubernetes` plugin watches.
 * `version()` changes whenever any of them changes (e.g. the store's resourceVersion), so the
 * index below is rebuilt only when needed; between changes every lookup is a map access.
 */
export interface ClusterView {
  version(): number;
  namespaces(): readonly Namespace[];
  services(): readonly Service[];
  endpointSlices(): readonly EndpointSlice[];
  pods(): readonly Pod[];
  /** Unix seconds of the last change; CoreDNS uses it as the SOA serial. */
  lastModified(): number;
}

/** One ready endpoint address as CoreDNS's EndpointSlice → Endpoints conversion keeps it. */
export interface EndpointAddress {
  ip: string;
  hostname?: string;
  podName?: string;
  /** The slice's ports; a `-1` sentinel when the slice declares none (as CoreDNS does). */
  ports: { name: string; port: number; protocol: string }[];
}

/** A Service with everything the DNS answers need, precomputed. */
export interface ServiceEntry {
  name: string;
  namespace: string;
  /** `namespace` lower-cased: the key the index files it under. */
  namespaceKey: string;
  /** Whether that namespace exists (in the same index build), what namespaceExposed asks first. */
  namespaceKnown: boolean;
  headless: boolean;
  externalName?: string;
  clusterIPs: string[];
  /** The distinct IPv4 and IPv6 ClusterIPs, in order: what A and AAAA answer for the whole Service. */
  clusterIPv4: string[];
  clusterIPv6: string[];
  ports: { name: string; port: number; protocol: string }[];
  endpoints: EndpointAddress[];
}

/**
 * Index over a {@link ClusterView}, keyed the way CoreDNS's informer indexes are: services by
 * namespace and name, reverse lookups by IP, pods by IP. All keys are lower case because every DNS
 * comparison is case-insensitive.
 */
export class DnsIndex {
  private builtAt = Number.NaN;
  private nsSet = new Set<string>();
  private svc = new Map<string, ServiceEntry>();
  /** The same entries as `svc`, by namespace then name: an exact lookup builds no key string. */
  private svcByNs = new Map<string, Map<string, ServiceEntry>>();
  /** Per zone, entries by `<name>.<namespace>.svc.<zone>`; built on the first query in that zone. */
  private svcByDomain = new Map<string, Map<string, ServiceEntry>>();
  private svcByIP = new Map<string, ServiceEntry>();
  private epByIP = new Map<string, { entry: ServiceEntry; addr: EndpointAddress }[]>();
  private podIPs = new Map<string, string[]>();
  /**
   * The last name {@link isEndpointOfMissingService} decided, with its zone and answer: the A and
   * AAAA queries of a lookup ask about the same name string, and the service part it reads is a
   * fresh slice that would be hashed again. Forgotten whenever the index is rebuilt.
   */
  private lastEndpointName = '';
  private lastEndpointZone = '';
  private lastEndpointMissing = false;
  private modified = 0;

  constructor(private readonly view: ClusterView) {}

  private ensure(): void {
    const v = this.view.version();
    if (v === this.builtAt) return;
    this.builtAt = v;
    this.rebuild();
  }

  private rebuild(): void {
    this.modified = this.view.lastModified();
    this.nsSet = new Set(this.view.namespaces().map((n) => (n.metadata?.name ?? '').toLowerCase()));
    this.svc = new Map();
    this.svcByNs = new Map();
    this.svcByDomain = new Map();
    this.lastEndpointName = '';
    this.svcByIP = new Map();
    this.epByIP = new Map();
    this.podIPs = new Map();
    for (const s of this.view.services()) {
      const spec = s.spec ?? {};
      const clusterIPs = (spec.clusterIPs ?? (spec.clusterIP ? [spec.clusterIP] : [])).filter((ip) => ip !== 'None' && ip !== '');
      const entry: ServiceEntry = {
        name: s.metadata?.name ?? '',
        namespace: s.metadata?.namespace ?? 'default',
        namespaceKey: (s.metadata?.namespace ?? 'default').toLowerCase(),
        namespaceKnown: this.nsSet.has((s.metadata?.namespace ?? 'default').toLowerCase()),
        headless: spec.type !== 'ExternalName' && (spec.clusterIP === 'None' || clusterIPs.length === 0),
        ...(spec.type === 'ExternalName' && spec.externalName ? { externalName: spec.externalName } : {}),
        clusterIPs: spec.type === 'ExternalName' ? [] : clusterIPs,
        clusterIPv4: spec.type === 'ExternalName' ? [] : distinct(clusterIPs.filter((ip) => !ip.includes(':'))),
        clusterIPv6: spec.type === 'ExternalName' ? [] : distinct(clusterIPs.filter((ip) => ip.includes(':'))),
        ports: (spec.ports ?? []).map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP' })),
        endpoints: [],
      };
      this.svc.set(key(entry.name, entry.namespace), entry);
      const nsKey = entry.namespaceKey;
      let byName = this.svcByNs.get(nsKey);
      if (!byName) this.svcByNs.set(nsKey, (byName = new Map()));
      byName.set(entry.name.toLowerCase(), entry);
      for (const ip of entry.clusterIPs) if (!this.svcByIP.has(ip)) this.svcByIP.set(ip, entry);
    }
    for (const slice of this.view.endpointSlices()) this.addSlice(slice);
    for (const p of this.view.pods()) {
      const ns = p.metadata?.namespace ?? 'default';
      for (const ip of p.status?.podIPs?.flatMap((x) => (x.ip ? [x.ip] : [])) ?? (p.status?.podIP ? [p.status.podIP] : [])) {
        const list = this.podIPs.get(ip) ?? [];
        list.push(ns.toLowerCase());
        this.podIPs.set(ip, list);
      }
    }
  }

  private addSlice(slice: EndpointSlice): void {
    const svcName = slice.metadata?.labels?.['kubernetes.io/service-name'];
    const entry = svcName ? this.svc.get(key(svcName, slice.metadata?.namespace ?? 'default')) : undefined;
    if (!entry) return;
    const ports = (slice.ports ?? []).map((p) => ({ name: p.name ?? '', port: p.port ?? -1, protocol: p.protocol ?? 'TCP' }));
    if (ports.length === 0) ports.push({ name: '', port: -1, protocol: '' });
    for (const ep of slice.endpoints) {
      // Readiness as CoreDNS reads it: a nil `ready` counts as ready.
      if (ep.conditions?.ready === false) continue;
      for (const ip of ep.addresses) {
        const addr: EndpointAddress = {
          ip,
          ports,
          ...(ep.hostname ? { hostname: ep.hostname } : {}),
          ...(ep.targetRef?.kind === 'Pod' && ep.targetRef.name ? { podName: ep.targetRef.name } : {}),
        };
        entry.endpoints.push(addr);
        const list = this.epByIP.get(ip) ?? [];
        list.push({ entry, addr });
        this.epByIP.set(ip, list);
      }
    }
  }

  hasNamespace(ns: string): boolean {
    this.ensure();
    return this.nsSet.has(ns.toLowerCase());
  }

  /** {@link hasNamespace} for a name already in lower case (labels of a lower-cased question, `namespaceKey`). */
  hasLowerNamespace(lowerNs: string): boolean {
    this.ensure();
    return this.nsSet.has(lowerNs);
  }

  service(name: string, ns: string): ServiceEntry | undefined {
    this.ensure();
    return this.svcByNs.get(ns.toLowerCase())?.get(name.toLowerCase());
  }

  /**
   * The Service whose `<name>.<namespace>.svc.<zone>` is exactly `lowerName` (lower case FQDN).
   * Only names parseRequest reads as that plain shape are indexed: a name or namespace that is
   * empty, dotted or a wildcard (`*`, `any`) is left to the label-by-label path.
   */
  serviceByDomain(lowerName: string, zone: string): ServiceEntry | undefined {
    this.ensure();
    // Names of another shape (an endpoint or SRV name, one search domain too many) are not
    // hashed: three labels below the zone, the last one `svc`, or no read at all.
    const svcAt = zone === '.' ? lowerName.length - 5 : lowerName.length - zone.length - 5;
    if (svcAt <= 0 || !lowerName.startsWith('.svc.', svcAt)) return undefined;
    const dot = lowerName.indexOf('.');
    if (dot >= svcAt || lowerName.indexOf('.', dot + 1) !== svcAt) return undefined;
    return this.domainIndex(zone).get(lowerName);
  }

  /**
   * Whether `lowerName` is `<endpoint>.<service>.<namespace>.svc.<zone>` with four non-empty
   * labels, plain (not `*`/`any`) service and namespace, and no such Service: parseRequest reads
   * it as an endpoint of a Service that is not there, a name error. That is also the shape of the
   * search walk's first candidate for `<svc>.<ns>` (`<svc>.<ns>.<pod ns>.svc.<zone>`), so it is
   * decided with one read of the domain index instead of labels, a request and two map reads.
   */
  isEndpointOfMissingService(lowerName: string, zone: string): boolean {
    this.ensure();
    if (lowerName === this.lastEndpointName && zone === this.lastEndpointZone) return this.lastEndpointMissing;
    this.lastEndpointName = lowerName;
    this.lastEndpointZone = zone;
    return (this.lastEndpointMissing = this.endpointOfMissingService(lowerName, zone));
  }

  private endpointOfMissingService(lowerName: string, zone: string): boolean {
    const svcAt = zone === '.' ? lowerName.length - 5 : lowerName.length - zone.length - 5;
    if (svcAt <= 0 || !lowerName.startsWith('.svc.', svcAt)) return false;
    const endpointEnd = lowerName.indexOf('.');
    const serviceEnd = lowerName.indexOf('.', endpointEnd + 1);
    if (endpointEnd <= 0 || serviceEnd === endpointEnd + 1 || serviceEnd >= svcAt - 1 || lowerName.indexOf('.', serviceEnd + 1) !== svcAt) return false;
    if (isWildcardAt(lowerName, endpointEnd + 1, serviceEnd) || isWildcardAt(lowerName, serviceEnd + 1, svcAt)) return false;
    return !this.domainIndex(zone).has(lowerName.slice(endpointEnd + 1));
  }

  /** Per zone, entries by `<name>.<namespace>.svc.<zone>`; built on the first query in that zone. */
  private domainIndex(zone: string): Map<string, ServiceEntry> {
    let byDomain = this.svcByDomain.get(zone);
    if (!byDomain) {
      byDomain = new Map();
      const tail = zone === '.' ? '.svc.' : `.svc.${zone}`;
      for (const [ns, byName] of this.svcByNs) {
        if (!plainLabel(ns)) continue;
        for (const [name, entry] of byName) if (plainLabel(name)) byDomain.set(`${name}.${ns}${tail}`, entry);
      }
      this.svcByDomain.set(zone, byDomain);
    }
    return byDomain;
  }

  /**
   * All services of a namespace, or of every namespace when `ns` is undefined (wildcards). Both
   * are lower case (labels of the lower-cased question).
   */
  servicesMatching(name: string | undefined, ns: string | undefined): ServiceEntry[] {
    this.ensure();
    if (name !== undefined && ns !== undefined) {
      const e = this.svcByNs.get(ns)?.get(name);
      return e ? [e] : [];
    }
    const out: ServiceEntry[] = [];
    for (const e of this.svc.values()) {
      if (name !== undefined && e.name.toLowerCase() !== name.toLowerCase()) continue;
      if (ns !== undefined && e.namespace.toLowerCase() !== ns.toLowerCase()) continue;
      out.push(e);
    }
    return out;
  }

  serviceByClusterIP(ip: string): ServiceEntry | undefined {
    this.ensure();
    return this.svcByIP.get(ip);
  }

  endpointsByIP(ip: string): readonly { entry: ServiceEntry; addr: EndpointAddress }[] {
    this.ensure();
    return this.epByIP.get(ip) ?? [];
  }

  podNamespacesByIP(ip: string): readonly string[] {
    this.ensure();
    return this.podIPs.get(ip) ?? [];
  }

  lastModified(): number {
    this.ensure();
    return this.modified;
  }
}

function distinct(list: string[]): string[] {
  return list.filter((x, i) => list.indexOf(x) === i);
}

/** Whether `name.slice(from, to)` is `*` or `any`, without cutting it out. */
function isWildcardAt(name: string, from: number, to: number): boolean {
  if (to - from === 1) return name.charCodeAt(from) === 42;
  return to - from === 3 && name.startsWith('any', from);
}

/** A label parseRequest takes literally: not empty, no dot, not a wildcard. */
function plainLabel(l: string): boolean {
  return l !== '' && l !== '*' && l !== 'any' && !l.includes('.');
}

function key(name: string, ns: string): string {
  return `${name.toLowerCase()}.${ns.toLowerCase()}`;
}

/** A view over fixed arrays, for tests and for callers that rebuild on their own schedule. */
export function staticClusterView(objs: { namespaces?: Namespace[]; services?: Service[]; endpointSlices?: EndpointSlice[]; pods?: Pod[]; lastModified?: number; version?: number }): ClusterView {
  return {
    version: () => objs.version ?? 1,
    namespaces: () => objs.namespaces ?? [],
    services: () => objs.services ?? [],
    endpointSlices: () => objs.endpointSlices ?? [],
    pods: () => objs.pods ?? [],
    lastModified: () => objs.lastModified ?? 0,
  };
}
