/**
 * A guided lab is data: `labs/<nn-slug>/lab.yaml`. This reads and validates it, so the browser
 * (through the worker) and `npx kubelab lab` see the same lab and reject the same mistakes with
 * the same words: `FILE:LINE:COLUMN: what is wrong`, naming the field (`steps[1].check[0].expect`).
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode, type YAMLMap } from 'yaml';
import type { Lab, LabCheck, LabStep } from './types';

export class LabFileError extends Error {
  readonly code = 'invalid-lab';
}

const LAB_FIELDS = ['title', 'summary', 'steps'] as const;
const STEP_FIELDS = ['title', 'text', 'commands', 'check'] as const;
const CHECK_FIELDS = ['run', 'expect', 'match', 'hint'] as const;

/**
 * Parses a lab.yaml. `file` names it in errors; `id` defaults to the folder holding it.
 * Throws a {@link LabFileError} whose message says where and what is wrong.
 */
export function parseLab(file: string, text: string, id = file.split('/').at(-2) ?? file): Lab {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => {
    const p = lines.linePos(offset);
    return `${file}:${p.line}:${p.col}`;
  };
  const yamlError = doc.errors[0];
  if (yamlError) throw new LabFileError(`${at(yamlError.pos[0])}: ${firstLine(yamlError.message)}`);

  const fail = (node: YamlNode | null | undefined, field: string, problem: string): never => {
    const where = node?.range ? at(node.range[0]) : `${file}:1:1`;
    throw new LabFileError(`${where}: ${field ? `${field}: ` : ''}${problem}`);
  };

  const root = doc.contents;
  if (!isMap(root)) return fail(root, '', 'a lab is a mapping with title, summary and steps');
  checkFields(root, LAB_FIELDS, '', fail);
  const title = text1(root, 'title', 'title', true, fail)!;
  const summary = text1(root, 'summary', 'summary', false, fail) ?? '';
  const stepsNode = root.get('steps', true) as YamlNode | undefined;
  if (!isSeq(stepsNode) || stepsNode.items.length === 0) return fail(stepsNode ?? root, 'steps', 'a lab needs a list of one or more steps');

  const steps = stepsNode.items.map((item, i): LabStep => {
    const path = `steps[${i}]`;
    if (!isMap(item)) return fail(item as YamlNode, path, 'a step is a mapping with title, text, commands and check');
    checkFields(item, STEP_FIELDS, path, fail);
    return {
      title: text1(item, 'title', `${path}.title`, true, fail)!,
      text: text1(item, 'text', `${path}.text`, false, fail) ?? '',
      commands: strings(item, 'commands', `${path}.commands`, fail),
      checks: checks(item, `${path}.check`, fail),
    };
  });
  return { id, title, summary, steps };
}

type Fail = (node: YamlNode | null | undefined, field: string, problem: string) => never;

function checks(step: YAMLMap, path: string, fail: Fail): LabCheck[] {
  const node = step.get('check', true) as YamlNode | undefined;
  if (node === undefined) return [];
  if (!isSeq(node)) return fail(node, path, 'must be a list of checks (- run: COMMAND)');
  return node.items.map((item, i) => {
    const here = `${path}[${i}]`;
    if (!isMap(item)) return fail(item as YamlNode, here, 'a check is a mapping with run and optionally expect, match and hint');
    checkFields(item, CHECK_FIELDS, here, fail);
    const check: LabCheck = { run: text1(item, 'run', `${here}.run`, true, fail)! };
    const expect = text1(item, 'expect', `${here}.expect`, false, fail, true);
    const match = text1(item, 'match', `${here}.match`, false, fail);
    const hint = text1(item, 'hint', `${here}.hint`, false, fail);
    if (expect !== undefined && match !== undefined) return fail(item.get('match', true) as YamlNode, `${here}.match`, 'give expect or match, not both');
    if (match !== undefined) {
      try {
        new RegExp(match, 'm');
      } catch (e) {
        return fail(item.get('match', true) as YamlNode, `${here}.match`, `not a regular expression: ${(e as Error).message}`);
      }
      check.match = match;
    }
    if (expect !== undefined) check.expect = expect;
    if (hint !== undefined) check.hint = hint;
    return check;
  });
}

/** Unknown keys are mistakes (`comands:`, `checks:`), not extensions: say which and what is allowed. */
function checkFields(map: YAMLMap, allowed: readonly string[], path: string, fail: Fail): void {
  for (const pair of map.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    if (!allowed.includes(key)) fail(pair.key as YamlNode, path ? `${path}.${key}` : key, `unknown field (expected one of ${allowed.join(', ')})`);
  }
}

/**
 * A text field. `scalars` lets numbers and booleans stand for their text (`expect: 3` means the
 * output `3`), written as the YAML source spells them so `expect: 1.10` stays `1.10`.
 */
function text1(map: YAMLMap, key: string, path: string, required: boolean, fail: Fail, scalars = false): string | undefined {
  const node = map.get(key, true) as YamlNode | undefined;
  if (node === undefined || (isScalar(node) && node.value === null)) {
    return required ? fail(node ?? map, path, 'is required') : undefined;
  }
  if (isScalar(node) && typeof node.value === 'string') {
    if (required && node.value.trim() === '') return fail(node, path, 'must not be empty');
    return node.value;
  }
  if (scalars && isScalar(node) && (typeof node.value === 'number' || typeof node.value === 'boolean')) {
    return node.source ?? String(node.value);
  }
  return fail(node, path, scalars ? 'must be text (quote it)' : 'must be text');
}

function strings(map: YAMLMap, key: string, path: string, fail: Fail): string[] {
  const node = map.get(key, true) as YamlNode | undefined;
  if (node === undefined) return [];
  if (!isSeq(node)) return fail(node, path, 'must be a list of command lines');
  return node.items.map((item, i) => {
    if (!isScalar(item) || typeof item.value !== 'string' || item.value.trim() === '') return fail(item as YamlNode, `${path}[${i}]`, 'must be a command line (text)');
    return item.value;
  });
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
