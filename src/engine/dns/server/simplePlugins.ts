import type { HostsEntry, RewriteRule } from '../corefile/serverConfig';
import { cloneMessage, makeReply } from '../message';
import type { DnsMessage, ResourceRecord } from '../message';
import { addressFromReverse, isIP } from './kubernetesRecords';
import { isSubdomain } from './kubernetesPlugin';

/**
 * `loadbalance` (round_robin): CNAMEs first, then other records, then the shuffled address
 * records, as CoreDNS's roundRobin orders each section. Randomness comes from the seeded Rng.
 */
export function loadBalance(m: DnsMessage, random: () => number): void {
  m.answer = roundRobin(m.answer, random);
  m.authority = roundRobin(m.authority, random);
  m.additional = roundRobin(m.additional, random);
}

function roundRobin(rrs: ResourceRecord[], random: () => number): ResourceRecord[] {
  // One record (the usual ClusterIP answer) or none: nothing to reorder, and no random draw.
  if (rrs.length <= 1) return rrs;
  const cname = rrs.filter((r) => r.type === 'CNAME');
  const address = rrs.filter((r) => r.type === 'A' || r.type === 'AAAA');
  const rest = rrs.filter((r) => r.type !== 'CNAME' && r.type !== 'A' && r.type !== 'AAAA');
  for (let j = 0; j < address.length - 1; j++) {
    const p = j + Math.floor(random() * (address.length - j));
    [address[j], address[p]] = [address[p]!, address[j]!];
  }
  return [...cname, ...rest, ...address];
}

/** The query the rest of the chain sees after `rewrite name`, and how to undo it on the reply. */
export function applyRewrite(rules: readonly RewriteRule[], query: DnsMessage): { query: DnsMessage; restore: (r: DnsMessage) => DnsMessage } {
  const q = query.question[0];
  if (!q || rules.length === 0) return { query, restore: unchanged };
  for (const rule of rules) {
    const to = rewriteName(rule, q.name.toLowerCase());
    if (to === undefined) continue;
    const rewritten = cloneMessage(query);
    rewritten.question[0]!.name = to;
    return {
      query: rewritten,
      restore: (r) => {
        const out = cloneMessage(r);
        out.question = query.question.map((x) => ({ ...x }));
        if (rule.answerAuto) for (const rr of out.answer) if (rr.name.toLowerCase() === to) rr.name = q.name;
        return out;
      },
    };
  }
  return { query, restore: unchanged };
}

const unchanged = (r: DnsMessage): DnsMessage => r;

function rewriteName(rule: RewriteRule, name: string): string | undefined {
  switch (rule.kind) {
    case 'exact':
      return name === rule.from ? rule.to : undefined;
    case 'prefix':
      return name.startsWith(rule.from) ? rule.to + name.slice(rule.from.length) : undefined;
    case 'suffix':
      return name.endsWith(rule.from) ? name.slice(0, name.length - rule.from.length) + rule.to : undefined;
    case 'substring':
      return name.includes(rule.from) ? name.replace(rule.from, rule.to) : undefined;
    case 'regex': {
      const re = new RegExp(rule.from);
      return re.test(name) ? name.replace(re, rule.to.replace(/\{(\d)\}/g, '$$$1')) : undefined;
    }
  }
}

/**
 * `hosts`: inline entries answer A/AAAA/PTR authoritatively. A name it does not know is
 * passed on with `fallthrough`, else SERVFAIL (hosts has no SOA to build an NXDOMAIN with).
 */
export function answerFromHosts(h: { entries: HostsEntry[]; fallthrough: string[]; ttl: number }, query: DnsMessage): DnsMessage | undefined {
  const q = query.question[0]!;
  const name = q.name.toLowerCase();
  const reply = makeReply(query);
  reply.flags.aa = true;
  const known = h.entries.filter((e) => e.names.includes(name));
  if (q.type === 'PTR') {
    const ip = addressFromReverse(name);
    for (const e of h.entries) if (e.ip === ip) for (const n of e.names) reply.answer.push({ name: q.name, ttl: h.ttl, class: 'IN', type: 'PTR', target: n });
  } else {
    for (const e of known) {
      if (!isIP(e.ip)) continue;
      if (q.type === 'A' && e.ip.includes('.')) reply.answer.push({ name: q.name, ttl: h.ttl, class: 'IN', type: 'A', address: e.ip });
      if (q.type === 'AAAA' && e.ip.includes(':')) reply.answer.push({ name: q.name, ttl: h.ttl, class: 'IN', type: 'AAAA', address: e.ip });
    }
  }
  if (reply.answer.length > 0) return reply;
  if (h.fallthrough.some((z) => isSubdomain(name, z))) return undefined;
  if (known.length > 0) return reply;
  return makeReply(query, 'SERVFAIL');
}
