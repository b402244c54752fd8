import type { ProcessLoop, ProcessStep } from './types';

/** Result of reading a small shell script: a timeline, an optional endless loop, an end. */
export interface ScriptPlan {
  steps: ProcessStep[];
  loop?: ProcessLoop;
  /** Total time of the linear part; where an `exit` goes when the script just ends. */
  endMs: number;
  /** True when the script never ends by itself (sleep infinity, endless loop). */
  forever: boolean;
  /**
   * True when a command before any loop is one this reader does not model (`nslookup`, `wget`,
   * `false`, `for`): its output and status are not in `steps`.
   */
  unmodelled: boolean;
}

/** What {@link runSimple} models exactly (`true` and `:` do nothing and succeed). */
const MODELLED = new Set(['sleep', 'echo', 'touch', 'rm', 'exit', 'true', ':']);

/** `sleep 5`, `sleep 1.5`, `sleep 2m`, `sleep infinity`, as busybox and coreutils read them. */
export function parseSleep(arg: string | undefined): number {
  if (!arg) return 0;
  if (arg === 'infinity' || arg === 'inf') return Infinity;
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(arg);
  if (!m) return 0;
  const unit = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] ?? ''] ?? 1000;
  return Number(m[1]) * unit;
}

/** Splits on `;`, `&&` and newlines outside quotes; good enough for container one-liners. */
function splitCommands(script: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: string | null = null;
  for (let i = 0; i < script.length; i++) {
    const c = script[i]!;
    if (quote) {
      if (c === quote) quote = null;
      cur += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      cur += c;
    } else if (c === ';' || c === '\n') {
      out.push(cur);
      cur = '';
    } else if (c === '&' && script[i + 1] === '&') {
      out.push(cur);
      cur = '';
      i++;
    } else cur += c;
  }
  out.push(cur);
  return out.map((s) => s.trim()).filter(Boolean);
}

function words(cmd: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (let m = re.exec(cmd); m; m = re.exec(cmd)) out.push(m[1] ?? m[2] ?? m[3] ?? '');
  return out;
}

/** Runs a list of simple commands from time `t`, appending steps; returns the new time. */
function runSimple(cmds: string[], t: number, steps: ProcessStep[], env: Record<string, string>): { t: number; exited: boolean } {
  for (const cmd of cmds) {
    const [name, ...args] = words(cmd).map((w) => w.replace(/\$\{?(\w+)\}?/g, (_, v: string) => env[v] ?? ''));
    switch (name) {
      case 'sleep':
        t += parseSleep(args[0]);
        if (!Number.isFinite(t)) return { t, exited: false };
        break;
      case 'echo':
        steps.push({ atMs: t, kind: 'log', line: args.filter((a) => a !== '-n' && a !== '-e').join(' ') });
        break;
      case 'touch':
        for (const p of args) steps.push({ atMs: t, kind: 'touch', path: p });
        break;
      case 'rm':
        for (const p of args.filter((a) => !a.startsWith('-'))) steps.push({ atMs: t, kind: 'rm', path: p });
        break;
      case 'exit':
        steps.push({ atMs: t, kind: 'exit', code: Number(args[0] ?? 0) || 0 });
        return { t, exited: true };
      default:
        break;
    }
  }
  return { t, exited: false };
}

/**
 * Reads the script of `sh -c '...'` into a timeline. Understands what container one-liners use:
 * `echo`, `sleep`, `touch`, `rm`, `exit N` and a trailing `while true; do ...; done`; other
 * commands take no time and print nothing here, and `unmodelled` says so.
 */
export function planScript(script: string, env: Record<string, string> = {}): ScriptPlan {
  const steps: ProcessStep[] = [];
  const loopMatch = /while\s+(?:true|:)\s*;?\s*do\s+([\s\S]*?);?\s*done/.exec(script);
  const head = loopMatch ? script.slice(0, loopMatch.index) : script;
  const headCommands = splitCommands(head);
  const unmodelled = headCommands.some((cmd) => !MODELLED.has(words(cmd)[0] ?? ''));
  const r = runSimple(headCommands, 0, steps, env);
  if (r.exited) return { steps, endMs: r.t, forever: false, unmodelled };
  if (!Number.isFinite(r.t)) return { steps, endMs: r.t, forever: true, unmodelled };
  if (loopMatch) {
    const body: ProcessStep[] = [];
    const lr = runSimple(splitCommands(loopMatch[1] ?? ''), 0, body, env);
    if (lr.exited) {
      for (const s of body) steps.push({ ...s, atMs: s.atMs + r.t });
      return { steps, endMs: r.t + lr.t, forever: false, unmodelled };
    }
    if (!Number.isFinite(lr.t) || lr.t <= 0) return { steps, endMs: r.t, forever: true, unmodelled };
    return { steps, loop: { periodMs: lr.t, steps: body }, endMs: r.t, forever: true, unmodelled };
  }
  return { steps, endMs: r.t, forever: false, unmodelled };
}
