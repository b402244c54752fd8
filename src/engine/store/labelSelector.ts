/**
 * Label selectors exactly as apimachinery `pkg/labels/selector.go` parses, matches and prints
 * them (REFERENCE §7), including its error messages.
 */
import type { LabelSelector as K8sLabelSelector } from 'kubernetes-types/meta/v1';
import { isQualifiedName, isValidLabelValue } from '../api/validation/names';

export type Operator = '=' | '==' | '!=' | 'in' | 'notin' | 'exists' | '!' | 'gt' | 'lt';

export interface Requirement {
  key: string;
  operator: Operator;
  values: string[];
}

/** AND of requirements; empty matches everything. `null` is the "nothing" selector. */
export type Selector = Requirement[];

export type Labels = Readonly<Record<string, string>> | undefined | null;

/** Parse failure; `message` is the text the real parser returns. */
export class SelectorParseError extends Error {}

const enum Tok {
  Error,
  End,
  ClosedPar,
  Comma,
  DoesNotExist,
  DoubleEquals,
  Equals,
  GreaterThan,
  Identifier,
  In,
  LessThan,
  NotEquals,
  NotIn,
  OpenPar,
}

const string2token: Record<string, Tok> = {
  ')': Tok.ClosedPar,
  ',': Tok.Comma,
  '!': Tok.DoesNotExist,
  '==': Tok.DoubleEquals,
  '=': Tok.Equals,
  '>': Tok.GreaterThan,
  in: Tok.In,
  '<': Tok.LessThan,
  '!=': Tok.NotEquals,
  notin: Tok.NotIn,
  '(': Tok.OpenPar,
};

const isWhitespace = (c: string): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const isSpecial = (c: string): boolean => '=!(),><'.includes(c);

function lex(s: string): [Tok, string][] {
  const out: [Tok, string][] = [];
  let pos = 0;
  for (;;) {
    while (pos < s.length && isWhitespace(s[pos]!)) pos++;
    if (pos >= s.length) {
      out.push([Tok.End, '']);
      return out;
    }
    if (isSpecial(s[pos]!)) {
      let buf = '';
      let last: [Tok, string] | undefined;
      while (pos < s.length && isSpecial(s[pos]!)) {
        buf += s[pos];
        const t = string2token[buf];
        if (t !== undefined) {
          last = [t, buf];
          pos++;
        } else if (last) break;
        else pos++;
      }
      out.push(last ?? [Tok.Error, `error expected: keyword found '${buf}'`]);
    } else {
      let buf = '';
      while (pos < s.length && !isSpecial(s[pos]!) && !isWhitespace(s[pos]!)) buf += s[pos++];
      out.push([string2token[buf] ?? Tok.Identifier, buf]);
    }
  }
}

const BINARY_OPERATORS = 'in, notin, =, ==, !=, gt, lt';

