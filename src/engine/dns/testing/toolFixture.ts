import { Rng } from '../../sim/Rng';
import { parseResolvConf, podResolvConf } from '../resolver/resolvConf';
import type { DnsToolContext } from '../tools/toolContext';
import { exampleServer } from './fixtures';

/** The moment the worked example runs: Thu Jan 15 09:00:00 UTC 2026 (the Simulation's default start). */
export const EXAMPLE_NOW = Date.UTC(2026, 0, 15, 9, 0, 0);

/**
 * A tool context for a pod in `namespace` of the example cluster: ClusterFirst resolv.conf,
 * queries to 10.96.0.10 answered by a CoreDNS over the example cluster, anything else times out.
 */
export function podToolContext(namespace = 'default', opts: { dnsDown?: boolean; upstreamDown?: boolean; seed?: string } = {}): DnsToolContext {
  const server = exampleServer({ ...(opts.upstreamDown ? { upstreamDown: true } : {}) });
  const rng = new Rng(opts.seed ?? 'tools');
  return {
    resolvConf: podResolvConf({ namespace, clusterDomain: 'cluster.local', clusterDNS: ['10.96.0.10'], node: parseResolvConf('nameserver 172.18.0.1\n') }),
    transport: (to, q) => (to === '10.96.0.10' && !opts.dnsDown ? server.handle(q, { ip: '10.244.1.20', port: 41234, proto: 'udp' }) : 'timeout'),
    now: EXAMPLE_NOW,
    random: () => rng.next(),
  };
}
