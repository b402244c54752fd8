import { fqdn, rdataText, RRTypeCode } from '../message';
import type { DnsMessage, RRType, ResourceRecord } from '../message';
import { reverseName } from '../server/kubernetesRecords';
import { ask, bare, bindCandidates, communicationsError, deafToIcmp, literalIP, serversFor, timed } from './toolContext';
import type { DnsTool, DnsToolContext, FailedTry, ToolResult } from './toolContext';

/** One record as bind's nslookup prints it (bin/dig/nslookup.c printsection). */
function nslookupRecord(rr: ResourceRecord): string {
  const owner = bare(rr.name);
  switch (rr.type) {
    case 'A':
    case 'AAAA':
      return `Name:\t${owner}\nAddress: ${rr.address}\n`;
    case 'CNAME':
      return `${owner}\tcanonical name = ${rr.target}\n`;
    case 'PTR':
      return `${owner}\tname = ${rr.target}\n`;
    case 'NS':
      return `${owner}\tnameserver = ${rr.target}\n`;
    case 'SRV':
      return `${owner}\tservice = ${rdataText(rr)}\n`;
    case 'TXT':
      return `${owner}\ttext = ${rdataText(rr)}\n`;
    case 'SOA':
      return `${owner}\n\torigin = ${rr.mname}\n\tmail addr = ${rr.rname}\n\tserial = ${rr.serial}\n\trefresh = ${rr.refresh}\n\tretry = ${rr.retry}\n\texpire = ${rr.expire}\n\tminimum = ${rr.minimum}\n`;
  }
}

type Lookup = { kind: 'reply'; reply: DnsMessage; server: string } | { kind: 'failed'; failures: FailedTry[] };

/** Which nslookup: the dnsutils test image's (seed 002) or BIND 9.18's, which warns about `ra`. */
interface Flavour {
  /** BIND ≥9.16 prints `;; Got recursion not available from S` for every reply without `ra`. */
  raWarnings: boolean;
  /**
   * BIND ≥9.16 (netmgr, connected UDP sockets) reports every failed try as
   * `;; communications error to S#53: timed out|connection refused` and ends with
   * `;; no servers could be reached`; older builds print one `connection timed out` summary.
   */
  commErrors: boolean;
  /** Tries per server: dighost.c's default 3 in 9.18; the old build follows resolv.conf attempts. */
  tries?: number;
}

/**
 * One lookup with bind's search behaviour: only NXDOMAIN moves on to the next candidate.
 * `note` receives the lines BIND 9.18 prints as each reply arrives.
 */
function lookup(ctx: DnsToolContext, servers: string[], name: string, type: RRType, search: boolean, flavour: Flavour, note: (line: string) => void): Lookup {
  let last: Lookup = { kind: 'failed', failures: [] };
  for (const candidate of bindCandidates(name, ctx.resolvConf, search)) {
    const r = ask(ctx, servers, candidate, type, undefined, flavour.tries);
    if ('failures' in r) return { kind: 'failed', failures: r.failures };
    if (flavour.raWarnings && r.reply.flags.rd && !r.reply.flags.ra) note(`;; Got recursion not available from ${r.server}\n`);
    if (flavour.raWarnings && r.reply.rcode === 'SERVFAIL') note(`;; Got SERVFAIL reply from ${r.server}\n`);
    last = { kind: 'reply', ...r };
    if (r.reply.rcode !== 'NXDOMAIN') return last;
  }
  return last;
}

/**
 * bind9 `nslookup` as shipped in dnsutils images: `nslookup [-type=T] NAME [SERVER]`. Searches the
 * resolv.conf list, does A then AAAA by default, prints the tab-separated format and exits 1 when
 * the name cannot be resolved.
 */
export const nslookupBind: DnsTool = (argv, ctx) => nslookupBindOld(argv, deafToIcmp(ctx));
const nslookupBindOld = timed((argv, ctx) => nslookupBindImpl(argv, ctx, { raWarnings: false, commErrors: false }), () => 5000);

/**
 * BIND 9.18's `nslookup` (Debian bookworm `dnsutils`, netshoot): the same output plus a
 * `;; Got recursion not available from 10.96.0.10` line, on stdout, for every CoreDNS reply.
 */
export const nslookupBind918 = timed((argv, ctx) => nslookupBindImpl(argv, ctx, { raWarnings: true, commErrors: true, tries: 3 }), () => 5000);

function nslookupBindImpl(argv: string[], ctx: DnsToolContext, flavour: Flavour): ToolResult {
  let type: RRType | undefined;
  const positional: string[] = [];
  for (const a of argv) {
    const m = /^-(?:type|querytype|query|q|ty)=(.+)$/i.exec(a);
    if (m) {
      const t = m[1]!.toUpperCase();
      if (!(t in RRTypeCode)) return { stdout: '', stderr: `unknown query type: ${m[1]}\n`, exitCode: 1 };
      type = t as RRType;
    } else if (!a.startsWith('-')) positional.push(a);
  }
  const [target, server] = positional;
  if (!target) return { stdout: '', stderr: '', exitCode: 1 };
  const servers = serversFor(ctx, server);
  const ip = literalIP(target);
  const plan: { name: string; type: RRType; search: boolean }[] = ip
    ? [{ name: reverseName(ip), type: type ?? 'PTR', search: false }]
    : type
      ? [{ name: target, type, search: true }]
      : [
          { name: target, type: 'A', search: true },
          { name: target, type: 'AAAA', search: true },
        ];
  const defaultLookups = !ip && !type;
  let out = '';
  let header = false;
  let failed = false;
  let aNoAnswer = false;
  for (const step of plan) {
    const r = lookup(ctx, servers, step.name, step.type, step.search, flavour, (line) => (out += line));
    if (r.kind === 'failed') {
      if (flavour.commErrors) return { stdout: `${out}${r.failures.map(communicationsError).join('')};; no servers could be reached\n\n`, stderr: '', exitCode: 1 };
      return { stdout: `${out};; connection timed out; no servers could be reached\n\n`, stderr: '', exitCode: 1 };
    }
    if (!header) {
      out += `Server:\t\t${r.server}\nAddress:\t${r.server}#53\n\n`;
      header = true;
    }
    const msg = r.reply;
    if (msg.rcode !== 'NOERROR') {
      failed = true;
      const shown = msg.rcode === 'NXDOMAIN' ? (ip ? bare(fqdn(step.name)) : target) : bare(msg.question[0]!.name);
      out += `** server can't find ${shown}: ${msg.rcode}\n`;
      break;
    }
    if ((!defaultLookups || step.type === 'A') && !msg.flags.aa) out += 'Non-authoritative answer:\n';
    if (msg.answer.length > 0) out += msg.answer.map(nslookupRecord).join('');
    else if (defaultLookups && step.type === 'A') aNoAnswer = true;
    else if (!defaultLookups || aNoAnswer) {
      out += `*** Can't find ${target}: No answer\n`;
      failed = true;
    }
    if (!defaultLookups && !msg.flags.aa && step.type !== 'A') {
      out += '\nAuthoritative answers can be found from:\n';
      out += [...msg.authority, ...msg.additional].map(nslookupRecord).join('');
    }
  }
  return { stdout: `${out}\n`, stderr: '', exitCode: failed ? 1 : 0 };
}
