import { RRTypeCode } from '../message';
import type { DnsMessage, RRType, ResourceRecord } from '../message';
import { StubResolver } from '../resolver/StubResolver';
import { reverseName } from '../server/kubernetesRecords';
import { ask, bare, literalIP, ofType, serversFor, timed, libcTimeout } from './toolContext';
import type { DnsToolContext, ToolResult } from './toolContext';

/**
 * busybox 1.28 `nslookup` (the small applet the Kubernetes docs pin): resolves through libc,
 * so the search list and ndots apply, and prints every address with its reverse name.
 */
export const nslookupBusybox128 = timed((argv, ctx) => nslookupBusybox128Impl(argv, ctx), libcTimeout);

function nslookupBusybox128Impl(argv: string[], ctx: DnsToolContext): ToolResult {
  const [host, server] = argv.filter((a) => !a.startsWith('-'));
  if (!host || argv.some((a) => a.startsWith('-'))) return { stdout: '', stderr: BUSYBOX_128_USAGE, exitCode: 1 };
  const conf = server ? { ...ctx.resolvConf, nameservers: [server] } : ctx.resolvConf;
  const resolver = new StubResolver(conf, ctx.transport, Math.floor(ctx.random() * 65535) + 1);
  const serverIP = conf.nameservers[0] ?? '127.0.0.1';
  let stdout = `${'Server:'.padEnd(10)} ${serverIP}\n${addressLine(1, serverIP, resolver)}\n`;
  const ip = literalIP(host);
  const addresses = ip ? [ip] : resolver.resolve(host).addresses;
  if (addresses.length === 0) return { stdout, stderr: `nslookup: can't resolve '${host}'\n`, exitCode: 1 };
  stdout += `${'Name:'.padEnd(10)} ${host}\n`;
  addresses.forEach((a, i) => (stdout += addressLine(i + 1, a, resolver)));
  return { stdout, stderr: '', exitCode: 0 };
}

/** `Address N: IP [reverse-name]`: getnameinfo(NI_NAMEREQD) asks PTR and prints the name if any. */
function addressLine(n: number, ip: string, resolver: StubResolver): string {
  const ptr = resolver.query(reverseName(ip), 'PTR');
  const name = typeof ptr !== 'string' && ptr.rcode === 'NOERROR' ? ofType(ptr.answer, 'PTR')[0]?.target : undefined;
  return name ? `Address ${n}: ${ip} ${bare(name)}\n` : `Address ${n}: ${ip}\n`;
}

const BUSYBOX_128_USAGE = `BusyBox v1.28.4 (2018-05-22 17:00:17 UTC) multi-call binary.

Usage: nslookup [HOST] [SERVER]

Query the nameserver for the IP address of the given HOST
optionally using a specified DNS server
`;

/** One answer record as busybox ≥1.29's parse_reply prints it (SRV and others print nothing). */
function busyboxRecord(rr: ResourceRecord): string {
  const owner = bare(rr.name);
  switch (rr.type) {
    case 'A':
    case 'AAAA':
      return `Name:\t${owner}\nAddress: ${rr.address}\n`;
    case 'NS':
      return `${owner}\tnameserver = ${bare(rr.target)}\n`;
    case 'CNAME':
      return `${owner}\tcanonical name = ${bare(rr.target)}\n`;
    case 'PTR':
      return `${owner}\tname = ${bare(rr.target)}\n`;
    case 'TXT':
      return rr.text[0] ? `${owner}\ttext = "${rr.text[0]}"\n` : '';
    case 'SRV':
      return `${owner}\tservice = ${rr.priority} ${rr.weight} ${rr.port} ${bare(rr.target)}\n`;
    case 'SOA':
      return `${owner}\n\torigin = ${bare(rr.mname)}\n\tmail addr = ${bare(rr.rname)}\n\tserial = ${rr.serial}\n\trefresh = ${rr.refresh}\n\tretry = ${rr.retry}\n\texpire = ${rr.expire}\n\tminimum = ${rr.minimum}\n`;
  }
}

