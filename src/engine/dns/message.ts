/**
 * The DNS message model shared by CoreDNS, the stub resolver and the tools: plain JSON data,
 * so a message can be recorded in a packet trace or sent to the UI as is.
 */

/** Record types we simulate, with their wire codes (RFC 1035, 2782, 3596). */
export const RRTypeCode = { A: 1, NS: 2, CNAME: 5, SOA: 6, PTR: 12, TXT: 16, AAAA: 28, SRV: 33, ANY: 255 } as const;
export type RRType = keyof typeof RRTypeCode;

/** Response codes, named as dig and CoreDNS's log print them. */
export const Rcode = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5 } as const;
export type Rcode = keyof typeof Rcode;

export interface Question {
  /** Fully qualified, as sent (case preserved: DNS compares case-insensitively but echoes). */
  name: string;
  type: RRType;
  class: 'IN';
}

/** Record data, discriminated by `type`. Names inside rdata are fully qualified. */
export type RData =
  | { type: 'A'; address: string }
  | { type: 'AAAA'; address: string }
  | { type: 'CNAME'; target: string }
  | { type: 'PTR'; target: string }
  | { type: 'NS'; target: string }
  | { type: 'TXT'; text: string[] }
  | { type: 'SRV'; priority: number; weight: number; port: number; target: string }
  | { type: 'SOA'; mname: string; rname: string; serial: number; refresh: number; retry: number; expire: number; minimum: number };

export type ResourceRecord = { name: string; ttl: number; class: 'IN' } & RData;

export interface MessageFlags {
  qr: boolean;
  aa: boolean;
  tc: boolean;
  rd: boolean;
  ra: boolean;
  ad: boolean;
  cd: boolean;
}

/** EDNS0 (OPT pseudo-record) as far as the tools show it. */
export interface Edns {
  udpSize: number;
  do: boolean;
  /** RFC 7873 cookie as hex (client part, plus server part when a server adds one). */
  cookie?: string;
}

export interface DnsMessage {
  id: number;
  opcode: 'QUERY';
  rcode: Rcode;
  flags: MessageFlags;
  question: Question[];
  answer: ResourceRecord[];
  authority: ResourceRecord[];
  additional: ResourceRecord[];
  edns?: Edns;
}

/** Adds the trailing dot if missing; DNS names inside the engine are always fully qualified. */
export function fqdn(name: string): string {
  return endsWithDot(name) ? name : `${name}.`;
}

/**
 * `name.endsWith('.')` as one character read: every query passes here, and the endsWith builtin
 * costs about ten times as many instructions (measured under valgrind).
 */
export function endsWithDot(name: string): boolean {
  return name.charCodeAt(name.length - 1) === 46;
}

/** Builds a query as a stub resolver or dig would send it (rd set). */
export function makeQuery(id: number, name: string, type: RRType, edns?: Edns): DnsMessage {
  const m: DnsMessage = {
    id,
    opcode: 'QUERY',
    rcode: 'NOERROR',
    flags: { qr: false, aa: false, tc: false, rd: true, ra: false, ad: false, cd: false },
    question: [{ name: fqdn(name), type, class: 'IN' }],
    answer: [],
    authority: [],
    additional: [],
  };
  // Assigned, not spread: every query of a lookup passes here, and a conditional spread allocates.
  if (edns) m.edns = edns;
  return m;
}

/**
 * The reply skeleton for `query`: same id, question and rd; EDNS echoed when the client used it.
 * `sections` become the reply's own (not copied), for a server that has built them already.
 */
export function makeReply(query: DnsMessage, rcode: Rcode = 'NOERROR', sections?: Pick<DnsMessage, 'answer' | 'authority' | 'additional'>): DnsMessage {
  const m: DnsMessage = {
    id: query.id,
    opcode: 'QUERY',
    rcode,
    flags: { qr: true, aa: false, tc: false, rd: query.flags.rd, ra: false, ad: false, cd: query.flags.cd },
    question: copyQuestions(query.question),
    answer: sections ? sections.answer : [],
    authority: sections ? sections.authority : [],
    additional: sections ? sections.additional : [],
  };
  // CoreDNS reuses the client's OPT record, keeping supported options such as the cookie.
  if (query.edns) m.edns = { ...query.edns };
  return m;
}

/** Copies of the questions, in an array of exactly their number (a query has one). */
export function copyQuestions(qs: readonly Question[]): Question[] {
  const q = qs[0];
  if (qs.length === 1 && q) return [{ name: q.name, type: q.type, class: q.class }];
  return qs.map((x) => ({ name: x.name, type: x.type, class: x.class }));
}

/**
 * `list.push(item)` for the short lists a query builds (records, backend services, replies):
 * an empty or one-element list is replaced by an array of exactly the new length, because V8
 * grows a pushed-to small array to 17 slots and these lists nearly always end with one or two.
 * Use as `list = appendTo(list, item)`.
 */
export function appendTo<T>(list: T[], item: T): T[] {
  if (list.length === 0) return [item];
  if (list.length === 1) return [list[0]!, item];
  list.push(item);
  return list;
}

/** Flag names in the order dig and CoreDNS's `{>rflags}` print them. */
export function flagList(flags: MessageFlags): string[] {
  const order: (keyof MessageFlags)[] = ['qr', 'aa', 'tc', 'rd', 'ra', 'ad', 'cd'];
  return order.filter((f) => flags[f]);
}

/** The rdata in presentation format, as miekg/dns and dig print it. */
export function rdataText(rr: RData): string {
  switch (rr.type) {
    case 'A':
    case 'AAAA':
      return rr.address;
    case 'CNAME':
    case 'PTR':
    case 'NS':
      return rr.target;
    case 'TXT':
      return rr.text.map((t) => `"${t.replace(/(["\\])/g, '\\$1')}"`).join(' ');
    case 'SRV':
      return `${rr.priority} ${rr.weight} ${rr.port} ${rr.target}`;
    case 'SOA':
      return `${rr.mname} ${rr.rname} ${rr.serial} ${rr.refresh} ${rr.retry} ${rr.expire} ${rr.minimum}`;
  }
}

/** A deep copy, so cached or shuffled answers never share arrays with the caller's copy. */
export function cloneMessage(m: DnsMessage): DnsMessage {
  return {
    ...m,
    flags: { ...m.flags },
    question: m.question.map((q) => ({ ...q })),
    answer: m.answer.map((r) => cloneRR(r)),
    authority: m.authority.map((r) => cloneRR(r)),
    additional: m.additional.map((r) => cloneRR(r)),
    ...(m.edns ? { edns: { ...m.edns } } : {}),
  };
}

function cloneRR(r: ResourceRecord): ResourceRecord {
  return r.type === 'TXT' ? { ...r, text: [...r.text] } : { ...r };
}
