import type { ShellResult } from './types';

type Builtin = (args: string[], session: ShellSession) => { stdout?: string; stderr?: string; code: number; clear?: boolean };

const BUILTINS: Record<string, Builtin> = {
  echo: (args) => ({ stdout: `${args.join(' ')}\n`, code: 0 }),
  clear: () => ({ code: 0, clear: true }),
  help: () => ({ stdout: HELP, code: 0 }),
  true: () => ({ code: 0 }),
  false: () => ({ code: 1 }),
};

const HELP = `kubelab shell: a simulated kubeadm cluster (Kubernetes 1.34).
You are on the control-plane node as the cluster admin. Type commands as on a real node:
  echo TEXT        print TEXT
  clear            clear the screen (also Ctrl+L)
  help             this text
`;

/**
 * One terminal: a user at a prompt on a machine of the cluster. The browser terminal and
 * `npx kubelab shell` both drive this class, which is why their transcripts match.
 */
export class ShellSession {
  readonly host = 'controlplane';
  cwd = '~';
  lastExitCode = 0;

  prompt(): string {
    return `${this.host}:${this.cwd}$ `;
  }

  execute(line: string): ShellResult {
    const words = line.trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) return { output: '', exitCode: this.lastExitCode, prompt: this.prompt() };
    const [name, ...args] = words as [string, ...string[]];
    const builtin = BUILTINS[name];
    if (!builtin) {
      this.lastExitCode = 127;
      return { output: `bash: ${name}: command not found\n`, exitCode: 127, prompt: this.prompt() };
    }
    const r = builtin(args, this);
    this.lastExitCode = r.code;
    return { output: (r.stdout ?? '') + (r.stderr ?? ''), exitCode: r.code, prompt: this.prompt(), ...(r.clear ? { clear: true } : {}) };
  }
}
