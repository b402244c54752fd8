import { flagList, RRTypeCode, rdataText } from '../message';
import type { DnsMessage, Edns, RRType } from '../message';
import { reverseName } from '../server/kubernetesRecords';
import { wireSize } from '../wireSize';
import { ctimeUtc, digQuestionLine, digRecordLine } from './presentation';
import { ask, bindCandidates, serversFor, timed, communicationsError } from './toolContext';
import type { DnsToolContext, ToolResult } from './toolContext';

/** The dig that Debian bookworm's dnsutils ships. */
export const DIG_VERSION = '9.18.33-1~deb12u2-Debian';

interface DigOptions {
  name?: string;
  type?: RRType;
  server?: string;
  short: boolean;
  search: boolean;
  cmd: boolean;
  comments: boolean;
  stats: boolean;
  question: boolean;
  answer: boolean;
  authority: boolean;
  additional: boolean;
  edns: boolean;
  cookie: boolean;
  recurse: boolean;
  tcp: boolean;
  tries: number;
}

function parseArgs(argv: string[]): DigOptions | string {
  const o: DigOptions = { short: false, search: false, cmd: true, comments: true, stats: true, question: true, answer: true, authority: true, additional: true, edns: true, cookie: true, recurse: true, tcp: false, tries: 3 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('@')) o.server = a.slice(1);
    else if (a === '-x') {
      const ip = argv[++i];
      if (!ip) return 'Invalid IP address';
      o.name = reverseName(ip);
      o.type ??= 'PTR';
    } else if (a === '-t' || a === '-q' || a === '-c' || a === '-p') {
      const v = argv[++i] ?? '';
      if (a === '-t') {
        if (!(v.toUpperCase() in RRTypeCode)) return `invalid type: ${v}`;
        o.type = v.toUpperCase() as RRType;
      } else if (a === '-q') o.name = v;
    } else if (a.startsWith('+')) {
      const err = plusOption(o, a.slice(1));
      if (err) return err;
    } else if (a.startsWith('-')) continue;
    else if (a.toUpperCase() in RRTypeCode && o.name !== undefined && o.type === undefined) o.type = a.toUpperCase() as RRType;
    else if (a.toUpperCase() === 'IN') continue;
    else if (a.toUpperCase() in RRTypeCode && o.name === undefined && o.type === undefined && argv.slice(i + 1).some((x) => !x.startsWith('+') && !x.startsWith('@'))) o.type = a.toUpperCase() as RRType;
    else o.name = a;
  }
  return o;
}

function plusOption(o: DigOptions, raw: string): string | undefined {
  const [flag = '', value] = raw.split('=');
  const on = !flag.startsWith('no');
  const name = on ? flag : flag.slice(2);
  const sections = ['question', 'answer', 'authority', 'additional'] as const;
  if (name === 'all') {
    for (const s of sections) o[s] = on;
    o.comments = on;
    o.stats = on;
    o.cmd = on;
  } else if ((sections as readonly string[]).includes(name)) o[name as (typeof sections)[number]] = on;
  else if (name === 'short') o.short = on;
  else if (name === 'search' || name === 'defname') o.search = on;
  else if (name === 'comments' || name === 'stats' || name === 'cmd' || name === 'edns' || name === 'cookie' || name === 'recurse' || name === 'tcp') o[name] = on;
  else if (name === 'vc') o.tcp = on;
  else if (name === 'tries' || name === 'retry') o.tries = Math.max(1, Number(value ?? 3) + (name === 'retry' ? 1 : 0));
  else if (['time', 'timeout', 'ttlid', 'class', 'cl', 'nssearch', 'trace', 'identify', 'multiline', 'dnssec', 'besteffort', 'ignore'].includes(name)) return undefined;
  else return `Invalid option: +${raw}`;
  return undefined;
}

/**
 * `dig` (BIND 9.18): the full sectioned output, `+short`, `+noall +answer`, `+search`, `-x`,
 * `@server`, `-t TYPE` or a bare type. Exit 0 on any reply (even NXDOMAIN), 9 when no server
 * answered, 1 on a usage error, as dig does.
 */
export const dig = timed((argv, ctx) => digImpl(argv, ctx), () => 5000);

