/** One counter family in Prometheus text exposition format. */
interface Family {
  help: string;
  type: 'counter' | 'gauge';
  values: Map<string, number>;
}

/**
 * CoreDNS's Prometheus metrics (plugin/metrics/vars, plugin/cache/metrics.go), counted as the
 * simulated server answers and rendered exactly as `curl <pod>:9153/metrics` shows them.
 */
export class DnsMetrics {
  private readonly families = new Map<string, Family>([
    ['coredns_cache_entries', { help: 'The number of elements in the cache.', type: 'gauge', values: new Map() }],
    ['coredns_cache_hits_total', { help: 'The count of cache hits.', type: 'counter', values: new Map() }],
    ['coredns_cache_misses_total', { help: 'The count of cache misses. Deprecated, derive misses from cache hits/requests counters.', type: 'counter', values: new Map() }],
    ['coredns_cache_requests_total', { help: 'The count of cache requests.', type: 'counter', values: new Map() }],
    ['coredns_dns_requests_total', { help: 'Counter of DNS requests made per zone, protocol and family.', type: 'counter', values: new Map() }],
    ['coredns_dns_responses_total', { help: 'Counter of response status codes.', type: 'counter', values: new Map() }],
    ['coredns_forward_requests_total', { help: 'Counter of requests made per upstream.', type: 'counter', values: new Map() }],
  ]);

  /** Adds `by` to the series `name{labels}`; labels are sorted by name as the Go client does. */
  add(name: string, labels: Record<string, string>, by = 1): void {
    const f = this.families.get(name);
    if (!f) throw new Error(`unknown metric ${name}`);
    const key = labelText(labels);
    f.values.set(key, (f.values.get(key) ?? 0) + by);
  }

  set(name: string, labels: Record<string, string>, value: number): void {
    const f = this.families.get(name);
    if (!f) throw new Error(`unknown metric ${name}`);
    f.values.set(labelText(labels), value);
  }

  value(name: string, labels: Record<string, string>): number {
    return this.families.get(name)?.values.get(labelText(labels)) ?? 0;
  }

  /** The `/metrics` page: families in name order, series in label order, empty families omitted. */
  render(): string {
    let out = '';
    for (const name of [...this.families.keys()].sort()) {
      const f = this.families.get(name)!;
      if (f.values.size === 0) continue;
      out += `# HELP ${name} ${f.help}\n# TYPE ${name} ${f.type}\n`;
      for (const key of [...f.values.keys()].sort()) out += `${name}${key} ${f.values.get(key)}\n`;
    }
    return out;
  }
}

function labelText(labels: Record<string, string>): string {
  const keys = Object.keys(labels).sort();
  if (keys.length === 0) return '';
  return `{${keys.map((k) => `${k}="${labels[k]!.replace(/(["\\])/g, '\\$1').replace(/\n/g, '\\n')}"`).join(',')}}`;
}
