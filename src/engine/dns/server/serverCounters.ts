import type { ServerConfig } from '../corefile/serverConfig';
import type { DnsClient } from './CoreDnsServer';
import type { DnsMetrics } from './metrics';

type Counter = { value: number };

/**
 * The Prometheus counters one server block moves per query (coredns_dns_requests_total,
 * _responses_total, the cache's requests/hits/misses). Handles are found through small maps keyed
 * by the values that tell series apart and created on first use, so a query builds no label
 * objects or key strings, and a series only appears on /metrics once it has counted something.
 */
export class ServerCounters {
  private readonly server: string;
  private readonly zones: string;
  /** requests by transport (udp v4, udp v6, tcp v4, tcp v6) → zone → qtype. */
  private readonly requests = [new Map<string, Map<string, Counter>>(), new Map<string, Map<string, Counter>>(), new Map<string, Map<string, Counter>>(), new Map<string, Map<string, Counter>>()];
  /** responses by plugin → zone → rcode. */
  private readonly responses = new Map<string, Map<string, Map<string, Counter>>>();
  /**
   * The maps the previous request and response ended in, by what led there: queries come in runs
   * of one transport, zone and plugin, so most counts are one map read instead of two or three.
   */
  private lastClientIP = '';
  private lastClientV6 = false;
  private lastRequestBucket = -1;
  private lastRequestZone = '';
  private lastByType?: Map<string, Counter>;
  private lastPlugin = '';
  private lastResponseZone = '';
  private lastByRcode?: Map<string, Counter>;
  private cacheRequests?: Counter;
  private cacheMisses?: Counter;
  private cacheHitsSuccess?: Counter;
  private cacheHitsDenial?: Counter;

  constructor(
    private readonly metrics: DnsMetrics,
    cfg: ServerConfig,
  ) {
    this.server = `dns://:${cfg.port}`;
    this.zones = cfg.zones.join(' ');
  }

  request(client: DnsClient, zone: string, type: string): void {
    // A client's address family only changes with its address (the same string, query after query).
    if (client.ip !== this.lastClientIP) {
      this.lastClientIP = client.ip;
      this.lastClientV6 = client.ip.includes(':');
    }
    const v6 = this.lastClientV6;
    const bucket = (client.proto === 'udp' ? 0 : 2) + (v6 ? 1 : 0);
    let byType = this.lastByType;
    if (byType === undefined || bucket !== this.lastRequestBucket || zone !== this.lastRequestZone) {
      const byZone = this.requests[bucket]!;
      byType = byZone.get(zone);
      if (!byType) byZone.set(zone, (byType = new Map()));
      this.lastRequestBucket = bucket;
      this.lastRequestZone = zone;
      this.lastByType = byType;
    }
    let c = byType.get(type);
    if (!c) {
      c = this.metrics.series('coredns_dns_requests_total', { family: v6 ? '2' : '1', proto: client.proto, server: this.server, type, view: '', zone });
      byType.set(type, c);
    }
    c.value++;
  }

  response(plugin: string, zone: string, rcode: string): void {
    let byRcode = this.lastByRcode;
    if (byRcode === undefined || plugin !== this.lastPlugin || zone !== this.lastResponseZone) {
      let byZone = this.responses.get(plugin);
      if (!byZone) this.responses.set(plugin, (byZone = new Map()));
      byRcode = byZone.get(zone);
      if (!byRcode) byZone.set(zone, (byRcode = new Map()));
      this.lastPlugin = plugin;
      this.lastResponseZone = zone;
      this.lastByRcode = byRcode;
    }
    let c = byRcode.get(rcode);
    if (!c) {
      c = this.metrics.series('coredns_dns_responses_total', { plugin, rcode, server: this.server, view: '', zone });
      byRcode.set(rcode, c);
    }
    c.value++;
  }

  cacheRequest(): void {
    (this.cacheRequests ??= this.metrics.series('coredns_cache_requests_total', { server: this.server, view: '', zones: this.zones })).value++;
  }

  cacheMiss(): void {
    (this.cacheMisses ??= this.metrics.series('coredns_cache_misses_total', { server: this.server, view: '', zones: this.zones })).value++;
  }

  cacheHit(type: 'success' | 'denial'): void {
    if (type === 'success') (this.cacheHitsSuccess ??= this.hitSeries(type)).value++;
    else (this.cacheHitsDenial ??= this.hitSeries(type)).value++;
  }

  private hitSeries(type: 'success' | 'denial'): Counter {
    return this.metrics.series('coredns_cache_hits_total', { server: this.server, type, view: '', zones: this.zones });
  }
}
