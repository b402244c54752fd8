/**
 * client-go `util/jsonpath/jsonpath.go` over plain JSON values: `FindResults` with its
 * range/end bookkeeping, each node's evaluation, and `PrintResults`.
 */
import { goJsonMarshal, goSprint, goTypeName } from './goValues';
import type { JsonPathNode, ListNode } from './nodes';
import { parseJsonPath } from './parser';

/** An execution error, carrying client-go's message verbatim. */
export class JsonPathExecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsonPathExecError';
  }
}

/** Go's text/template comparison basic kinds. */
function basicKind(v: unknown): 'int' | 'float' | 'string' | 'bool' | 'other' {
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  return 'other';
}

function compare(op: string, left: unknown, right: unknown): boolean {
  const lk = basicKind(left);
  const rk = basicKind(right);
  if (lk === 'other' || rk === 'other') {
    if (op === '==' || op === '!=') throw new JsonPathExecError('non-comparable types');
    throw new JsonPathExecError('invalid type for comparison');
  }
  if (lk !== rk) throw new JsonPathExecError('incompatible types for comparison');
  if (lk === 'bool' && op !== '==' && op !== '!=') throw new JsonPathExecError('invalid type for comparison');
  const l = left as number | string;
  const r = right as number | string;
  switch (op) {
    case '==':
      return l === r;
    case '!=':
      return l !== r;
    case '<':
      return l < r;
    case '>':
      return l > r;
    case '<=':
      return l <= r;
    case '>=':
      return l >= r;
    default:
      throw new JsonPathExecError(`unrecognized filter operator ${op}`);
  }
}

function isNil(v: unknown): boolean {
  return v === null || v === undefined;
}

/**
 * Children of a map (sorted keys, for determinism; Go's map order is random), array or string,
 * as wildcard and recursive descent visit them. Go indexes a string by byte, yielding numbers.
 */
function children(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (typeof v === 'string') return [...v].map((c) => c.charCodeAt(0));
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return Object.keys(o)
      .sort()
      .map((k) => o[k]);
  }
  return [];
}

/** A parsed template, ready to run against objects (kubectl's `-o jsonpath=`). */
export class JsonPath {
  allowMissingKeys = false;
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;
  private lastEndNode: JsonPathNode | undefined;

  constructor(private readonly root: ListNode) {}

  static parse(template: string): JsonPath {
    return new JsonPath(parseJsonPath(template));
  }

