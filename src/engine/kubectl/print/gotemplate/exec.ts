/**
 * The executor of Go's text/template (src/text/template/exec.go) over decoded JSON: fields of
 * maps, variables, pipelines, if/with/range (with else, break, continue), template/block, and
 * the error texts `template: NAME:LINE:COL: executing "NAME" at <NODE>: message`.
 *
 * A value read out of a map or slice is an `interface {}` in Go: it is kept in a `Box` until a
 * pipeline ends (where Go digs it out), because Go words errors about it by that type and a
 * boxed nil is a "nil pointer" while a missing key is no value at all.
 */
import { lineAt } from './lex';
import { GoFloat, sprintValue } from './fmt';
import { ARITY, FuncError, FUNCS, isTrue, LAZY } from './funcs';
import type { Arg, Command, ControlNode, ListNode, Node, Pipe } from './nodes';
import { argString, nodeString, type ParsedTemplates } from './parse';

class Box {
  constructor(readonly v: unknown) {}
}

export class TemplateExecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateExecError';
  }
}

class LoopSignal {
  constructor(readonly kind: 'break' | 'continue') {}
}

const MAX_DEPTH = 100000;

export interface ExecOptions {
  /** kubectl's --allow-missing-template-keys=false is missingkey=error. */
  missingKeyError: boolean;
}

/** Runs the template `name` against `data`; writes into `out.text` as it goes, so a failure keeps what was written. */
export function execute(t: ParsedTemplates, name: string, data: unknown, opts: ExecOptions, out: { text: string }): void {
  const root = t.trees.get(name);
  if (!root) throw new TemplateExecError(`template: ${name}: "${name}" is an incomplete or empty template`);
  new State(t, name, opts, out, [{ name: '$', value: data }], 0).walk(data, root);
}

interface Variable {
  name: string;
  value: unknown;
}

class State {
  private node: Node | Arg | Command | undefined;
  constructor(
    private readonly t: ParsedTemplates,
    private readonly name: string,
    private readonly opts: ExecOptions,
    private readonly out: { text: string },
    private vars: Variable[],
    private readonly depth: number,
  ) {}

  private errorf(msg: string): never {
    if (!this.node) throw new TemplateExecError(`template: ${this.name}: ${msg}`);
    const pos = this.node.pos;
    const line = lineAt(this.t.text, pos);
    const col = pos - (this.t.text.lastIndexOf('\n', pos - 1) + 1);
    let context = 'args' in this.node || 'cmds' in this.node || this.node.type === 'field' || this.node.type === 'variable' || this.node.type === 'chain' || this.node.type === 'identifier' || this.node.type === 'dot' || this.node.type === 'nil' || this.node.type === 'bool' || this.node.type === 'number' || this.node.type === 'string' ? argString(this.node as Arg) : nodeString(this.node as Node);
    if ([...context].length > 20) context = `${[...context].slice(0, 20).join('')}...`;
    throw new TemplateExecError(`template: output:${line}:${col}: executing ${JSON.stringify(this.name)} at <${context}>: ${msg}`);
  }

  walk(dot: unknown, list: ListNode): void {
    for (const n of list) this.walkNode(dot, n);
  }

  private walkNode(dot: unknown, n: Node): void {
    this.node = n;
    switch (n.type) {
      case 'text':
        this.out.text += n.text;
        return;
      case 'action': {
        const v = this.evalPipeline(dot, n.pipe);
        if (n.pipe.decl.length === 0) this.printValue(n, v);
        return;
      }
      case 'if':
      case 'with': {
        const mark = this.vars.length;
        const v = this.evalPipeline(dot, n.pipe);
        if (isTrue(v)) this.walk(n.type === 'with' ? v : dot, n.list);
        else if (n.elseList) this.walk(dot, n.elseList);
        this.vars = this.vars.slice(0, mark);
        return;
      }
      case 'range':
        return this.walkRange(dot, n);
      case 'template': {
        const tree = this.t.trees.get(n.name);
        if (!tree) this.errorf(`template ${JSON.stringify(n.name)} not defined`);
        if (this.depth >= MAX_DEPTH) this.errorf(`exceeded maximum template depth (${MAX_DEPTH})`);
        const newDot = n.pipe ? this.evalPipeline(dot, n.pipe) : undefined;
        new State(this.t, n.name, this.opts, this.out, [{ name: '$', value: newDot }], this.depth + 1).walk(newDot, tree!);
        return;
      }
      case 'break':
      case 'continue':
        throw new LoopSignal(n.type);
      default:
        this.errorf(`unknown node: ${nodeString(n)}`);
    }
  }

