import { runLookupBench } from '../../engine/dnsIntegration/lookupBench';
import { bundleBench } from './bundleBench';
import type { Benchmark } from './types';

/** Every benchmark `kubelab bench` runs, in order. Engine benchmarks register here as they land. */
export const benchmarks: Benchmark[] = [bundleBench, dnsLookupBench()];

/** Cluster DNS: getaddrinfo-style lookups (A+AAAA, search walk) through the stub resolver to CoreDNS at 10,000 Services. */
function dnsLookupBench(): Benchmark {
  return {
    name: 'dns',
    run() {
      const r = runLookupBench(() => performance.now());
      return [
        { benchmark: 'dns', metric: `lookups/s, search walk, ${r.services} Services`, value: r.lookupsPerSecond, unit: 'lookups/s', target: { min: 300_000 } },
        { benchmark: 'dns', metric: 'DNS queries/s behind them', value: Math.round((r.queries / r.ms) * 1000), unit: 'queries/s' },
      ];
    },
  };
}
