import type { CommandContext } from '../types';
import { readInputs } from './lines';
import { base64Decode, base64Encode } from './sysTools';
import { checkCalls, JqUndefinedFunction } from './jq/builtins';
import { evaluate, formatRegistry, JqRuntimeError } from './jq/evaluate';
import { JqSyntaxError, parseJq, type JqNode } from './jq/parse';

formatRegistry['@base64'] = base64Encode;
formatRegistry['@base64d'] = base64Decode;

const USAGE = 'Usage:\tjq [OPTIONS] FILTER [FILES...]\n\tjq [OPTIONS] --args FILTER [ARGUMENTS...]\n\tjq [OPTIONS] --jsonargs FILTER [JSON_VALUES...]\n\nUse jq --help for help with command-line options,\nor see the jq manpage, or online docs  at https://stedolan.github.io/jq\n';

/** One JSON text of the input stream, with the line number jq reports in errors. */
interface InputValue {
  value: unknown;
  line: number;
}

class JsonParseError extends Error {}

/** Splits a stream of concatenated JSON texts, as jq reads its input. */
function readJsonStream(text: string): InputValue[] {
  const out: InputValue[] = [];
  let i = 0;
  const lineCol = (pos: number) => {
    const before = text.slice(0, pos);
    const line = (before.match(/\n/g) ?? []).length + 1;
    return `line ${line}, column ${pos - (before.lastIndexOf('\n') + 1)}`;
  };
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (i >= text.length) break;
    const start = i;
    let depth = 0;
    let inString = false;
    for (; i < text.length; i++) {
      const c = text[i]!;
      if (inString) {
        if (c === '\\') i++;
        else if (c === '"') {
          inString = false;
          if (depth === 0) {
            i++;
            break;
          }
        }
      } else if (c === '"') inString = true;
      else if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        depth--;
        if (depth <= 0) {
          i++;
          break;
        }
      } else if (depth === 0 && /[\s{["]/.test(text[i + 1] ?? ' ')) {
        i++;
        break;
      }
    }
    const chunk = text.slice(start, i);
    if (depth > 0 || inString) throw new JsonParseError(`Unfinished JSON term at EOF at ${lineCol(text.length)}`);
    let value: unknown;
    try {
      value = JSON.parse(chunk);
    } catch {
      const end = text[i] === '\n' ? i + 1 : i;
      throw new JsonParseError(`${/^[{[]/.test(chunk) ? 'Expected separator between values' : 'Invalid numeric literal'} at ${lineCol(end)}`);
    }
    const consumed = text[i] === '\n' ? i + 1 : i;
    out.push({ value, line: (text.slice(0, consumed).match(/\n/g) ?? []).length });
  }
  return out;
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  return v;
}

/** jq 1.6's output: two-space indentation, `-c` compact, `-r` raw strings, `-S` sorted keys. */
export function formatJson(v: unknown, o: { compact: boolean; raw: boolean; sort: boolean; tab: boolean }): string {
  const value = o.sort ? sortKeys(v) : v;
  if (o.raw && typeof value === 'string') return value;
  const text = JSON.stringify(value ?? null, null, o.compact ? undefined : o.tab ? '\t' : 2) ?? 'null';
  return text.replace(/\u007f/g, '\\u007f');
}

/** `jq [-r] [-c] [-n] [-s] [-S] [-e] [--arg k v] FILTER [FILE...]` (a faithful subset of jq 1.6). */
export function jq(ctx: CommandContext): number {
  const args = ctx.argv.slice(1);
  const flags = new Set<string>();
  const vars = new Map<string, unknown>();
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const long: Record<string, string> = { '--raw-output': 'r', '--compact-output': 'c', '--null-input': 'n', '--slurp': 's', '--sort-keys': 'S', '--exit-status': 'e', '--join-output': 'j', '--tab': 'tab', '--monochrome-output': 'M', '--color-output': 'C' };
    if (a === '--arg' || a === '--argjson') {
      const [name, value] = [args[i + 1], args[i + 2]];
      if (name === undefined || value === undefined) {
        ctx.stderr(`jq: ${a} takes two parameters (e.g. ${a} varname ${a === '--arg' ? 'value' : 'text'})\n${USAGE}`);
        return 2;
      }
      vars.set(name, a === '--arg' ? value : JSON.parse(value));
      i += 2;
    } else if (long[a]) flags.add(long[a]);
    else if (/^-[rcnsSejMCa]+$/.test(a)) for (const f of a.slice(1)) flags.add(f);
    else if (a.startsWith('-') && a !== '-') {
      ctx.stderr(`jq: Unknown option: ${a}\n${USAGE}`);
      return 2;
    } else operands.push(a);
  }
  const program = operands.shift() ?? '.';
  let ast: JqNode;
  try {
    ast = parseJq(program);
    checkCalls(ast);
  } catch (e) {
    if (!(e instanceof JqSyntaxError) && !(e instanceof JqUndefinedFunction)) throw e;
    ctx.stderr(`jq: error: ${e.message} at <top-level>, line 1:\n${program}\njq: 1 compile error\n`);
    return 3;
  }
  const { inputs, failed } = readInputs(ctx, 'jq', operands);
  if (failed) return 2;
  let values: InputValue[];
  try {
    values = flags.has('n') ? [{ value: null, line: 0 }] : inputs.flatMap((i) => readJsonStream(i.text));
  } catch (e) {
    if (!(e instanceof JsonParseError)) throw e;
    ctx.stderr(`parse error: ${e.message}\n`);
    return 4;
  }
  if (flags.has('s') && !flags.has('n')) values = [{ value: values.map((v) => v.value), line: values[values.length - 1]?.line ?? 0 }];
  const fmt = { compact: flags.has('c'), raw: flags.has('r') || flags.has('j'), sort: flags.has('S'), tab: flags.has('tab') };
  let code = 0;
  let last: unknown = undefined;
  for (const input of values) {
    try {
      for (const out of evaluate(ast, input.value, vars)) {
        last = out;
        ctx.stdout(`${formatJson(out, fmt)}${flags.has('j') ? '' : '\n'}`);
      }
    } catch (e) {
      if (!(e instanceof JqRuntimeError)) throw e;
      ctx.stderr(`jq: error (at ${operands[0] ?? '<stdin>'}:${input.line}): ${e.message}\n`);
      code = 5;
    }
  }
  if (code === 0 && flags.has('e')) return last === undefined ? 4 : last === null || last === false ? 1 : 0;
  return code;
}
