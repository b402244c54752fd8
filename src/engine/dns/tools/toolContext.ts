import { fqdn, makeQuery } from '../message';
import type { DnsMessage, Edns, RRType, ResourceRecord } from '../message';
import type { ResolvConf } from '../resolver/resolvConf';
import { resolverOptions } from '../resolver/resolvConf';
import type { DnsFailure, DnsTransport } from '../resolver/StubResolver';

/** What a DNS tool running inside a pod (or on a node) needs from its surroundings. */
export interface DnsToolContext {
  /** The parsed `/etc/resolv.conf` of the machine the tool runs on. */
  resolvConf: ResolvConf;
  transport: DnsTransport;
  /** Virtual wall-clock time in ms, for dig's `;; WHEN:`. */
  now: number;
  /** Seeded randomness in [0, 1): query ids, cookies, query times. */
  random: () => number;
}

/** What a tool printed and how it exited, as the shell shows it. */
export interface ToolResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** Virtual time the tool spent waiting on unanswered queries; the shell advances the clock by it. */
  elapsedMs?: number;
}

/** A tool entry point: parsed argv in, printed output out. */
export type DnsTool = (argv: string[], ctx: DnsToolContext) => ToolResult;

/**
 * Wraps a tool so its result says how long it waited: `perTimeoutMs` for every query that got
 * no reply, or once per silent server when `perServer` (tools that send all queries at once).
 * `refusedWaits`: the tool keeps listening after an ICMP error until its timeout (busybox).
 */
export function timed(tool: DnsTool, perTimeoutMs: (ctx: DnsToolContext) => number, perServer = false, refusedWaits = false): DnsTool {
  return (argv, ctx) => {
    let elapsed = 0;
    const silent = new Set<string>();
    const per = perTimeoutMs(ctx);
    const r = tool(argv, {
      ...ctx,
      transport: (server, q) => {
        const reply = ctx.transport(server, q);
        const waits = reply === 'timeout' || (refusedWaits && reply === 'refused');
        if (waits && !(perServer && silent.has(server))) {
          silent.add(server);
          elapsed += per;
        }
        return reply;
      },
    });
    return { ...r, elapsedMs: elapsed };
  };
}

/** libc's per-try wait, from resolv.conf `options timeout:` (default 5 s). */
export const libcTimeout = (ctx: DnsToolContext): number => resolverOptions(ctx.resolvConf).timeout * 1000;

/** A fresh 16-bit query id from the seeded Rng, as the tools' own random ids. */
export function queryId(ctx: DnsToolContext): number {
  return Math.floor(ctx.random() * 65536);
}

/** One try that got no reply: which server, and whether it stayed silent or refused. */
export interface FailedTry {
  server: string;
  error: DnsFailure;
}

/** Sends one question to every server in turn, `tries` rounds; the failed tries when none answered. */
export function ask(ctx: DnsToolContext, servers: string[], name: string, type: RRType, edns?: Edns, tries?: number): { reply: DnsMessage; server: string } | { failures: FailedTry[] } {
  const attempts = tries ?? resolverOptions(ctx.resolvConf).attempts;
  const failures: FailedTry[] = [];
  for (let round = 0; round < attempts; round++) {
    for (const server of servers) {
      const reply = ctx.transport(server, makeQuery(queryId(ctx), name, type, edns));
      if (typeof reply !== 'string') return { reply, server };
      failures.push({ server, error: reply });
    }
  }
  return { failures };
}

/** BIND 9.18's line for a failed try (dighost.c recv_done: `communications error to %s: %s`). */
export function communicationsError(f: FailedTry): string {
  return `;; communications error to ${f.server}#53: ${f.error === 'refused' ? 'connection refused' : 'timed out'}\n`;
}

/**
 * A transport as a tool on an unconnected UDP socket sees it: Linux reports no ICMP errors there,
 * so a refused query is silence and the tool waits out its timeout (BIND before 9.16's netmgr).
 */
export function deafToIcmp(ctx: DnsToolContext): DnsToolContext {
  return { ...ctx, transport: (server, q) => {
    const r = ctx.transport(server, q);
    return r === 'refused' ? 'timeout' : r;
  } };
}

/** The nameservers to use: an explicit one, else resolv.conf's, else 127.0.0.1 as libc does. */
export function serversFor(ctx: DnsToolContext, explicit?: string): string[] {
  if (explicit) return [explicit];
  return ctx.resolvConf.nameservers.length > 0 ? ctx.resolvConf.nameservers : ['127.0.0.1'];
}

/**
 * The names bind's tools try with searching on (dighost.c): absolute names as-is; otherwise the
 * search domains first when the name has fewer than ndots dots, the bare name first when it has more.
 */
export function bindCandidates(name: string, conf: ResolvConf, search: boolean): string[] {
  if (name.endsWith('.') || !search) return [fqdn(name)];
  const { ndots } = resolverOptions(conf);
  const dots = name.split('.').length - 1;
  const expanded = conf.search.map((d) => fqdn(`${name}.${d}`));
  return dots >= ndots ? [fqdn(name), ...expanded] : [...expanded, fqdn(name)];
}

/** A name without its trailing dot, as nslookup and host print owner names. */
export function bare(name: string): string {
  return name.length > 1 && name.endsWith('.') ? name.slice(0, -1) : name;
}

/** Parses an IPv4/IPv6 literal for reverse lookups; undefined when `s` is a name. */
export function literalIP(s: string): string | undefined {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(s) && s.split('.').every((o) => Number(o) <= 255)) return s;
  if (s.includes(':') && /^[0-9a-fA-F:]+$/.test(s)) return s.toLowerCase();
  return undefined;
}

/** Answer records of one type. */
export function ofType<T extends ResourceRecord['type']>(rrs: ResourceRecord[], type: T): Extract<ResourceRecord, { type: T }>[] {
  return rrs.filter((r): r is Extract<ResourceRecord, { type: T }> => r.type === type);
}
