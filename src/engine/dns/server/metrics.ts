/** One counter family in Prometheus text exposition format. */
interface Family {
  help: string;
  type: 'counter' | 'gauge';
  /** Keyed by the label values joined in call order (cheap on the hot path); labels kept for rendering. */
  values: Map<string, { labels: Record<string, string>; value: number }>;
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

  /** Adds `by` to the series `name{labels}`; pass labels in the same key order at every call site. */
  add(name: string, labels: Record<string, string>, by = 1): void {
    const f = this.family(name);
    const key = seriesKey(labels);
    const s = f.values.get(key);
    if (s) s.value += by;
    else f.values.set(key, { labels, value: by });
  }

  /** A live handle on one series, so hot paths count with a field increment instead of a lookup. */
  series(name: string, labels: Record<string, string>): { value: number } {
    const f = this.family(name);
    const key = seriesKey(labels);
    let s = f.values.get(key);
    if (!s) {
      s = { labels, value: 0 };
      f.values.set(key, s);
    }
    return s;
  }

  set(name: string, labels: Record<string, string>, value: number): void {
    this.family(name).values.set(seriesKey(labels), { labels, value });
  }

  value(name: string, labels: Record<string, string>): number {
    return this.families.get(name)?.values.get(seriesKey(labels))?.value ?? 0;
  }

  private family(name: string): Family {
    const f = this.families.get(name);
    if (!f) throw new Error(`unknown metric ${name}`);
    return f;
  }

  /** The `/metrics` page: families in name order, series in label order, empty families omitted. */
  render(): string {
    let out = '';
    for (const name of [...this.families.keys()].sort()) {
      const f = this.families.get(name)!;
      if (f.values.size === 0) continue;
      out += `# HELP ${name} ${f.help}\n# TYPE ${name} ${f.type}\n`;
      const series = [...f.values.values()].map((s) => [labelText(s.labels), s.value] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      for (const [labels, value] of series) out += `${name}${labels} ${value}\n`;
    }
    return out;
  }
}

function seriesKey(labels: Record<string, string>): string {
  let k = '';
  for (const key in labels) k += `${key}\u0000${labels[key]}\u0001`;
  return k;
}

/** `{a="x",b="y"}` with label names sorted, as the Go client library renders them. */
function labelText(labels: Record<string, string>): string {
  const keys = Object.keys(labels).sort();
  if (keys.length === 0) return '';
  return `{${keys.map((k) => `${k}="${labels[k]!.replace(/(["\\])/g, '\\$1').replace(/\n/g, '\\n')}"`).join(',')}}`;
}
