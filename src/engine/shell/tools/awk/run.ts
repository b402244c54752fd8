import { posixToJs } from '../regex';
import type { Expr, Rule, Stmt } from './parse';

/** A field or `split` piece: a string that compares as a number when it looks like one (POSIX "strnum"). */
class StrNum {
  constructor(readonly s: string) {}
}
type Value = number | string | StrNum;

class Next {}
class Exit {
  constructor(readonly code: number) {}
}
class Break {}
class Continue {}

/** A runtime failure (mawk words: `awk: run time error: ...`). */
export class AwkRuntimeError extends Error {}

const NUMERIC = /^\s*[+-]?(\d+\.?\d*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?)\s*$/;

function toNum(v: Value): number {
  if (typeof v === 'number') return v;
  const s = typeof v === 'string' ? v : v.s;
  const m = /^\s*[+-]?(\d+\.?\d*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?)/.exec(s);
  return m ? Number(m[0]) : 0;
}

/** `%.6g` as C prints it. */
export function formatG(x: number, precision = 6): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'nan' : x > 0 ? 'inf' : '-inf';
  if (x === 0) return '0';
  const exp = Math.floor(Math.log10(Math.abs(x)));
  const p = Math.max(precision, 1);
  if (exp < -4 || exp >= p) {
    const [mant, e] = x.toExponential(p - 1).split('e');
    const m = mant!.includes('.') ? mant!.replace(/0+$/, '').replace(/\.$/, '') : mant!;
    const n = Number(e);
    return `${m}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
  }
  const fixed = x.toFixed(Math.max(0, p - 1 - exp));
  return fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
}

function numToStr(n: number): string {
  return Number.isInteger(n) && Math.abs(n) < 2147483648 ? String(n) : formatG(n);
}

function toStr(v: Value): string {
  if (typeof v === 'number') return numToStr(v);
  return typeof v === 'string' ? v : v.s;
}

function looksNumeric(v: Value): boolean {
  return typeof v === 'number' || (v instanceof StrNum && NUMERIC.test(v.s));
}

/** awk's printf/sprintf conversions. */
export function awkSprintf(fmt: string, args: Value[]): string {
  let i = 0;
  return fmt.replace(/%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d+))?([cdiouxXeEfgGs%])/g, (_m, flags: string, w: string | undefined, pr: string | undefined, conv: string) => {
    if (conv === '%') return '%';
    const width = w === '*' ? toNum(args[i++] ?? 0) : w ? Number(w) : 0;
    const prec = pr === '*' ? toNum(args[i++] ?? 0) : pr !== undefined ? Number(pr) : undefined;
    const arg = args[i++] ?? '';
    let s: string;
    switch (conv) {
      case 'c':
        s = typeof arg === 'number' ? String.fromCharCode(arg) : toStr(arg).slice(0, 1);
        break;
      case 's':
        s = toStr(arg);
        if (prec !== undefined) s = s.slice(0, prec);
        break;
      case 'd':
      case 'i':
        s = String(Math.trunc(toNum(arg)));
        break;
      case 'o':
        s = Math.trunc(toNum(arg)).toString(8);
        break;
      case 'x':
      case 'X':
        s = Math.trunc(toNum(arg)).toString(16);
        if (conv === 'X') s = s.toUpperCase();
        break;
      case 'u':
        s = String(Math.trunc(Math.abs(toNum(arg))));
        break;
      case 'e':
      case 'E': {
        const [m, e] = toNum(arg).toExponential(prec ?? 6).split('e');
        s = `${m}e${e!.startsWith('-') ? '-' : '+'}${e!.replace(/^[+-]/, '').padStart(2, '0')}`;
        if (conv === 'E') s = s.toUpperCase();
        break;
      }
      case 'f':
        s = toNum(arg).toFixed(prec ?? 6);
        break;
      default:
        s = formatG(toNum(arg), prec ?? 6);
        if (conv === 'G') s = s.toUpperCase();
    }
    if ('dieEfgG'.includes(conv) && flags.includes('+') && !s.startsWith('-')) s = `+${s}`;
    if (s.length >= width) return s;
    if (flags.includes('-')) return s.padEnd(width);
    if (flags.includes('0') && conv !== 's' && conv !== 'c') return s.startsWith('-') ? `-${s.slice(1).padStart(width - 1, '0')}` : s.padStart(width, '0');
    return s.padStart(width);
  });
}

export interface AwkIo {
  write(text: string): void;
  writeFile(path: string, text: string, append: boolean): void;
}

/** Runs rules over inputs; returns the exit status. */
export class AwkProgram {
  private vars = new Map<string, Value>();
  private arrays = new Map<string, Map<string, Value>>();
  private fields: Value[] = [];
  private nf = 0;
  private record = '';
  private opened = new Set<string>();
  private rangeActive = new Map<Rule, boolean>();
  private regexCache = new Map<string, RegExp>();

  constructor(
    private readonly rules: Rule[],
    private readonly io: AwkIo,
    assigns: [string, string][],
  ) {
    for (const [k, v] of Object.entries({ FS: ' ', OFS: ' ', ORS: '\n', RS: '\n', NR: 0, NF: 0, FNR: 0, SUBSEP: '\x1c', CONVFMT: '%.6g', OFMT: '%.6g', RSTART: 0, RLENGTH: -1, FILENAME: '' })) this.vars.set(k, v);
    for (const [k, v] of assigns) this.vars.set(k, new StrNum(v));
  }

  run(inputs: { name: string; text: string }[]): number {
    try {
      for (const r of this.rules) if (r.kind === 'begin') this.execBlock(r.action ?? []);
      if (this.rules.some((r) => r.kind !== 'begin')) {
        for (const input of inputs) {
          this.vars.set('FILENAME', input.name === '(standard input)' ? '' : input.name);
          this.vars.set('FNR', 0);
          for (const rec of this.records(input.text)) {
            this.vars.set('NR', toNum(this.vars.get('NR')!) + 1);
            this.vars.set('FNR', toNum(this.vars.get('FNR')!) + 1);
            this.setRecord(rec);
            try {
              this.runMainRules();
            } catch (e) {
              if (!(e instanceof Next)) throw e;
            }
          }
        }
      }
    } catch (e) {
      if (!(e instanceof Exit)) throw e;
      this.runEnd();
      return e.code;
    }
    return this.runEnd();
  }

  private runEnd(): number {
    try {
      for (const r of this.rules) if (r.kind === 'end') this.execBlock(r.action ?? []);
    } catch (e) {
      if (e instanceof Exit) return e.code;
      throw e;
    }
    return 0;
  }

  private records(text: string): string[] {
    const rs = toStr(this.vars.get('RS')!);
    if (rs === '') return text.split(/\n\n+/).filter((r) => r !== '').map((r) => r.replace(/\n+$/, ''));
    const parts = text.split(rs.length === 1 ? rs : new RegExp(rs));
    if (parts[parts.length - 1] === '') parts.pop();
    return parts;
  }

  private runMainRules(): void {
    for (const r of this.rules) {
      if (r.kind !== 'main') continue;
      let hit: boolean;
      if (r.range) {
        const active = this.rangeActive.get(r) ?? false;
        if (active) {
          hit = true;
          if (this.truthy(this.eval(r.range))) this.rangeActive.set(r, false);
        } else if (this.truthy(this.eval(r.pattern!))) {
          hit = true;
          this.rangeActive.set(r, !this.truthy(this.eval(r.range)));
        } else hit = false;
      } else hit = !r.pattern || this.truthy(this.eval(r.pattern));
      if (!hit) continue;
      if (r.action) this.execBlock(r.action);
      else this.io.write(`${this.record}${toStr(this.vars.get('ORS')!)}`);
    }
  }

  private setRecord(rec: string): void {
    this.record = rec;
    const fs = toStr(this.vars.get('FS')!);
    let parts: string[];
    if (fs === ' ') parts = rec.split(/[ \t\n]+/).filter((x) => x !== '');
    else if (rec === '') parts = [];
    else if (fs.length === 1 && fs !== '\\') parts = rec.split(fs);
    else parts = rec.split(this.regex(fs));
    this.fields = parts.map((s) => new StrNum(s));
    this.nf = parts.length;
    this.vars.set('NF', this.nf);
  }

  private rebuildRecord(): void {
    this.record = this.fields.slice(0, this.nf).map((f) => toStr(f ?? '')).join(toStr(this.vars.get('OFS')!));
  }

  private regex(src: string): RegExp {
    let re = this.regexCache.get(src);
    if (!re) {
      re = new RegExp(posixToJs(src, true));
      this.regexCache.set(src, re);
    }
    return re;
  }

  private truthy(v: Value): boolean {
    if (typeof v === 'number') return v !== 0;
    if (v instanceof StrNum) return looksNumeric(v) ? toNum(v) !== 0 : v.s !== '';
    return v !== '';
  }

  private execBlock(body: Stmt[]): void {
    for (const s of body) this.exec(s);
  }

  private exec(s: Stmt): void {
    switch (s.t) {
      case 'expr':
        this.eval(s.e);
        return;
      case 'print': {
        let text: string;
        if (s.printf) {
          const [fmt, ...rest] = s.args.map((a) => this.eval(a));
          text = awkSprintf(toStr(fmt ?? ''), rest);
        } else {
          const parts = s.args.length === 0 ? [this.record] : s.args.map((a) => this.outStr(this.eval(a)));
          text = parts.join(toStr(this.vars.get('OFS')!)) + toStr(this.vars.get('ORS')!);
        }
        if (s.dest) {
          const file = toStr(this.eval(s.dest.file));
          const append = s.dest.append || this.opened.has(file);
          this.opened.add(file);
          this.io.writeFile(file, text, append);
        } else this.io.write(text);
        return;
      }
      case 'if':
        if (this.truthy(this.eval(s.c))) this.exec(s.then);
        else if (s.else) this.exec(s.else);
        return;
      case 'while':
      case 'do':
      case 'for': {
        if (s.t === 'for' && s.init) this.exec(s.init);
        let first = s.t === 'do';
        for (let guard = 0; guard < 10_000_000; guard++) {
          if (!first && s.t !== 'for' && !this.truthy(this.eval(s.c))) break;
          if (s.t === 'for' && s.c && !this.truthy(this.eval(s.c))) break;
          first = false;
          try {
            this.exec(s.body);
          } catch (e) {
            if (e instanceof Break) break;
            if (!(e instanceof Continue)) throw e;
          }
          if (s.t === 'for' && s.step) this.exec(s.step);
        }
        return;
      }
      case 'forin': {
        for (const k of [...this.array(s.arr).keys()]) {
          this.vars.set(s.v, k);
          try {
            this.exec(s.body);
          } catch (e) {
            if (e instanceof Break) break;
            if (!(e instanceof Continue)) throw e;
          }
        }
        return;
      }
      case 'block':
        this.execBlock(s.body);
        return;
      case 'next':
        throw new Next();
      case 'exit':
        throw new Exit(s.code ? toNum(this.eval(s.code)) : 0);
      case 'break':
        throw new Break();
      case 'continue':
        throw new Continue();
      case 'delete':
        if (s.key) this.array(s.name).delete(this.key(s.key));
        else this.array(s.name).clear();
        return;
    }
  }

  private outStr(v: Value): string {
    return typeof v === 'number' && !(Number.isInteger(v) && Math.abs(v) < 2147483648) ? formatG(v) : toStr(v);
  }

  private array(name: string): Map<string, Value> {
    let a = this.arrays.get(name);
    if (!a) {
      a = new Map();
      this.arrays.set(name, a);
    }
    return a;
  }

  private key(exprs: Expr[]): string {
    return exprs.map((e) => toStr(this.eval(e))).join(toStr(this.vars.get('SUBSEP')!));
  }

  private get(target: Expr): Value {
    if (target.t === 'var') return target.name === 'NF' ? this.nf : (this.vars.get(target.name) ?? '');
    if (target.t === 'elem') {
      const arr = this.array(target.name);
      const k = this.key(target.key);
      if (!arr.has(k)) arr.set(k, '');
      return arr.get(k)!;
    }
    if (target.t === 'field') {
      const i = Math.trunc(toNum(this.eval(target.index)));
      if (i < 0) throw new AwkRuntimeError(`negative field index $${i}`);
      return i === 0 ? new StrNum(this.record) : (this.fields[i - 1] ?? '');
    }
    return this.eval(target);
  }

  private set(target: Expr, v: Value): Value {
    if (target.t === 'var') {
      if (target.name === 'NF') {
        this.nf = Math.trunc(toNum(v));
        this.fields.length = Math.max(this.fields.length, this.nf);
        this.rebuildRecord();
      }
      this.vars.set(target.name, v);
    } else if (target.t === 'elem') this.array(target.name).set(this.key(target.key), v);
    else if (target.t === 'field') {
      const i = Math.trunc(toNum(this.eval(target.index)));
      if (i === 0) this.setRecord(toStr(v));
      else {
        while (this.fields.length < i) this.fields.push('');
        this.fields[i - 1] = v;
        this.nf = Math.max(this.nf, i);
        this.vars.set('NF', this.nf);
        this.rebuildRecord();
      }
    }
    return v;
  }

  private compare(a: Value, b: Value): number {
    if (looksNumeric(a) && looksNumeric(b)) return toNum(a) - toNum(b);
    const x = toStr(a);
    const y = toStr(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }

  private matchRe(e: Expr): RegExp {
    return e.t === 'regex' ? this.regex(e.re) : this.regex(toStr(this.eval(e)));
  }

  eval(e: Expr): Value {
    switch (e.t) {
      case 'num':
        return e.v;
      case 'str':
        return e.v;
      case 'regex':
        return this.regex(e.re).test(this.record) ? 1 : 0;
      case 'group':
        return this.eval(e.e);
      case 'var':
      case 'elem':
      case 'field':
        return this.get(e);
      case 'assign': {
        if (e.op === '=') return this.set(e.target, this.eval(e.value) instanceof StrNum ? this.eval(e.value) : this.eval(e.value));
        const cur = toNum(this.get(e.target));
        const v = toNum(this.eval(e.value));
        return this.set(e.target, arith(e.op.slice(0, -1), cur, v));
      }
      case 'incdec': {
        const cur = toNum(this.get(e.target));
        const next = e.op === '++' ? cur + 1 : cur - 1;
        this.set(e.target, next);
        return e.prefix ? next : cur;
      }
      case 'un': {
        const v = this.eval(e.e);
        if (e.op === '!') return this.truthy(v) ? 0 : 1;
        return e.op === '-' ? -toNum(v) : toNum(v);
      }
      case 'cond':
        return this.truthy(this.eval(e.c)) ? this.eval(e.a) : this.eval(e.b);
      case 'in':
        return this.array(e.name).has(this.key(e.key)) ? 1 : 0;
      case 'bin':
        return this.binary(e);
      case 'call':
        return this.call(e.name, e.args);
    }
  }

  private binary(e: Extract<Expr, { t: 'bin' }>): Value {
    switch (e.op) {
      case '&&':
        return this.truthy(this.eval(e.l)) && this.truthy(this.eval(e.r)) ? 1 : 0;
      case '||':
        return this.truthy(this.eval(e.l)) || this.truthy(this.eval(e.r)) ? 1 : 0;
      case '~':
      case '!~': {
        const hit = this.matchRe(e.r).test(toStr(this.eval(e.l)));
        return hit === (e.op === '~') ? 1 : 0;
      }
      case 'concat':
        return toStr(this.eval(e.l)) + toStr(this.eval(e.r));
      case ',':
        return toStr(this.eval(e.l)) + toStr(this.vars.get('SUBSEP')!) + toStr(this.eval(e.r));
      case '<':
      case '<=':
      case '>':
      case '>=':
      case '==':
      case '!=': {
        const c = this.compare(this.eval(e.l), this.eval(e.r));
        return { '<': c < 0, '<=': c <= 0, '>': c > 0, '>=': c >= 0, '==': c === 0, '!=': c !== 0 }[e.op] ? 1 : 0;
      }
      default:
        return arith(e.op, toNum(this.eval(e.l)), toNum(this.eval(e.r)));
    }
  }

  private call(name: string, args: Expr[]): Value {
    const str = (i: number) => toStr(this.eval(args[i]!));
    const num = (i: number) => toNum(this.eval(args[i]!));
    switch (name) {
      case 'length':
        if (args.length === 0) return [...this.record].length;
        if (args[0]!.t === 'var' && this.arrays.has(args[0]!.name)) return this.arrays.get(args[0]!.name)!.size;
        return [...str(0)].length;
      case 'substr': {
        const s = [...str(0)];
        const start = Math.round(num(1));
        const len = args.length > 2 ? Math.round(num(2)) : Infinity;
        const from = Math.max(start, 1);
        const to = start + len;
        return s.slice(from - 1, Math.max(from - 1, to - 1)).join('');
      }
      case 'index': {
        const i = str(0).indexOf(str(1));
        return i + 1;
      }
      case 'split': {
        const target = args[1]!;
        if (target.t !== 'var') throw new AwkRuntimeError('split: second argument must be an array');
        const s = str(0);
        const fs = args[2] ? (args[2].t === 'regex' ? args[2].re : str(2)) : toStr(this.vars.get('FS')!);
        const parts = s === '' ? [] : fs === ' ' ? s.split(/[ \t\n]+/).filter(Boolean) : fs.length === 1 ? s.split(fs) : s.split(this.regex(fs));
        const arr = this.array(target.name);
        arr.clear();
        parts.forEach((part, i) => arr.set(String(i + 1), new StrNum(part)));
        return parts.length;
      }
      case 'sub':
      case 'gsub': {
        const re = this.matchRe(args[0]!);
        const repl = str(1);
        const target = args[2] ?? { t: 'field', index: { t: 'num', v: 0 } };
        let count = 0;
        const global = new RegExp(re.source, 'g');
        const out = toStr(this.get(target)).replace(global, (m) => {
          if (name === 'sub' && count > 0) return m;
          count++;
          return repl.replace(/\\\\|\\&|&/g, (r) => (r === '&' ? m : r === '\\&' ? '&' : '\\'));
        });
        if (count > 0) this.set(target, out);
        return count;
      }
      case 'match': {
        const m = this.matchRe(args[1]!).exec(str(0));
        this.vars.set('RSTART', m ? m.index + 1 : 0);
        this.vars.set('RLENGTH', m ? m[0].length : -1);
        return m ? m.index + 1 : 0;
      }
      case 'sprintf': {
        const [fmt, ...rest] = args.map((a) => this.eval(a));
        return awkSprintf(toStr(fmt ?? ''), rest);
      }
      case 'tolower':
        return str(0).toLowerCase();
      case 'toupper':
        return str(0).toUpperCase();
      case 'int':
        return Math.trunc(num(0));
      case 'sqrt':
        return Math.sqrt(num(0));
      case 'exp':
        return Math.exp(num(0));
      case 'log':
        return Math.log(num(0));
      case 'sin':
        return Math.sin(num(0));
      case 'cos':
        return Math.cos(num(0));
      case 'atan2':
        return Math.atan2(num(0), num(1));
      default:
        throw new AwkRuntimeError(`function ${name} is not supported`);
    }
  }
}

function arith(op: string, a: number, b: number): number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      if (b === 0) throw new AwkRuntimeError('division by zero');
      return a / b;
    case '%':
      if (b === 0) throw new AwkRuntimeError('division by zero in %');
      return a % b;
    default:
      return a ** b;
  }
}
