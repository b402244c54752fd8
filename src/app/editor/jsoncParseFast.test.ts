import fc from 'fast-check';
import { parse as jsoncParse, type ParseError } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { K8S_SCHEMA_TEXT } from './k8sSchema.generated';
import { parse } from './jsoncParseFast';

/** Both parsers on one text: the value and the errors reported. */
function both(text: string, options?: Parameters<typeof jsoncParse>[2]) {
  const fastErrors: ParseError[] = [];
  const slowErrors: ParseError[] = [];
  return {
    fast: { value: parse(text, fastErrors, options), errors: fastErrors },
    slow: { value: jsoncParse(text, slowErrors, options), errors: slowErrors },
  };
}

describe('jsoncParseFast.parse', () => {
  it('gives what jsonc-parser gives for any JSON value, however it is spaced', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 0, 2, '\t'), (value, space) => {
        const { fast, slow } = both(JSON.stringify(value, null, space));
        expect(fast).toStrictEqual(slow);
      }),
      { numRuns: 500 },
    );
  });

  it('gives what jsonc-parser gives for text that is not plain JSON (comments, trailing commas, junk)', () => {
    const jsoncish = fc.oneof(
      fc.string(),
      fc.jsonValue().map((v) => `// note\n${JSON.stringify(v)}`),
      fc.jsonValue().map((v) => `[${JSON.stringify(v)},]`),
      fc.jsonValue().map((v) => `{"a": ${JSON.stringify(v)}, /* c */ "b": 1,}`),
    );
    fc.assert(
      fc.property(jsoncish, fc.boolean(), (text, allowTrailingComma) => {
        const { fast, slow } = both(text, { allowTrailingComma });
        expect(fast).toStrictEqual(slow);
      }),
      { numRuns: 500 },
    );
  });

  it('leaves __proto__ keys to jsonc-parser', () => {
    const { fast, slow } = both('{"__proto__": {"polluted": true}, "a": 1}');
    expect(fast).toStrictEqual(slow);
  });

  it('parses the Kubernetes schema the worker serves to the same object', () => {
    const { fast, slow } = both(K8S_SCHEMA_TEXT);
    expect(fast).toStrictEqual(slow);
    expect(fast.errors).toEqual([]);
  });
});
