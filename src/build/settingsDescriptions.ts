/**
 * VS Code's settings and colour-theme editors show a description for every editor option and
 * theme colour; Monaco carries them (~50 KB of English) but never shows them: the standalone
 * editor has no settings UI, and the descriptions go only into the JSON schemas of settings nobody
 * edits. This replaces each such `localize(...)` call with '' : the values of `description`-like
 * keys (descriptions, deprecation messages, enum descriptions) and the description argument of
 * `registerColor(id, defaults, description, ...)`. Labels, aria labels and messages are untouched.
 * editorOptions.js must yield many (the build fails otherwise: Monaco changed how it writes them).
 */
const DESCRIPTION_KEY = /\b(?:description|markdownDescription|deprecationMessage|markdownDeprecationMessage|enumDescriptions|markdownEnumDescriptions)\s*:\s*/g;
const LOCALIZE_CALL = /\b(?:nls\.)?localize\(/g;

export function dropSettingsDescriptions(relPath: string, code: string): string {
  if (!code.includes('localize(')) return code;
  const cuts: Array<[number, number]> = [];
  for (const m of code.matchAll(DESCRIPTION_KEY)) {
    const start = m.index + m[0].length;
    cuts.push(...localizeCallsIn(code, start, expressionEnd(code, start)));
  }
  for (const m of code.matchAll(/\bregisterColor\(/g)) {
    const args = argumentRanges(code, m.index + m[0].length);
    if (args.length >= 3) {
      const [from, to] = args[2]!;
      const calls = localizeCallsIn(code, from, to);
      if (calls.length === 1 && code.slice(from, to).trim().length === calls[0]![1] - calls[0]![0]) cuts.push(calls[0]!);
    }
  }
  if (relPath === 'editor/common/config/editorOptions.js' && cuts.length < 200)
    throw new Error(`monacoTrim: only ${cuts.length} option descriptions found in monaco-editor/esm/vs/${relPath}; update src/build/settingsDescriptions.ts for this Monaco version`);
  let out = code;
  for (const [from, to] of cuts.sort((a, b) => b[0] - a[0])) out = out.slice(0, from) + "''" + out.slice(to);
  return out;
}

/** The `localize(...)` calls that lie within [from, to), as [start, end) ranges. */
function localizeCallsIn(code: string, from: number, to: number): Array<[number, number]> {
  const calls: Array<[number, number]> = [];
  LOCALIZE_CALL.lastIndex = from;
  for (let m = LOCALIZE_CALL.exec(code); m && m.index < to; m = LOCALIZE_CALL.exec(code)) {
    const end = closingParen(code, m.index + m[0].length);
    calls.push([m.index, end]);
    LOCALIZE_CALL.lastIndex = end;
  }
  return calls;
}

/** Skips a string or template literal starting at `at`; returns the index after it. */
function skipString(code: string, at: number): number {
  const quote = code[at];
  let i = at + 1;
  while (i < code.length && code[i] !== quote) i += code[i] === '\\' ? 2 : 1;
  return i + 1;
}

/** Index after the `)` closing a call whose arguments start at `at`. */
function closingParen(code: string, at: number): number {
  return expressionEnd(code, at, true) + 1;
}

/** End of the expression starting at `at`: the first `,` `)` `]` `}` outside brackets and strings. */
function expressionEnd(code: string, at: number, throughCommas = false): number {
  let depth = 0;
  for (let i = at; i < code.length; ) {
    const c = code[i]!;
    if (c === '"' || c === "'" || c === '`') {
      i = skipString(code, i);
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) return i;
      depth--;
    } else if (c === ',' && depth === 0 && !throughCommas) return i;
    i++;
  }
  throw new Error('monacoTrim: unbalanced code while looking for an expression end');
}

/** The [start, end) ranges of a call's arguments, the call's `(` just before `at`. */
function argumentRanges(code: string, at: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let start = at;
  for (;;) {
    const end = expressionEnd(code, start);
    ranges.push([start, end]);
    if (code[end] !== ',') return ranges;
    start = end + 1;
  }
}
