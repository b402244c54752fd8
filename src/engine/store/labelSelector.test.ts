import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labelSelectorAsSelector, matchesSelector, parseSelector, selectorFromSet, selectorToString } from './labelSelector';

describe('label selector matching (REFERENCE §7)', () => {
  const labels = { app: 'web', env: 'prod', empty: '' };
  it.each([
    ['app=web', true],
    ['app==web', true],
    ['app=api', false],
    ['app!=api', true],
    ['missing!=x', true],
    ['env in (prod,qa)', true],
    ['env in (qa)', false],
    ['env notin (qa)', true],
    ['missing notin (qa)', true],
    ['env notin (prod)', false],
    ['app', true],
    ['empty', true],
    ['missing', false],
    ['!missing', true],
    ['!app', false],
    ['app=web,env in (prod)', true],
    ['app=web,env in (qa)', false],
    ['', true],
  ])('%s → %s', (sel, expected) => {
    expect(matchesSelector(parseSelector(sel), labels)).toBe(expected);
  });

  it('nil selector matches nothing, empty matches everything', () => {
    expect(matchesSelector(labelSelectorAsSelector(undefined), labels)).toBe(false);
    expect(matchesSelector(labelSelectorAsSelector({}), labels)).toBe(true);
  });

  it('matchLabels and matchExpressions are ANDed', () => {
    const sel = labelSelectorAsSelector({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['qa'] }] });
    expect(matchesSelector(sel, labels)).toBe(true);
    expect(matchesSelector(sel, { app: 'web', env: 'qa' })).toBe(false);
  });
});

describe('canonical string form', () => {
  it('sorts requirements by key and set values', () => {
    expect(selectorToString(parseSelector('!legacy,env in (qa,prod),app=web'))).toBe('app=web,env in (prod,qa),!legacy');
  });
  it('renders a Service-style map sorted by key', () => {
    expect(selectorToString(selectorFromSet({ tier: 'fe', app: 'web' }))).toBe('app=web,tier=fe');
  });
});

describe('parse errors (apimachinery wording)', () => {
  it.each([
    ['app in', "unable to parse requirement: found '' expected: '('"],
    ['app in (a', "unable to parse requirement: found '', expected: ',' or ')'"],
    ['app=web,', "found '', expected: identifier after ','"],
    ['app=web x', "found 'x', expected: ',' or 'end of string'"],
    ['=web', "found '=', expected: !, identifier, or 'end of string'"],
    ['app (a)', "unable to parse requirement: found '(', expected: in, notin, =, ==, !=, gt, lt"],
  ])('%s', (input, message) => {
    expect(() => parseSelector(input)).toThrow(message);
  });
});

describe('properties', () => {
  const key = fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/);
  const value = fc.stringMatching(/^[a-z0-9]{0,4}$/);
  const labelSet = fc.dictionary(key, value, { maxKeys: 5 });

  it('an equality map selects exactly the label sets containing it', () => {
    fc.assert(
      fc.property(labelSet, labelSet, (sel, labels) => {
        const expected = Object.entries(sel).every(([k, v]) => Object.prototype.hasOwnProperty.call(labels, k) && labels[k] === v);
        expect(matchesSelector(selectorFromSet(sel), labels)).toBe(expected);
      }),
    );
  });

  it('in and notin are complements; = and != are complements', () => {
    fc.assert(
      fc.property(key, fc.array(fc.stringMatching(/^[a-z0-9]{1,4}$/), { minLength: 1, maxLength: 3 }), labelSet, (k, vals, labels) => {
        const set = vals.join(',');
        expect(matchesSelector(parseSelector(`${k} in (${set})`), labels)).toBe(!matchesSelector(parseSelector(`${k} notin (${set})`), labels));
        expect(matchesSelector(parseSelector(`${k}=${vals[0]}`), labels)).toBe(!matchesSelector(parseSelector(`${k}!=${vals[0]}`), labels));
        expect(matchesSelector(parseSelector(k), labels)).toBe(!matchesSelector(parseSelector(`!${k}`), labels));
      }),
    );
  });

  it('printing and re-parsing gives the same selector', () => {
    const req = fc.oneof(
      fc.tuple(key, value).map(([k, v]) => `${k}=${v}`),
      fc.tuple(key, value).map(([k, v]) => `${k}!=${v}`),
      fc.tuple(key, fc.array(fc.stringMatching(/^[a-z0-9]{1,4}$/), { minLength: 1, maxLength: 3 })).map(([k, v]) => `${k} in (${v.join(',')})`),
      key.map((k) => `!${k}`),
      key,
    );
    fc.assert(
      fc.property(fc.array(req, { minLength: 1, maxLength: 4 }), (reqs) => {
        const parsed = parseSelector(reqs.join(','));
        expect(parseSelector(selectorToString(parsed))).toEqual(parsed);
      }),
    );
  });
});
