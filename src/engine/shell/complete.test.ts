import { describe, expect, it } from 'vitest';
import { sessionWith } from './testing/transcript';

describe('complete', () => {
  const s = sessionWith({ 'web.yaml': '', 'web-svc.yaml': '', 'notes/a.txt': '', '.hidden': '' });

  it.each([
    ['kubect', 0, []],
    ['mkd', 0, ['mkdir ']],
    ['hea', 0, ['head ']],
    ['cat we', 4, ['web-svc.yaml', 'web.yaml']],
    ['cat web.', 4, ['web.yaml ']],
    ['cat no', 4, ['notes/']],
    ['cat notes/', 4, ['notes/a.txt ']],
    ['cat .h', 4, ['.hidden ']],
    ['ls | gr', 5, ['grep ']],
    ['cat ~/no', 4, ['~/notes/']],
  ])('%j completes from %i to %j', (line, from, candidates) => {
    expect(s.complete(line)).toEqual({ replaceFrom: from, candidates });
  });

  it('offers builtins too', () => {
    expect(s.complete('hist').candidates).toEqual(['history ']);
  });
});
