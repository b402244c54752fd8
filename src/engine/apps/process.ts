import { planScript, parseSleep } from './script';
import type { ContainerLaunch, ImageProfile, ProcessPlan, ProcessStep } from './types';

/** Docker's rule: `command` replaces ENTRYPOINT (and drops CMD), `args` replaces CMD. */
export function effectiveArgv(launch: ContainerLaunch, entrypoint: string[], cmd: string[]): string[] {
  if (launch.command && launch.command.length > 0) return [...launch.command, ...(launch.args ?? [])];
  return [...entrypoint, ...(launch.args && launch.args.length > 0 ? launch.args : cmd)];
}

const SHELLS = new Set(['sh', 'bash', 'zsh', 'ash', 'dash']);

/** `/bin/sh` → `sh`. */
export function baseCommand(path: string): string {
  const i = path.lastIndexOf('/');
  return i >= 0 ? path.slice(i + 1) : path;
}

/** runc's wording when the first word of the command is not an executable in the image. */
export function notFoundError(binary: string): string {
  const where = binary.includes('/') ? `stat ${binary}: no such file or directory` : `exec: "${binary}": executable file not found in $PATH`;
  return `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ${where}: unknown`;
}

/** A plan for a process that does nothing and runs until killed (`sleep infinity`, pause). */
export function foreverPlan(extra: Partial<ProcessPlan> = {}): ProcessPlan {
  return { listens: [], steps: [], listenAfterMs: 0, onSigterm: 'ignore', ...extra };
}

/** True when `name` can be executed in the image: its shell or one of its tools. */
export function imageHas(profile: ImageProfile, name: string): boolean {
  const base = baseCommand(name);
  if (profile.shell !== 'none' && (base === profile.shell || base === 'sh')) return true;
  if (profile.shell === 'bash' && base === 'bash') return true;
  return profile.tools.includes(base);
}

/**
 * How a general-purpose image (busybox, ubuntu, netshoot, ...) runs a command line: shells run
 * their `-c` script or wait on a terminal, `sleep` sleeps, other tools run in the container
 * (a plan with `command`, which the cluster's process hook runs through the container's shell).
 */
export function runCommandLine(profile: ImageProfile, launch: ContainerLaunch, argv: string[]): ProcessPlan {
  const [first, ...rest] = argv;
  if (!first) return { listens: [], steps: [{ atMs: 0, kind: 'exit', code: 0 }], listenAfterMs: 0, onSigterm: 'ignore' };
  const base = baseCommand(first);
  if (!imageHas(profile, first)) {
    return { listens: [], steps: [], listenAfterMs: 0, onSigterm: 'ignore', startError: notFoundError(first) };
  }
  if (SHELLS.has(base)) {
    const c = rest.indexOf('-c');
    if (c >= 0) return fromScript(rest[c + 1] ?? '', launch.env, argv);
    // An interactive shell lives as long as its terminal or stdin stays open.
    if (launch.tty || launch.stdin) return foreverPlan();
    return { listens: [], steps: [{ atMs: 0, kind: 'exit', code: 0 }], listenAfterMs: 0, onSigterm: 'ignore' };
  }
  if (base === 'sleep') {
    const ms = parseSleep(rest[0]);
    if (!Number.isFinite(ms)) return foreverPlan({ onSigterm: 'ignore' });
    return { listens: [], steps: [{ atMs: ms, kind: 'exit', code: 0 }], listenAfterMs: 0, onSigterm: 'ignore' };
  }
  if (base === 'echo') {
    return { listens: [], steps: [{ atMs: 0, kind: 'log', line: rest.join(' ') }, { atMs: 0, kind: 'exit', code: 0 }], listenAfterMs: 0, onSigterm: 'ignore' };
  }
  if (base === 'tail' && rest.includes('-f')) return foreverPlan();
  // Any other tool really runs in the container (its output is the log, its status the exit code).
  return commandPlan(argv);
}

/** A plan whose process is `argv` run in the container; it ends when the command does. */
function commandPlan(argv: string[]): ProcessPlan {
  return { listens: [], steps: [], listenAfterMs: 0, onSigterm: 'ignore', command: argv };
}

/**
 * A script the reader models becomes a timeline; one that ends but runs commands the reader
 * cannot model (`nslookup kubernetes; wget -qO- http://web`) runs in the container.
 */
function fromScript(script: string, env: Record<string, string>, argv: string[]): ProcessPlan {
  const plan = planScript(script, env);
  if (plan.unmodelled && !plan.forever) return commandPlan(argv);
  const steps: ProcessStep[] = [...plan.steps];
  if (!plan.forever && !steps.some((s) => s.kind === 'exit')) steps.push({ atMs: plan.endMs, kind: 'exit', code: 0 });
  return { listens: [], steps, ...(plan.loop ? { loop: plan.loop } : {}), listenAfterMs: 0, onSigterm: 'ignore' };
}
