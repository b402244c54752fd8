/** Small constructors that keep generated rules readable, and the one class every rule is. */
import type { AddressMatch, L4Protocol, Match, Provenance, Rule, Target } from '../model';

export const comment = (text: string): Match => ({ kind: 'comment', comment: text });
export const proto = (protocol: L4Protocol, dport?: number): Match =>
  dport === undefined ? { kind: 'proto', protocol } : { kind: 'proto', protocol, dport };
export const jump = (chain: string): Target => ({ kind: 'jump', chain });

/** Host address as iptables stores it: a bare IP becomes `/32`. */
export const host = (ip: string): string => (ip.includes('/') ? ip : `${ip}/32`);

/**
 * Says what a rule is for, from the rule's own fields. One explainer serves every rule of its
 * kind (a SEP chain's DNAT rule, say), so 100,000 endpoints do not each carry three sentences
 * that a learner reads only for the hops of one trace.
 */
export interface Explainer {
  explain(rule: Rule): string;
}

/**
 * A rule as generation writes it. Every rule has the same fields in the same order (one hidden
 * class for the evaluator, no object grown field by field), and it is never changed once
 * written. Its explanation is a sentence or an {@link Explainer} read on demand; `toJSON` gives
 * the plain form with the explanation in its place, so the JSON is that of a plain object with
 * the sentence written out.
 */
export class GeneratedRule implements Rule {
  readonly #why: string | Explainer;

  constructor(
    public matches: Match[],
    public provenance: Provenance,
    why: string | Explainer,
    public src: AddressMatch | undefined,
    public dst: AddressMatch | undefined,
    public protocol: L4Protocol | undefined,
    public target: Target | undefined,
  ) {
    this.#why = why;
  }

  get explanation(): string {
    const why = this.#why;
    return typeof why === 'string' ? why : why.explain(this);
  }

  toJSON(): Rule {
    return { matches: this.matches, provenance: this.provenance, explanation: this.explanation, src: this.src, dst: this.dst, protocol: this.protocol, target: this.target };
  }
}

/** Rules are never changed once written, so rules with no matches share this list. */
export const NO_MATCHES = Object.freeze([]) as unknown as Match[];

export interface RuleParts {
  src?: string;
  notSrc?: string;
  dst?: string;
  notDst?: string;
  protocol?: L4Protocol;
  matches?: Match[];
  target?: Target;
}

export function rule(parts: RuleParts, provenance: Provenance, explanation: string | Explainer): Rule {
  const src = parts.notSrc ? { cidr: host(parts.notSrc), negate: true } : parts.src ? { cidr: host(parts.src) } : undefined;
  const dst = parts.notDst ? { cidr: host(parts.notDst), negate: true } : parts.dst ? { cidr: host(parts.dst) } : undefined;
  return new GeneratedRule(parts.matches ?? [], provenance, explanation, src, dst, parts.protocol || undefined, parts.target);
}
