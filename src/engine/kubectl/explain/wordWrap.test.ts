import { describe, expect, it } from 'vitest';
import { indent, wrapString } from './wordWrap';

// Cases from github.com/mitchellh/go-wordwrap wordwrap_test.go (v1.0.1, the version kubectl 1.34 vendors).
describe('wrapString (go-wordwrap WrapString)', () => {
  const cases: [string, number, string][] = [
    ['foo', 4, 'foo'],
    ['foobarbaz', 4, 'foobarbaz'],
    ['foo bar baz', 4, 'foo\nbar\nbaz'],
    ['foo bars bazzes', 4, 'foo\nbars\nbazzes'],
    ['fo sop', 4, 'fo\nsop'],
    ['foo bar\u00a0baz', 10, 'foo\nbar\u00a0baz'],
    ['foo\nb\t r\n baz', 4, 'foo\nb\t r\n baz'],
    ['foo    \nb   ar   ', 4, 'foo\nb\nar'],
    ['foo bar baz\n', 4, 'foo\nbar\nbaz\n'],
    ['\nfoo bar\n\n\nbaz\n', 4, '\nfoo\nbar\n\n\nbaz\n'],
    [' This is a list: \n\n\t* foo\n\t* bar\n\n\n\t* baz  \nBAM    ', 6, ' This\nis a\nlist: \n\n\t* foo\n\t* bar\n\n\n\t* baz\nBAM'],
    ['\u2584 '.repeat(4), 4, '\u2584 \u2584\n' + '\u2584 '.repeat(2)],
  ];
  it.each(cases)('%j at %i', (input, lim, want) => {
    expect(wrapString(input, lim)).toBe(want);
  });

  it('indent pads every line, the empty last one too', () => {
    expect(indent(4, 'a\nb\n')).toBe('    a\n    b\n    ');
  });
});
