/**
 * `kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...]`: an interactive
 * shell (`-it ... -- bash`) enters the container's machine; anything else runs there once.
 * Errors follow what the API server, kubelet and runc print (kubectl `pkg/cmd/exec/exec.go`).
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { execNotFound } from '../../apps';
import type { KubectlContext, Verb } from '../verb';
import { KubectlError, guarded } from './common';
import { containerMachine } from '../../cluster/containerMachine';
import { whenDone } from '../../shell/outcome';
import { imageCanRun, isShell } from './containerShell';
import { interactiveShell } from '../../shell/tools/shellCommand';
import { defaultContainer, podForArgs } from './podPicker';

const EXEC_USAGE = "expected 'exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...]'.\nPOD or TYPE/NAME is a required argument for the exec command";

/**
 * The pod, container and command an exec invocation names. The old `exec POD COMMAND` form is a
 * usage error since kubectl 1.31 (exec.go Complete: more than one argument and no `--`).
 */
function parseExec(ctx: KubectlContext): { pod: Pod; container: string; command: string[] } {
  const podArgs = ctx.args;
  const command = ctx.afterDash;
  if (command.length === 0 && ctx.args.length > 1) throw new KubectlError('exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead', 'exec');
  if (podArgs.length === 0) throw new KubectlError(EXEC_USAGE, 'exec');
  if (command.length === 0) throw new KubectlError('you must specify at least one command for the container');
  const pod = podForArgs(ctx, podArgs);
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') throw new KubectlError(`cannot exec into a container in a completed pod; current phase is ${phase}`);
  const container = (ctx.flags.get<string>('container') ?? '') || defaultContainer(ctx, pod);
  return { pod, container, command };
}

export const execVerb: Verb = {
  name: 'exec',
  short: 'Execute a command in a container',
  usage: 'kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...] [options]',
  flags: [
    { name: 'container', short: 'c', kind: 'string', default: '', usage: 'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen' },
    { name: 'stdin', short: 'i', kind: 'bool', default: false, usage: 'Pass stdin to the container' },
    { name: 'tty', short: 't', kind: 'bool', default: false, usage: 'Stdin is a TTY' },
    { name: 'quiet', short: 'q', kind: 'bool', default: false, usage: 'Only print output from the remote session' },
    { name: 'pod-running-timeout', kind: 'duration', default: 60_000, usage: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running' },
  ],
  run: (ctx) =>
    guarded(ctx, () => {
      const { pod, container, command } = parseExec(ctx);
      const node = pod.spec?.nodeName ?? '';
      const ns = pod.metadata?.namespace ?? ctx.namespace;
      const name = pod.metadata?.name ?? '';
      const machine = node ? containerMachine(ctx.sim, { namespace: ns, pod: name, container, node }) : undefined;
      if (!machine) throw new KubectlError(`unable to upgrade connection: container not found ("${container}")`);
      const profile = ctx.sim.kubelet(node)!.container(ns, name, container)!.profile;
      if (!imageCanRun(profile, command[0]!)) {
        ctx.cmd.stderr(`${execNotFound(command[0]!)}\ncommand terminated with exit code 126\n`);
        return 126;
      }
      const stdin = ctx.flags.get<boolean>('stdin') ?? false;
      const tty = ctx.flags.get<boolean>('tty') ?? false;
      if (tty && !stdin && !(ctx.flags.get<boolean>('quiet') ?? false)) ctx.cmd.stderr('Unable to use a TTY - input is not a terminal or the right kind of file\n');
      if (isShell(profile, command[0]!) && command.length === 1 && stdin && tty) {
        const shell = interactiveShell(machine, command[0]!);
        ctx.cmd.shell.enter(machine, { cwd: '/', ...(shell ? { shell } : {}) });
        return 0;
      }
      // A shell without a script and without input (no -i, or nothing piped) reads EOF and ends.
      // Reading stdin consumes it: take it once.
      const input = stdin ? ctx.cmd.stdin : '';
      if (isShell(profile, command[0]!) && command.length === 1 && input === '') return 0;
      return whenDone(ctx.cmd.shell.runOn(machine, command, input), (code) => {
        if (code !== 0) ctx.cmd.stderr(`command terminated with exit code ${code}\n`);
        return code;
      });
    }),
};
