/**
 * The DNS throughput figure: getaddrinfo-style lookups (A and AAAA, search walk by ndots) through
 * the stub resolver to a CoreDNS with kubeadm's Corefile over a cluster of many Services. The
 * timer is injected (the engine has no wall clock); `npx kubelab bench` passes performance.now.
 */
import { CoreDnsServer, parseResolvConf, podResolvConf, StubResolver } from '../dns';
import { benchCluster } from '../dns/testing/benchCluster';
import { Rng } from '../sim/Rng';

export interface LookupBenchResult {
  services: number;
  lookups: number;
  /** DNS queries sent (each lookup sends two per candidate it tries). */
  queries: number;
  ms: number;
  lookupsPerSecond: number;
}

/**
 * Resolves names from a pod in `ns0`, half of them walking the search list: `svc<i>` in the
 * pod's own namespace (found on the first candidate) and `svc<i>.ns<k>` in another namespace
 * (NXDOMAIN for `…ns0.svc.cluster.local`, then found under `svc.cluster.local`).
 */
export function runLookupBench(timer: () => number, opts: { services?: number; minMs?: number } = {}): LookupBenchResult {
  const services = opts.services ?? 10_000;
  const rng = new Rng('dns-bench');
  const server = new CoreDnsServer({ cluster: benchCluster(services), now: () => 0, random: () => rng.next(), upstream: () => 'timeout' });
  const conf = podResolvConf({ namespace: 'ns0', clusterDomain: 'cluster.local', clusterDNS: ['10.96.0.10'], node: parseResolvConf('nameserver 172.18.0.1\n') });
  const client = { ip: '10.244.1.20', port: 41234, proto: 'udp' as const };
  let queries = 0;
  const resolver = new StubResolver(conf, (_server, q) => {
    queries++;
    return server.handle(q, client);
  });
  // Names fixed up front so the loop measures resolution, not string building.
  const names: string[] = [];
  for (let i = 0; i < services; i++) names.push(i % 50 === 0 ? `svc${i}` : `svc${i}.ns${i % 50}`);
  // Warm up: the first query builds the DNS index, and the JIT needs a few rounds.
  for (let i = 0; i < names.length; i++) resolver.resolve(names[i]!);
  queries = 0;
  const minMs = opts.minMs ?? 1000;
  let lookups = 0;
  let found = 0;
  const start = timer();
  let elapsed: number;
  do {
    for (let i = 0; i < 2000; i++) {
      const r = resolver.resolve(names[(lookups + i) % names.length]!);
      if (r.addresses.length > 0) found++;
    }
    lookups += 2000;
    elapsed = timer() - start;
  } while (elapsed < minMs);
  if (found !== lookups) throw new Error(`lookup bench: ${lookups - found} names did not resolve`);
  return { services, lookups, queries, ms: elapsed, lookupsPerSecond: Math.round((lookups / elapsed) * 1000) };
}
