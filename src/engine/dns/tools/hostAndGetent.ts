import { RRTypeCode, rdataText } from '../message';
import type { RRType, ResourceRecord } from '../message';
import { StubResolver } from '../resolver/StubResolver';
import { reverseName } from '../server/kubernetesRecords';
import { ask, bare, bindCandidates, libcTimeout, literalIP, ofType, serversFor, timed, communicationsError } from './toolContext';
import type { DnsToolContext, ToolResult } from './toolContext';

/** One record as bind's `host` prints it (bin/dig/host.c). */
function hostRecord(rr: ResourceRecord): string {
  const owner = bare(rr.name);
  switch (rr.type) {
    case 'A':
      return `${owner} has address ${rr.address}\n`;
    case 'AAAA':
      return `${owner} has IPv6 address ${rr.address}\n`;
    case 'CNAME':
      return `${owner} is an alias for ${rr.target}\n`;
    case 'PTR':
      return `${owner} domain name pointer ${rr.target}\n`;
    case 'NS':
      return `${owner} name server ${rr.target}\n`;
    case 'SRV':
      return `${owner} has SRV record ${rdataText(rr)}\n`;
    case 'TXT':
      return `${owner} descriptive text ${rdataText(rr)}\n`;
    case 'SOA':
      return `${owner} has SOA record ${rdataText(rr)}\n`;
  }
}

/**
 * bind's `host NAME [SERVER]`, `host -t TYPE NAME`, `host IP`: A, AAAA and MX by default,
 * search list applied, `Host X not found: 3(NXDOMAIN)` and exit 1 on failure.
 */
export const host = timed((argv, ctx) => hostImpl(argv, ctx), () => 5000);

function hostImpl(argv: string[], ctx: DnsToolContext): ToolResult {
  let type: RRType | undefined;
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-t') {
      const t = (argv[++i] ?? '').toUpperCase();
      if (!(t in RRTypeCode)) return { stdout: '', stderr: `host: invalid type: ${argv[i] ?? ''}\n`, exitCode: 1 };
      type = t as RRType;
    } else if (!a.startsWith('-')) positional.push(a);
  }
  const [target, server] = positional;
  if (!target) return { stdout: '', stderr: 'Usage: host [-aCdilrTvVw] [-c class] [-N ndots] [-t type] [-W time]\n            [-R number] [-m flag] [-p port] hostname [server]\n', exitCode: 1 };
  const servers = serversFor(ctx, server);
  let out = server ? `Using domain server:\nName: ${server}\nAddress: ${server}#53\nAliases: \n\n` : '';
  const ip = literalIP(target);
  // host's default lookups are A, AAAA and MX; no simulated name publishes MX, and an empty MX
  // answer prints nothing, so the MX query is left out.
  const plan: RRType[] = ip ? ['PTR'] : type ? [type] : ['A', 'AAAA'];
  let failed = false;
  for (const t of plan) {
    const name = ip ? reverseName(ip) : target;
    let reply;
    for (const candidate of bindCandidates(name, ctx.resolvConf, !ip)) {
      const r = ask(ctx, servers, candidate, t);
      if ('failures' in r) {
        // BIND 9.18 reports each refused try; silence keeps the older summary line.
        if (r.failures.some((f) => f.error === 'refused')) return { stdout: `${out}${r.failures.map(communicationsError).join('')};; no servers could be reached\n`, stderr: '', exitCode: 1 };
        return { stdout: `${out};; connection timed out; no servers could be reached\n`, stderr: '', exitCode: 1 };
      }
      reply = r.reply;
      if (reply.rcode !== 'NXDOMAIN') break;
    }
    if (!reply) continue;
    if (reply.rcode !== 'NOERROR') {
      out += `Host ${reply.rcode === 'NXDOMAIN' ? (ip ? bare(reverseName(ip)) : target) : bare(reply.question[0]!.name)} not found: ${rcodeNumber(reply.rcode)}(${reply.rcode})\n`;
      failed = true;
      break;
    }
    const shown = t === 'A' || type !== undefined || ip ? reply.answer : reply.answer.filter((r) => r.type !== 'CNAME');
    out += shown.map(hostRecord).join('');
    if (type !== undefined && reply.answer.length === 0) out += `${bare(reply.question[0]!.name)} has no ${type} record\n`;
  }
  return { stdout: out, stderr: '', exitCode: failed ? 1 : 0 };
}

function rcodeNumber(r: string): number {
  return { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5 }[r] ?? 0;
}

/**
 * `getent hosts NAME|IP` (glibc): gethostbyname2(AF_INET6) then AF_INET through the stub
 * resolver, one `%-15s %s` line per address with aliases; exit 2 when the key is not found.
 */
export const getentHosts = timed((argv, ctx) => getentHostsImpl(argv, ctx), libcTimeout);

function getentHostsImpl(argv: string[], ctx: DnsToolContext): ToolResult {
  if (argv.length === 0) return { stdout: '', stderr: '', exitCode: 1 };
  const resolver = new StubResolver(ctx.resolvConf, ctx.transport, Math.floor(ctx.random() * 65535) + 1);
  let out = '';
  let missing = false;
  for (const key of argv) {
    const ip = literalIP(key);
    if (ip) {
      const r = resolver.query(reverseName(ip), 'PTR');
      const ptr = typeof r !== 'string' && r.rcode === 'NOERROR' ? ofType(r.answer, 'PTR')[0] : undefined;
      if (ptr) out += `${ip.padEnd(15)} ${bare(ptr.target)}\n`;
      else missing = true;
      continue;
    }
    let found;
    for (const family of ['AAAA', 'A'] as const) {
      const r = resolver.resolve(key, [family]);
      if (r.status === 'NOERROR') {
        found = r.replies[0]!;
        break;
      }
    }
    if (!found) {
      missing = true;
      continue;
    }
    const cnames = ofType(found.answer, 'CNAME');
    const canonical = bare(cnames.at(-1)?.target ?? found.question[0]!.name);
    const aliases = cnames.length > 0 ? ` ${bare(found.question[0]!.name)}` : '';
    for (const a of found.answer) if (a.type === 'A' || a.type === 'AAAA') out += `${a.address.padEnd(15)} ${canonical}${aliases}\n`;
  }
  return { stdout: out, stderr: '', exitCode: missing ? 2 : 0 };
}