/** Parses the set-based grammar (`a=b,c in (x,y),!d`); throws {@link SelectorParseError}. */
export function parseSelector(input: string): Selector {
  const items = lex(input);
  let pos = 0;
  // In the "values" context the keywords in/notin are ordinary identifiers.
  const look = (values = true): [Tok, string] => {
    const [t, l] = items[pos]!;
    return [values && (t === Tok.In || t === Tok.NotIn) ? Tok.Identifier : t, l];
  };
  const consume = (values = true): [Tok, string] => {
    const r = look(values);
    pos++;
    return r;
  };
  const fail = (msg: string): never => {
    throw new SelectorParseError(msg);
  };

  const parseRequirement = (): Requirement => {
    let op: Operator | undefined;
    let [tok, key] = consume();
    if (tok === Tok.DoesNotExist) {
      op = '!';
      [tok, key] = consume();
    }
    if (tok !== Tok.Identifier) fail(`found '${key}', expected: identifier`);
    const keyErrs = isQualifiedName(key);
    if (keyErrs.length) fail(`Invalid value: ${JSON.stringify(key)}: ${keyErrs.join('; ')}`);
    const [next] = look();
    if (next === Tok.End || next === Tok.Comma) return newRequirement(key, op ?? 'exists', []);
    const [opTok, opLit] = consume(false);
    const opMap: Partial<Record<Tok, Operator>> = {
      [Tok.In]: 'in',
      [Tok.Equals]: '=',
      [Tok.DoubleEquals]: '==',
      [Tok.GreaterThan]: 'gt',
      [Tok.LessThan]: 'lt',
      [Tok.NotIn]: 'notin',
      [Tok.NotEquals]: '!=',
    };
    const operator = opMap[opTok] ?? fail(`found '${opLit}', expected: ${BINARY_OPERATORS}`);
    const values = operator === 'in' || operator === 'notin' ? parseValues() : parseExactValue();
    return newRequirement(key, operator, values);
  };

  const parseValues = (): string[] => {
    const [t, l] = consume();
    if (t !== Tok.OpenPar) fail(`found '${l}' expected: '('`);
    const [t2, l2] = look();
    if (t2 === Tok.ClosedPar) {
      consume();
      return [''];
    }
    if (t2 !== Tok.Identifier && t2 !== Tok.Comma) fail(`found '${l2}', expected: ',', ')' or identifier`);
    const set = new Set<string>();
    for (;;) {
      const [t3, l3] = consume();
      if (t3 === Tok.Identifier) {
        set.add(l3);
        const [t4, l4] = look();
        if (t4 === Tok.Comma) continue;
        if (t4 === Tok.ClosedPar) break;
        fail(`found '${l4}', expected: ',' or ')'`);
      } else if (t3 === Tok.Comma) {
        if (set.size === 0) set.add('');
        const [t4] = look();
        if (t4 === Tok.ClosedPar) {
          set.add('');
          break;
        }
        if (t4 === Tok.Comma) {
          consume();
          set.add('');
        }
      } else fail(`found '${l3}', expected: ',', or identifier`);
    }
    const [t5] = consume();
    if (t5 !== Tok.ClosedPar) fail(`found '${l2}', expected: ')'`);
    return [...set].sort();
  };

  const parseExactValue = (): string[] => {
    const [t] = look();
    if (t === Tok.End || t === Tok.Comma) return [''];
    const [t2, l2] = consume();
    if (t2 === Tok.Identifier) return [l2];
    return fail(`found '${l2}', expected: identifier`);
  };

  const reqs: Requirement[] = [];
  for (;;) {
    const [tok, lit] = look();
    if (tok === Tok.End) break;
    if (tok !== Tok.Identifier && tok !== Tok.DoesNotExist) fail(`found '${lit}', expected: !, identifier, or 'end of string'`);
    try {
      reqs.push(parseRequirement());
    } catch (e) {
      if (e instanceof SelectorParseError) throw new SelectorParseError(`unable to parse requirement: ${e.message}`);
      throw e;
    }
    const [t, l] = consume();
    if (t === Tok.End) break;
    if (t !== Tok.Comma) fail(`found '${l}', expected: ',' or 'end of string'`);
    const [t2, l2] = look();
    if (t2 !== Tok.Identifier && t2 !== Tok.DoesNotExist) fail(`found '${l2}', expected: identifier after ','`);
  }
  // Stable sort by key, as upstream does "to grant deterministic parsing".
  return reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function newRequirement(key: string, operator: Operator, values: string[]): Requirement {
  const errs: string[] = [];
  if ((operator === 'gt' || operator === 'lt') && values.some((v) => !/^[+-]?\d+$/.test(v)))
    errs.push(`values[0]: Invalid value: ${JSON.stringify(values[0])}: for 'Gt', 'Lt' operators, the value must be an integer`);
  values.forEach((v, i) => {
    const e = isValidLabelValue(v);
    if (e.length) errs.push(`values[${i}][${key}]: Invalid value: ${JSON.stringify(v)}: ${e.join('; ')}`);
  });
  if (errs.length) throw new SelectorParseError(errs.length === 1 ? errs[0]! : `[${errs.join(', ')}]`);
  return { key, operator, values };
}

function matchesRequirement(r: Requirement, labels: Labels): boolean {
  const has = !!labels && Object.prototype.hasOwnProperty.call(labels, r.key);
  const v = has ? labels![r.key]! : '';
  switch (r.operator) {
    case '=':
    case '==':
    case 'in':
      return has && r.values.includes(v);
    case '!=':
    case 'notin':
      return !has || !r.values.includes(v);
    case 'exists':
      return has;
    case '!':
      return !has;
    case 'gt':
    case 'lt': {
      if (!has || !/^[+-]?\d+$/.test(v)) return false;
      const a = Number(v);
      const b = Number(r.values[0]);
      return r.operator === 'gt' ? a > b : a < b;
    }
  }
}

/** True when every requirement matches; `null` (the nil selector) matches nothing. */
export function matchesSelector(sel: Selector | null, labels: Labels): boolean {
  if (sel === null) return false;
  for (const r of sel) if (!matchesRequirement(r, labels)) return false;
  return true;
}

function requirementString(r: Requirement): string {
  const vals = [...r.values].sort().join(',');
  switch (r.operator) {
    case 'exists':
      return r.key;
    case '!':
      return `!${r.key}`;
    case 'in':
      return `${r.key} in (${vals})`;
    case 'notin':
      return `${r.key} notin (${vals})`;
    case 'gt':
      return `${r.key}>${vals}`;
    case 'lt':
      return `${r.key}<${vals}`;
    default:
      return `${r.key}${r.operator}${vals}`;
  }
}

/** The canonical string form (`app=web,env in (prod,qa),!legacy`); empty selector → `''`. */
export function selectorToString(sel: Selector): string {
  return sel.map(requirementString).join(',');
}

/** A Service-style equality map as a selector (`spec.selector`). */
export function selectorFromSet(set: Readonly<Record<string, string>> | undefined): Selector {
  return Object.keys(set ?? {})
    .sort()
    .map((key) => ({ key, operator: '=' as Operator, values: [set![key]!] }));
}

/**
 * `LabelSelectorAsSelector`: matchLabels AND matchExpressions. Undefined (nil) → null, which
 * matches nothing; `{}` → everything.
 */
export function labelSelectorAsSelector(ls: K8sLabelSelector | undefined | null): Selector | null {
  if (!ls) return null;
  const reqs: Requirement[] = selectorFromSet(ls.matchLabels);
  for (const expr of ls.matchExpressions ?? []) {
    const opMap: Record<string, Operator> = { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!' };
    const op = opMap[expr.operator];
    if (!op) throw new SelectorParseError(`"${expr.operator}" is not a valid label selector operator`);
    reqs.push(newRequirement(expr.key, op, [...(expr.values ?? [])]));
  }
  return reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