  private walkRange(dot: unknown, r: ControlNode): void {
    this.node = r;
    const mark = this.vars.length;
    const pipeVal = this.evalPipeline(dot, { ...r.pipe, decl: [] });
    const val = unbox(pipeVal);
    const one = (key: unknown, elem: unknown): boolean => {
      if (r.pipe.decl.length > 0) {
        if (r.pipe.isAssign) this.setVar(r.pipe.decl[0]!.ident[0]!, r.pipe.decl.length > 1 ? key : elem);
        else this.vars.push({ name: r.pipe.decl[0]!.ident[0]!, value: r.pipe.decl.length > 1 ? key : elem });
      }
      if (r.pipe.decl.length > 1) {
        if (r.pipe.isAssign) this.setVar(r.pipe.decl[1]!.ident[0]!, elem);
        else this.vars.push({ name: r.pipe.decl[1]!.ident[0]!, value: elem });
      }
      const inner = this.vars.length;
      try {
        this.walk(elem, r.list);
      } catch (e) {
        if (!(e instanceof LoopSignal)) throw e;
        if (e.kind === 'break') return false;
      } finally {
        this.vars = this.vars.slice(0, Math.min(inner, this.vars.length));
        this.vars = this.vars.slice(0, mark);
      }
      return true;
    };
    let ran = false;
    if (Array.isArray(val)) {
      for (let i = 0; i < val.length; i++) {
        ran = true;
        if (!one(i, new Box(val[i]))) break;
      }
    } else if (typeof val === 'number') {
      if (r.pipe.decl.length > 1) this.errorf(`can't use ${val} to iterate over more than one variable`);
      for (let i = 0; i < val; i++) {
        ran = true;
        if (!one(i, i)) break;
      }
    } else if (val && typeof val === 'object' && !(val instanceof GoFloat)) {
      const o = val as Record<string, unknown>;
      for (const k of Object.keys(o).sort()) {
        ran = true;
        if (!one(k, new Box(o[k]))) break;
      }
    } else if (val !== undefined && val !== null) {
      // Go does not move its error position back to the range: it names the pipeline's last node.
      this.errorf(`range can't iterate over ${sprintValue(val)}`);
    }
    if (!ran && r.elseList) this.walk(dot, r.elseList);
    this.vars = this.vars.slice(0, mark);
  }