  /** Every action's results, one group per top-level node (ranges expanded). */
  findResults(data: unknown, nodes: JsonPathNode[] = this.root.nodes): unknown[][] {
    const full: unknown[][] = [];
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      const results = this.walk([data], node);
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEndNode = node;
        break;
      }
      if (this.beginRange > 0) {
        this.beginRange--;
        this.inRange++;
        const rest = nodes.slice(i + 1);
        if (results.length > 0) {
          for (const value of results) full.push(...this.findResults(value, rest));
        } else {
          // Still walk the body so the matching end node is found.
          this.findResults(null, rest);
        }
        this.inRange--;
        for (let k = i + 1; k < nodes.length; k++) {
          if (nodes[k] === this.lastEndNode) {
            i = k;
            break;
          }
        }
        continue;
      }
      full.push(results);
    }
    return full;
  }

  /** `Execute`: the printed text for one object. */
  execute(data: unknown): string {
    this.beginRange = 0;
    this.inRange = 0;
    this.endRange = 0;
    return this.findResults(data)
      .map((group) => printResults(group))
      .join('');
  }

  private walk(input: unknown[], node: JsonPathNode): unknown[] {
    switch (node.type) {
      case 'list': {
        let cur = input;
        for (const n of node.nodes) cur = this.walk(cur, n);
        return cur;
      }
      case 'text':
        return [node.text];
      case 'field':
        return this.evalField(input, node.name);
      case 'array':
        return this.evalArray(input, node);
      case 'filter':
        return this.evalFilter(input, node);
      case 'int':
      case 'float':
      case 'bool':
        return input.map(() => node.value);
      case 'wildcard':
        return input.filter((v) => !isNil(v)).flatMap(children);
      case 'recursive':
        return this.evalRecursive(input);
      case 'union':
        return node.nodes.flatMap((n) => this.walk(input, n));
      case 'identifier':
        return this.evalIdentifier(input, node.name);
    }
  }

  private evalIdentifier(input: unknown[], name: string): unknown[] {
    if (name === 'range') {
      this.beginRange++;
      return input;
    }
    if (name === 'end') {
      if (this.inRange > 0) {
        this.endRange++;
        return [];
      }
      throw new JsonPathExecError('not in range, nothing to end');
    }
    throw new JsonPathExecError(`unrecognized identifier ${name}`);
  }

  private evalField(input: unknown[], name: string): unknown[] {
    if (input.length === 0) return [];
    const results: unknown[] = [];
    for (const v of input) {
      if (isNil(v) || typeof v !== 'object' || Array.isArray(v)) continue;
      const o = v as Record<string, unknown>;
      if (Object.prototype.hasOwnProperty.call(o, name) && o[name] !== undefined) results.push(o[name]);
    }
    if (results.length === 0) {
      if (this.allowMissingKeys) return [];
      throw new JsonPathExecError(`${name} is not found`);
    }
    return results;
  }

  private evalArray(input: unknown[], node: JsonPathNode & { type: 'array' }): unknown[] {
    const result: unknown[] = [];
    for (const v of input) {
      if (isNil(v)) continue;
      if (!Array.isArray(v)) throw new JsonPathExecError(`${goTypeName(v)} is not array or slice`);
      const p = node.params.map((x) => ({ ...x }));
      const len = v.length;
      if (!p[0]!.known) p[0]!.value = 0;
      if (p[0]!.value < 0) p[0]!.value += len;
      if (!p[1]!.known) p[1]!.value = len;
      if (p[1]!.value < 0 || (p[1]!.value === 0 && p[1]!.derived)) p[1]!.value += len;
      if (p[1]!.value === p[0]!.value) return result;
      if (p[0]!.value >= len || p[0]!.value < 0) throw new JsonPathExecError(`array index out of bounds: index ${p[0]!.value}, length ${len}`);
      if (p[1]!.value > len || p[1]!.value < 0) throw new JsonPathExecError(`array index out of bounds: index ${p[1]!.value - 1}, length ${len}`);
      if (p[0]!.value > p[1]!.value) throw new JsonPathExecError(`starting index ${p[0]!.value} is greater than ending index ${p[1]!.value}`);
      const slice = v.slice(p[0]!.value, p[1]!.value);
      let step = 1;
      if (p[2]!.known) {
        if (p[2]!.value <= 0) throw new JsonPathExecError('step must be > 0');
        step = p[2]!.value;
      }
      for (let i = 0; i < slice.length; i += step) result.push(slice[i]);
    }
    return result;
  }

  private evalFilter(input: unknown[], node: JsonPathNode & { type: 'filter' }): unknown[] {
    const results: unknown[] = [];
    for (const v of input) {
      if (!Array.isArray(v)) throw new JsonPathExecError(`${goSprint(v)} is not array or slice and cannot be filtered`);
      for (const item of v) {
        let lefts: unknown[];
        try {
          lefts = this.walk([item], node.left);
        } catch (e) {
          if (node.operator === 'exists') continue;
          throw e;
        }
        if (node.operator === 'exists') {
          if (lefts.length > 0) results.push(item);
          continue;
        }
        if (lefts.length === 0) continue;
        if (lefts.length > 1) throw new JsonPathExecError('can only compare one element at a time');
        const rights = this.walk([item], node.right);
        if (rights.length === 0) continue;
        if (rights.length > 1) throw new JsonPathExecError('can only compare one element at a time');
        if (compare(node.operator, lefts[0], rights[0])) results.push(item);
      }
    }
    return results;
  }

  private evalRecursive(input: unknown[]): unknown[] {
    const result: unknown[] = [];
    for (const v of input) {
      if (isNil(v)) continue;
      const kids = children(v);
      if (kids.length !== 0) {
        result.push(v);
        result.push(...this.evalRecursive(kids));
      }
    }
    return result;
  }
}

/** `PrintResults`: scalars via fmt.Sprint, maps and lists as compact JSON, space-separated. */
export function printResults(results: unknown[]): string {
  return results
    .map((r) => {
      if (r !== null && typeof r === 'object') return goJsonMarshal(r);
      return goSprint(r);
    })
    .join(' ');
}