function digImpl(argv: string[], ctx: DnsToolContext): ToolResult {
  const o = parseArgs(argv);
  if (typeof o === 'string') return { stdout: '', stderr: `${o}\n`, exitCode: 1 };
  const name = o.name ?? '.';
  const type = o.type ?? (o.name === undefined ? 'NS' : 'A');
  const servers = serversFor(ctx, o.server);
  const greeting = o.cmd && !o.short ? `\n; <<>> DiG ${DIG_VERSION} <<>> ${argv.join(' ')}\n${o.server ? '; (1 server found)\n' : ''};; global options: +cmd\n` : '';
  const edns: Edns | undefined = o.edns ? { udpSize: 1232, do: false, ...(o.cookie ? { cookie: hex(ctx, 8) } : {}) } : undefined;
  let reply: DnsMessage | undefined;
  let server = servers[0]!;
  for (const candidate of bindCandidates(name, ctx.resolvConf, o.search)) {
    const r = ask(ctx, servers, candidate, type, edns, o.tries);
    if ('failures' in r) {
      const errors = r.failures.map(communicationsError).join('');
      return { stdout: `${greeting}${errors}${greeting};; no servers could be reached\n`, stderr: '', exitCode: 9 };
    }
    reply = o.recurse ? r.reply : { ...r.reply, flags: { ...r.reply.flags, rd: false } };
    server = r.server;
    if (reply.rcode !== 'NXDOMAIN') break;
  }
  if (o.short) return { stdout: reply!.answer.map((rr) => `${rdataText(rr)}\n`).join(''), stderr: '', exitCode: 0 };
  return { stdout: greeting + render(reply!, o, ctx, server), stderr: '', exitCode: 0 };
}

function render(m: DnsMessage, o: DigOptions, ctx: DnsToolContext, server: string): string {
  let out = '';
  const additional = m.additional.length + (m.edns ? 1 : 0);
  if (o.comments) {
    out += ';; Got answer:\n';
    if (/(^|\.)local\.?$/i.test(m.question[0]?.name ?? '')) out += ';; WARNING: .local is reserved for Multicast DNS\n;; You are currently testing what happens when an mDNS query is leaked to DNS\n';
    out += `;; ->>HEADER<<- opcode: ${m.opcode}, status: ${m.rcode}, id: ${m.id}\n`;
    out += `;; flags: ${flagList(m.flags).join(' ')}; QUERY: ${m.question.length}, ANSWER: ${m.answer.length}, AUTHORITY: ${m.authority.length}, ADDITIONAL: ${additional}\n`;
    if (m.flags.rd && !m.flags.ra) out += ';; WARNING: recursion requested but not available\n';
    out += '\n';
    if (m.edns) {
      out += `;; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:${m.edns.do ? ' do' : ''}; udp: ${m.edns.udpSize}\n`;
      if (m.edns.cookie) out += `; COOKIE: ${m.edns.cookie}${m.edns.cookie.length > 16 ? ' (good)' : ' (echoed)'}\n`;
    }
  }
  if (o.question && o.comments) out += `;; QUESTION SECTION:\n${m.question.map((q) => `${digQuestionLine(q)}\n`).join('')}\n`;
  const sections: [boolean, string, DnsMessage['answer']][] = [
    [o.answer, 'ANSWER', m.answer],
    [o.authority, 'AUTHORITY', m.authority],
    [o.additional, 'ADDITIONAL', m.additional],
  ];
  for (const [shown, title, rrs] of sections) {
    if (!shown || rrs.length === 0) continue;
    const lines = rrs.map((r) => `${digRecordLine(r)}\n`).join('');
    out += o.comments ? `;; ${title} SECTION:\n${lines}\n` : lines;
  }
  if (o.stats) {
    const ms = m.flags.aa ? 0 : 1 + Math.floor(ctx.random() * 24);
    out += `;; Query time: ${ms} msec\n;; SERVER: ${server}#53(${server}) (${o.tcp ? 'TCP' : 'UDP'})\n;; WHEN: ${ctimeUtc(ctx.now)}\n;; MSG SIZE  rcvd: ${wireSize(m)}\n`;
  }
  if (o.comments && o.stats) out += '\n';
  return out;
}

function hex(ctx: DnsToolContext, bytes: number): string {
  let s = '';
  for (let i = 0; i < bytes; i++) s += Math.floor(ctx.random() * 256).toString(16).padStart(2, '0');
  return s;
}