  private setVar(name: string, value: unknown): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i]!.name === name) {
        this.vars[i]!.value = value;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  private varValue(name: string): unknown {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i]!.name === name) return this.vars[i]!.value;
    return this.errorf(`undefined variable: ${name}`);
  }

  private evalPipeline(dot: unknown, pipe: Pipe): unknown {
    this.node = pipe;
    let value: unknown = MISSING;
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(dot, cmd, value);
      // "If the object has type interface{}, dig down one level to the thing inside."
      // A nil interface (a JSON null, index of a missing key) becomes no value at all.
      if (value instanceof Box) value = value.v;
      if (value === null) value = undefined;
    }
    for (const d of pipe.decl) {
      if (pipe.isAssign) this.setVar(d.ident[0]!, value);
      else this.vars.push({ name: d.ident[0]!, value });
    }
    return value;
  }

  private notAFunction(args: Arg[], final: unknown): void {
    if (args.length > 1 || final !== MISSING) this.errorf(`can't give argument to non-function ${argString(args[0]!)}`);
  }

  private evalCommand(dot: unknown, cmd: Command, final: unknown): unknown {
    const first = cmd.args[0]!;
    switch (first.type) {
      case 'field':
        this.node = first;
        return this.evalFieldChain(dot, dot, first.ident, cmd.args, final);
      case 'chain': {
        this.node = first;
        if (first.node.type === 'nil') this.errorf(`indirection through explicit nil in ${argString(first)}`);
        const receiver = this.evalArg(dot, first.node);
        return this.evalFieldChain(dot, receiver, first.fields, cmd.args, final);
      }
      case 'identifier':
        return this.evalFunction(dot, first, cmd, final);
      case 'pipe':
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, first);
      case 'variable': {
        this.node = first;
        const value = this.varValue(first.ident[0]!);
        if (first.ident.length === 1) {
          this.notAFunction(cmd.args, final);
          return value;
        }
        return this.evalFieldChain(dot, value, first.ident.slice(1), cmd.args, final);
      }
    }
    this.node = first;
    this.notAFunction(cmd.args, final);
    switch (first.type) {
      case 'bool':
        return first.value;
      case 'dot':
        return dot;
      case 'nil':
        return this.errorf('nil is not a command');
      case 'number':
        return first.isInt ? first.int : new GoFloat(first.float);
      case 'string':
        return first.text;
    }
  }

  private evalFieldChain(dot: unknown, receiver: unknown, ident: string[], args: Arg[], final: unknown): unknown {
    let r = receiver;
    for (let i = 0; i < ident.length; i++) r = this.evalField(ident[i]!, i === ident.length - 1 ? args : [], i === ident.length - 1 ? final : MISSING, r, receiver === dot && i === 0 && dot === this.vars[0]?.value);
    void dot;
    return r;
  }

  private evalField(field: string, args: Arg[], final: unknown, receiver: unknown, isRoot: boolean): unknown {
    if (receiver === undefined || receiver === MISSING) {
      if (this.opts.missingKeyError) this.errorf(`nil data; no entry for key ${JSON.stringify(field)}`);
      return undefined;
    }
    const boxed = receiver instanceof Box;
    const typ = boxed ? 'interface {}' : typeName(receiver, isRoot);
    const v = unbox(receiver);
    if (v === null) this.errorf(`nil pointer evaluating ${typ}.${field}`);
    if (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof GoFloat)) {
      if (args.length > 1 || final !== MISSING) this.errorf(`${field} is not a method but has arguments`);
      const o = v as Record<string, unknown>;
      if (Object.prototype.hasOwnProperty.call(o, field)) return new Box(o[field]);
      if (this.opts.missingKeyError) this.errorf(`map has no entry for key ${JSON.stringify(field)}`);
      return undefined;
    }
    return this.errorf(`can't evaluate field ${field} in type ${typ}`);
  }

  private evalFunction(dot: unknown, id: Extract<Arg, { type: 'identifier' }>, cmd: Command, final: unknown): unknown {
    this.node = id;
    const name = id.name;
    const fn = FUNCS[name]!;
    const [fixed, variadic] = ARITY[name]!;
    const argNodes = cmd.args.slice(1);
    const count = argNodes.length + (final !== MISSING ? 1 : 0);
    if (variadic ? count < fixed : count !== fixed) {
      this.errorf(`wrong number of args for ${name}: want ${variadic ? 'at least ' : ''}${fixed} got ${count}`);
    }
    if (LAZY.has(name)) {
      // Go 1.18: and/or stop at the first argument that decides, without evaluating the rest.
      let v: unknown;
      const all = [...argNodes.map((a) => () => this.evalArg(dot, a)), ...(final !== MISSING ? [() => final] : [])];
      for (const get of all) {
        v = unbox(get());
        if (isTrue(v) === (name === 'or')) return v;
      }
      return v;
    }
    const values = argNodes.map((a, i) => this.checkParam(name, i, unbox(this.evalArg(dot, a))));
    if (final !== MISSING) values.push(this.checkParam(name, values.length, unbox(final)));
    try {
      return fn(values);
    } catch (e) {
      if (!(e instanceof FuncError)) throw e;
      this.node = id;
      return this.errorf(`error calling ${name}: ${e.message}`);
    }
  }

  /** validateType for the functions whose first parameter is a Go `string` (printf's format, base64decode's input). */
  private checkParam(fn: string, index: number, v: unknown): unknown {
    if (index !== 0 || (fn !== 'printf' && fn !== 'base64decode') || typeof v === 'string') return v;
    if (v === undefined || v === null) return this.errorf('invalid value; expected string');
    return this.errorf(`wrong type for value; expected string; got ${v instanceof GoFloat ? 'float64' : typeof v === 'number' ? 'int64' : typeof v === 'boolean' ? 'bool' : Array.isArray(v) ? '[]interface {}' : 'map[string]interface {}'}`);
  }

  private evalArg(dot: unknown, n: Arg): unknown {
    this.node = n;
    switch (n.type) {
      case 'dot':
        return dot;
      case 'nil':
        return null;
      case 'field':
        return this.evalFieldChain(dot, dot, n.ident, [n], MISSING);
      case 'variable': {
        const value = this.varValue(n.ident[0]!);
        return n.ident.length === 1 ? value : this.evalFieldChain(dot, value, n.ident.slice(1), [n], MISSING);
      }
      case 'pipe':
        return this.evalPipeline(dot, n);
      case 'identifier':
        return this.evalFunction(dot, n, { type: 'command', pos: n.pos, args: [n] }, MISSING);
      case 'chain': {
        const receiver = this.evalArg(dot, n.node);
        return this.evalFieldChain(dot, receiver, n.fields, [n], MISSING);
      }
      case 'bool':
        return n.value;
      case 'number':
        return n.isInt ? n.int : new GoFloat(n.float);
      case 'string':
        return n.text;
    }
  }

  private printValue(n: Node, v: unknown): void {
    this.node = n;
    const value = unbox(v);
    this.out.text += value === undefined || value === MISSING ? '<no value>' : sprintValue(value);
  }
}

/** The "no final value" marker of a pipeline's first command. */
const MISSING = Symbol('missing');

function unbox(v: unknown): unknown {
  return v instanceof Box ? v.v : v === MISSING ? undefined : v;
}

function typeName(v: unknown, isRoot: boolean): string {
  if (isRoot && v && typeof v === 'object' && !Array.isArray(v)) return 'map[string]interface {}';
  if (v instanceof GoFloat) return 'float64';
  if (typeof v === 'number') return 'int';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return '[]interface {}';
  return 'map[string]interface {}';
}
