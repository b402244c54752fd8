/** Runs a network tool as the shell would, collecting output and letting virtual time pass for jobs. */
import type { Place, ToolFactory } from '../../cluster/tools';
import type { CommandContext, CommandEffects } from '../../shell/types';
import { Vfs } from '../../shell/vfs/Vfs';
import type { Simulation } from '../../sim/Simulation';

export interface ToolRun {
  stdout: string;
  stderr: string;
  /** stdout and stderr interleaved as a terminal shows them. */
  output: string;
  exitCode: number;
  fs: Vfs;
}

export function runTool(sim: Simulation, place: Place, tool: ToolFactory, argv: string[], opts: { isTTY?: boolean } = {}): ToolRun {
  let stdout = '';
  let stderr = '';
  let output = '';
  const fs = new Vfs(() => sim.clock.now());
  const ctx = {
    argv,
    stdin: '',
    stdout: (t: string) => ((stdout += t), (output += t)),
    stderr: (t: string) => ((stderr += t), (output += t)),
    isTTY: opts.isTTY ?? true,
    env: { get: () => undefined, set: () => {}, unset: () => {}, exported: () => [] },
    cwd: '/root',
    fs,
    now: () => sim.clock.now(),
    resolve: (p: string) => (p.startsWith('/') ? p : `/root/${p}`),
    exec: () => 127,
    shell: { advance: (ms: number) => sim.advance(ms) },
  } as unknown as CommandContext;
  fs.mkdir('/root', true);
  const result = tool({ sim, place })(ctx);
  let exitCode = typeof result === 'number' ? result : result.exitCode;
  const job = typeof result === 'number' ? undefined : (result as CommandEffects).job;
  if (job) {
    for (;;) {
      const code = job.poll(sim.clock.now());
      if (code !== undefined) {
        exitCode = code;
        break;
      }
      const wake = job.wakeAt();
      if (wake === undefined) break;
      sim.advance(Math.max(0, wake - sim.clock.now()));
    }
  }
  return { stdout, stderr, output, exitCode, fs };
}
