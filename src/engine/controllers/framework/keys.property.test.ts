import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepClone, deepFreeze } from '../../store/json';
import { keyOf } from './keys';

describe('keyOf (property)', () => {
  it('gives a stored (frozen) object the key its plain copy gets, however often it is asked', () => {
    const meta = fc.record(
      {
        namespace: fc.option(fc.constantFrom('', 'default', 'kube-system'), { nil: undefined }),
        name: fc.option(fc.constantFrom('a', 'web-1'), { nil: undefined }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(meta, (m) => {
        const plain = { metadata: deepClone(m) };
        const stored = deepFreeze({ metadata: deepClone(m) });
        const expected = m.namespace ? `${m.namespace}/${m.name ?? ''}` : (m.name ?? '');
        expect(keyOf(plain)).toBe(expected);
        expect(keyOf(stored)).toBe(expected);
        expect(keyOf(stored)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});