/**
 * busybox 1.36 `nslookup` (the `busybox:latest` trap): its own DNS client, A+AAAA by default,
 * search domains appended only to names without a dot (no ndots, no bare-name fallback), one
 * result block per query, and exit code 0 unless no server answered.
 */
export const nslookupBusybox136 = timed((argv, ctx) => nslookupBusybox136Impl(argv, ctx), () => 5000, true, true);

function nslookupBusybox136Impl(argv: string[], ctx: DnsToolContext): ToolResult {
  const types: RRType[] = [];
  let i = 0;
  for (; i < argv.length && argv[i]!.startsWith('-'); i++) {
    const m = /^-(type|querytype)=(.*)$/.exec(argv[i]!);
    if (!m) continue;
    const t = m[2]!.toUpperCase();
    if (!(t in RRTypeCode)) return { stdout: '', stderr: `nslookup: invalid query type "${m[2]}"\n`, exitCode: 1 };
    if (!types.includes(t as RRType)) types.push(t as RRType);
  }
  const [host, server] = argv.slice(i);
  if (!host) return { stdout: '', stderr: 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n\nQUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any\n', exitCode: 1 };
  const queries: { name: string; type: RRType }[] = [];
  const ip = literalIP(host);
  const withSearch = (type: RRType) => {
    if (type === 'PTR' || ctx.resolvConf.search.length === 0 || host.includes('.')) queries.push({ name: host, type });
    else for (const d of ctx.resolvConf.search) queries.push({ name: `${host}.${d}`, type });
  };
  if (types.length === 0) {
    if (ip) queries.push({ name: bare(reverseName(ip)), type: 'PTR' });
    else {
      withSearch('A');
      withSearch('AAAA');
    }
  } else for (const t of ORDER.filter((x) => types.includes(x))) withSearch(t);
  let stderr = '';
  for (const s of serversFor(ctx, server)) {
    const replies: DnsMessage[] = [];
    let refused = false;
    for (const q of queries) {
      const r = ask(ctx, [s], q.name, q.type, undefined, 1);
      if ('reply' in r) replies.push(r.reply);
      else {
        refused ||= r.failures.some((f) => f.error === 'refused');
        replies.push(undefined as unknown as DnsMessage);
      }
    }
    // send_queries reads a connected socket: an ICMP error makes read() fail (perror "read") once
    // per round of sends, and it keeps waiting; default_retry = 2 rounds in the 5 s timeout.
    if (refused && replies.every((r) => r === undefined)) stderr += 'nslookup: read: Connection refused\n'.repeat(2);
    if (replies.every((r) => r === undefined)) continue;
    let stdout = `Server:\t\t${s}\nAddress:\t${s}:53\n\n`;
    const unanswered: string[] = [];
    replies.forEach((reply, k) => {
      const q = queries[k]!;
      if (!reply) return unanswered.push(q.name);
      if (reply.rcode !== 'NOERROR') stdout += `** server can't find ${q.name}: ${reply.rcode}\n`;
      else stdout += (reply.flags.aa ? '' : 'Non-authoritative answer:\n') + reply.answer.map(busyboxRecord).join('');
      stdout += '\n';
    });
    for (const n of unanswered) stdout += `*** Can't find ${n}: No answer\n`;
    if (unanswered.length > 0) stdout += '\n';
    return { stdout, stderr, exitCode: 0 };
  }
  return { stdout: ';; connection timed out; no servers could be reached\n\n', stderr, exitCode: 1 };
}

/** busybox's qtypes[] order: explicit types are queried in this order, not argv order. */
const ORDER: RRType[] = ['SOA', 'NS', 'A', 'AAAA', 'CNAME', 'TXT', 'PTR', 'SRV', 'ANY'];
