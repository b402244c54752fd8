/**
 * What exec and run decide about a container's process before they enter or run anything:
 * is this a shell, can the image run that binary, is the main process an interactive shell.
 * The machine itself comes from `cluster/containerMachine`.
 */
import { baseCommand } from '../../apps/process';
import type { ImageProfile } from '../../apps';
import { imageExecutables } from '../../cluster/containerMachine';

/** Images whose default command (no command/args in the pod spec) is an interactive shell. */
const SHELL_BY_DEFAULT = new Set(['busybox', 'ubuntu', 'dnsutils', 'netshoot']);

/** Whether `argv[0]` is a shell this image has (what exec -it turns into an interactive session). */
export function isShell(profile: ImageProfile, argv0: string): boolean {
  const base = baseCommand(argv0);
  if (profile.shell === 'none') return false;
  return base === 'sh' || base === profile.shell || (base === 'bash' && profile.tools.includes('bash'));
}

/** Whether the image can run `argv0` at all (shell, one of its tools, or a shell builtin path). */
export function imageCanRun(profile: ImageProfile, argv0: string): boolean {
  return isShell(profile, argv0) || imageExecutables(profile).includes(baseCommand(argv0));
}

/**
 * The shell the container's main process is, as `kubectl run -it` attaches to it (`sh`, `/bin/bash`),
 * or undefined when it is not a shell.
 */
export function mainProcessShell(profile: ImageProfile, command: string[] | undefined, args: string[] | undefined): string | undefined {
  // With only args, the image's entrypoint runs them; the shell images here have none, so
  // `kubectl run -it ... -- sh` runs `sh` itself.
  const argv = command?.length ? [...command, ...(args ?? [])] : SHELL_BY_DEFAULT.has(profile.name) ? (args ?? []) : undefined;
  if (argv === undefined) return undefined;
  if (argv.length === 0) return profile.shell;
  return argv.length === 1 && isShell(profile, argv[0]!) ? argv[0] : undefined;
}

/** Whether the container's main process is a shell `kubectl run -it` can talk to. */
export function mainProcessIsShell(profile: ImageProfile, command: string[] | undefined, args: string[] | undefined): boolean {
  return mainProcessShell(profile, command, args) !== undefined;
}
