/** Small constructors that keep generated rules readable. */
import type { L4Protocol, Match, Provenance, Rule, Target } from '../model';

export const comment = (text: string): Match => ({ kind: 'comment', comment: text });
export const proto = (protocol: L4Protocol, dport?: number): Match =>
  dport === undefined ? { kind: 'proto', protocol } : { kind: 'proto', protocol, dport };
export const jump = (chain: string): Target => ({ kind: 'jump', chain });

/** Host address as iptables stores it: a bare IP becomes `/32`. */
export const host = (ip: string): string => (ip.includes('/') ? ip : `${ip}/32`);

export interface RuleParts {
  src?: string;
  notSrc?: string;
  dst?: string;
  notDst?: string;
  protocol?: L4Protocol;
  matches?: Match[];
  target?: Target;
}

export function rule(parts: RuleParts, provenance: Provenance, explanation: string): Rule {
  const r: Rule = { matches: parts.matches ?? [], provenance, explanation };
  if (parts.src) r.src = { cidr: host(parts.src) };
  if (parts.notSrc) r.src = { cidr: host(parts.notSrc), negate: true };
  if (parts.dst) r.dst = { cidr: host(parts.dst) };
  if (parts.notDst) r.dst = { cidr: host(parts.notDst), negate: true };
  if (parts.protocol) r.protocol = parts.protocol;
  if (parts.target) r.target = parts.target;
  return r;
}
