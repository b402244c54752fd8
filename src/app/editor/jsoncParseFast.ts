/**
 * jsonc-parser as monaco-yaml's worker uses it (src/build/yamlWorkerStandIns.ts points the worker's `jsonc-parser`
 * imports here), with a faster `parse`: the language service parses the whole Kubernetes schema
 * (~340 KB) with it before the first validation, and jsonc-parser's scanner in JavaScript takes
 * several times as long as the browser's JSON.parse. Text that is plain JSON gives the same value
 * either way (jsoncParseFast.test.ts checks it); anything else (comments, trailing commas, errors
 * to report) and `__proto__` keys, which JSON.parse keeps as own properties where jsonc-parser
 * assigns them, still go to jsonc-parser.
 */
import { parse as jsoncParse, type ParseError, type ParseOptions } from 'jsonc-parser';

export * from 'jsonc-parser';

export function parse(text: string, errors?: ParseError[], options?: ParseOptions): unknown {
  if (!text.includes('__proto__')) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      // Not plain JSON: jsonc-parser reads it and says what is wrong.
    }
  }
  return jsoncParse(text, errors, options);
}
