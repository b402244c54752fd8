import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepClone, deepEqual, deepEqualExcept, deepFreeze, shareUnchanged } from './json';

/** The deepEqual before it stopped allocating: the reference the fast one must agree with. */
function referenceEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => referenceEqual(v, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  return [...new Set([...Object.keys(ao), ...Object.keys(bo)])].every((k) => referenceEqual(ao[k], bo[k]));
}

// Small alphabets so that equal and nearly-equal trees are common; undefined members included.
const leaf = fc.oneof(fc.constantFrom('a', 'b'), fc.integer({ min: 0, max: 2 }), fc.boolean(), fc.constant(null), fc.constant(undefined));
const { tree } = fc.letrec((t) => ({
  tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, fc.array(t('tree'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('x', 'y', 'z'), t('tree'), { maxKeys: 3 })),
}));
const objectTree = fc.dictionary(fc.constantFrom('metadata', 'spec', 'status'), tree, { maxKeys: 3 });

/** Every object reachable from `v`. */
function objectsOf(v: unknown, out = new Set<object>()): Set<object> {
  if (v !== null && typeof v === 'object') {
    out.add(v);
    for (const x of Object.values(v)) objectsOf(x, out);
  }
  return out;
}

describe('json helpers (property)', () => {
  it('deepEqual agrees with the allocating reference, undefined members counting as absent', () => {
    fc.assert(fc.property(tree, tree, (a, b) => deepEqual(a, b) === referenceEqual(a, b) && deepEqual(a, deepClone(a))), { numRuns: 2000 });
  });

  it('deepEqualExcept is deepEqual of copies without the skipped member', () => {
    const obj = fc.dictionary(fc.constantFrom('x', 'y', 'z'), tree, { maxKeys: 3 });
    fc.assert(
      fc.property(obj, obj, fc.constantFrom('x', 'y'), (a, b, skip) => deepEqualExcept(a, b, skip) === deepEqual({ ...a, [skip]: undefined }, { ...b, [skip]: undefined }) && deepEqualExcept(a, { ...a }, skip)),
      { numRuns: 2000 },
    );
  });

  it('deepFreeze freezes every object of a tree, also under a part that was frozen already', () => {
    fc.assert(
      fc.property(objectTree, objectTree, (a, b) => {
        const shared = deepFreeze(deepClone(b));
        const tree = { ...deepClone(a), shared, list: [deepClone(a), shared] };
        deepFreeze(tree);
        for (const o of objectsOf(tree)) expect(Object.isFrozen(o)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('shareUnchanged says what deepEqual says, keeps the content, and shares only equal subtrees of prev', () => {
    fc.assert(
      fc.property(objectTree, objectTree, fc.boolean(), (prevRaw, nextRaw, derive) => {
        const prev = deepFreeze(deepClone(prevRaw));
        // Half the cases start from prev itself (how writes look: a copy with a few changes).
        const next = derive ? { ...deepClone(prevRaw), ...deepClone(nextRaw) } : deepClone(nextRaw);
        const before = deepClone(next);
        const meta = next.metadata;
        const same = shareUnchanged(next, prev, 'metadata');
        expect(same).toBe(deepEqual(before, prev));
        expect(deepEqual(next, before)).toBe(true);
        // metadata stays next's own object; anything frozen in next came from prev.
        expect(next.metadata).toBe(meta);
        const fromPrev = objectsOf(prev);
        for (const o of objectsOf(next)) if (Object.isFrozen(o)) expect(fromPrev.has(o)).toBe(true);
        // Members of the top level that are equal to prev's are prev's own (so compare by reference).
        for (const k of ['spec', 'status'] as const) {
          const v = next[k];
          if (v !== null && typeof v === 'object' && deepEqual(v, prev[k])) expect(v).toBe(prev[k]);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
