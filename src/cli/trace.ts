/**
 * `kubelab trace`: applies manifests to a fresh simulated cluster, lets it settle, then walks one
 * request through the packet engine and prints the Trace hop by hop (or as JSON).
 */
import { readFileSync } from 'node:fs';
import type { KubeObject } from '../engine/api/types';
import { ApiError } from '../engine/api/types';
import { resourceFor, resourceKey } from '../engine/api/resources';
import { clusterDns } from '../engine/dnsIntegration';
import { decodeStream } from '../engine/kubectl/manifest/readManifests';
import { formatTrace } from '../engine/network';
import { traceRequest } from '../engine/cluster';
import { Simulation } from '../engine/sim/Simulation';

export const TRACE_USAGE = `Usage: kubelab trace [-f MANIFEST ...] --from SOURCE TARGET [--json]

  SOURCE   NAMESPACE/POD, node/NODE, outside (the node network) or internet
  TARGET   http://HOST[:PORT]/PATH (an HTTP request) or HOST:PORT (a TCP connection)
  -f FILE  manifests applied (as the cluster admin) before the cluster settles; repeatable
  --seed S       seed of the simulated cluster (default kubelab)
  --wait SECONDS virtual time to let pass after the cluster settles (default 5)
  --json         print the Trace as JSON
`;

interface TraceArgs {
  files: string[];
  from?: string;
  target?: string;
  json: boolean;
  seed?: string;
  waitS: number;
}

function parseArgs(args: string[]): TraceArgs | string {
  const out: TraceArgs = { files: [], json: false, waitS: 5 };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = () => args[++i];
    if (a === '-f' || a === '--filename') {
      const v = value();
      if (!v) return `flag ${a} needs a value`;
      out.files.push(v);
    } else if (a.startsWith('--filename=')) out.files.push(a.slice(11));
    else if (a === '--from') out.from = value();
    else if (a.startsWith('--from=')) out.from = a.slice(7);
    else if (a === '--json') out.json = true;
    else if (a === '--seed') out.seed = value();
    else if (a === '--wait') out.waitS = Number(value());
    else if (a.startsWith('-')) return `unknown flag ${a}`;
    else if (out.target === undefined) out.target = a;
    else return `unexpected argument "${a}"`;
  }
  if (!out.from) return 'missing --from';
  if (!out.target) return 'missing TARGET';
  return out;
}

function apply(sim: Simulation, files: string[]): string | undefined {
  const admin = sim.api.admin();
  for (const file of files) {
    const text = file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
    for (const { object } of decodeStream(text, file === '-' ? 'STDIN' : file)) {
      const info = resourceFor(object.apiVersion, object.kind);
      const ns = info.namespaced ? (object.metadata.namespace ?? 'default') : undefined;
      admin.create<KubeObject>(resourceKey(info), ns, object);
    }
  }
  return undefined;
}

/** Runs `kubelab trace ARGS`; returns the exit code (0 delivered, 1 not, 2 usage). */
export function runTrace(args: string[], out: (s: string) => void = (s) => process.stdout.write(s), err: (s: string) => void = (s) => process.stderr.write(s)): number {
  if (args.includes('-h') || args.includes('--help')) {
    out(TRACE_USAGE);
    return 0;
  }
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    err(`kubelab trace: ${parsed}\n\n${TRACE_USAGE}`);
    return 2;
  }
  const sim = new Simulation(parsed.seed ? { seed: parsed.seed } : {});
  // CoreDNS serves the cluster's names, so `http://web` resolves through the kube-dns Service.
  clusterDns(sim);
  try {
    apply(sim, parsed.files);
  } catch (e) {
    err(`kubelab trace: ${e instanceof ApiError || e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  sim.runUntilSettled();
  // Servers listen a moment after their container starts; let that time pass.
  sim.advance(parsed.waitS * 1000);
  const result = traceRequest(sim, parsed.from!, parsed.target!);
  if (!result.ok) {
    err(`kubelab trace: ${result.error}\n`);
    return result.code === 'usage' ? 2 : 1;
  }
  const { trace, response } = result;
  if (parsed.json) out(`${JSON.stringify({ trace, ...(response ? { response } : {}) }, null, 2)}\n`);
  else {
    out(formatTrace(trace));
    if (response) out(`   HTTP/${response.httpVersion ?? '1.1'} ${response.status}${response.httpVersion === '2' ? '' : ` ${response.reason}`}\n`);
  }
  return trace.outcome.kind === 'delivered' ? 0 : 1;
}
