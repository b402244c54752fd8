import { baseCommand, imageHas } from './process';
import type { ImageProfile } from './types';

/** What a command run inside a container (exec probe, `kubectl exec`) returned. */
export interface ExecResult {
  exitCode: number;
  output: string;
}

/** The view of a container's filesystem an exec needs: files the process created or removed. */
export interface ContainerFiles {
  exists(path: string): boolean;
}

/**
 * containerd's wording when the binary of an exec is missing (what an exec probe reports as its
 * failure output).
 */
export function execNotFound(binary: string): string {
  return `OCI runtime exec failed: exec failed: unable to start container process: exec: "${binary}": executable file not found in $PATH: unknown`;
}

/**
 * Runs a short non-interactive command the way an exec probe does: checks files for
 * `cat`/`test`/`ls`, honours `true`/`false`/`exit`, runs `sh -c` scripts command by command.
 * Programs we do not model succeed silently if the image has them.
 */
export function runExec(profile: ImageProfile, files: ContainerFiles, argv: readonly string[]): ExecResult {
  const [first, ...args] = argv;
  if (!first) return { exitCode: 0, output: '' };
  if (!imageHas(profile, first) && !['true', 'false', 'test', '[', 'exit'].includes(baseCommand(first))) {
    return { exitCode: 126, output: execNotFound(first) };
  }
  const base = baseCommand(first);
  const busybox = profile.shell === 'sh';
  switch (base) {
    case 'sh':
    case 'bash':
    case 'zsh': {
      const c = args.indexOf('-c');
      if (c < 0) return { exitCode: 0, output: '' };
      let last: ExecResult = { exitCode: 0, output: '' };
      let output = '';
      for (const cmd of (args[c + 1] ?? '').split(/;|&&|\n/).map((s) => s.trim()).filter(Boolean)) {
        last = runExec(profile, files, cmd.split(/\s+/));
        output += last.output;
        if (last.exitCode !== 0 && /&&/.test(args[c + 1] ?? '')) break;
      }
      return { exitCode: last.exitCode, output };
    }
    case 'true':
      return { exitCode: 0, output: '' };
    case 'false':
      return { exitCode: 1, output: '' };
    case 'exit':
      return { exitCode: Number(args[0] ?? 0) || 0, output: '' };
    case 'cat':
    case 'ls': {
      for (const p of args.filter((a) => !a.startsWith('-'))) {
        if (!files.exists(p)) {
          const msg = base === 'cat'
            ? busybox ? `cat: can't open '${p}': No such file or directory\n` : `cat: ${p}: No such file or directory\n`
            : busybox ? `ls: ${p}: No such file or directory\n` : `ls: cannot access '${p}': No such file or directory\n`;
          return { exitCode: base === 'ls' && !busybox ? 2 : 1, output: msg };
        }
      }
      return { exitCode: 0, output: '' };
    }
    case 'test':
    case '[': {
      const path = args.find((a) => !a.startsWith('-') && a !== ']');
      return { exitCode: path && files.exists(path) ? 0 : 1, output: '' };
    }
    default:
      return { exitCode: 0, output: '' };
  }
}
