/**
 * `kubectl attach (POD | TYPE/NAME) [-c CONTAINER] [-i] [-t]` (pkg/cmd/attach/attach.go): joins the
 * container's main process. A shell started with `stdin: true, tty: true` becomes the learner's
 * shell (`-it`); leaving it ends the process, as it would on a real cluster. Any other process
 * streams what it prints from now on until it ends or Ctrl+C.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { Job } from '../../shell/types';
import type { KubectlContext, Verb } from '../verb';
import { KubectlError, guarded } from './common';
import { containerMachine } from '../../cluster/containerMachine';
import { mainProcessShell } from './containerShell';
import { interactiveShell } from '../../shell/tools/shellCommand';
import { defaultContainer, podForArgs } from './podPicker';

/** Streams the lines the container writes after now, until it stops or restarts (or Ctrl+C). */
function outputJob(ctx: KubectlContext, pod: Pod, container: string): Job {
  const node = ctx.sim.kubelet(pod.spec?.nodeName ?? '');
  const ns = pod.metadata?.namespace ?? ctx.namespace;
  const name = pod.metadata?.name ?? '';
  const restarts = node?.container(ns, name, container)?.container.restartCount;
  let printed = node?.logs(ns, name, container)?.length ?? 0;
  return {
    poll() {
      const lines = node?.logs(ns, name, container) ?? [];
      for (const l of lines.slice(printed)) ctx.cmd.stdout(`${l.line}\n`);
      printed = lines.length;
      const c = node?.container(ns, name, container)?.container;
      return c && c.state === 'running' && c.restartCount === restarts ? undefined : 0;
    },
    wakeAt: () => undefined,
    interrupt: () => undefined,
  };
}

export const attachVerb: Verb = {
  name: 'attach',
  short: 'Attach to a running container',
  usage: 'kubectl attach (POD | TYPE/NAME) -c CONTAINER',
  flags: [
    { name: 'container', short: 'c', kind: 'string', default: '', usage: 'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen' },
    { name: 'pod-running-timeout', kind: 'duration', default: 60_000, usage: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running' },
    { name: 'quiet', short: 'q', kind: 'bool', default: false, usage: 'Only print output from the remote session' },
    { name: 'stdin', short: 'i', kind: 'bool', default: false, usage: 'Pass stdin to the container' },
    { name: 'tty', short: 't', kind: 'bool', default: false, usage: 'Stdin is a TTY' },
  ],
  run: (ctx) =>
    guarded(ctx, () => {
      if (ctx.args.length === 0) throw new KubectlError('at least 1 argument is required for attach');
      if (ctx.args.length > 2) throw new KubectlError(`expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw ${ctx.args.length}: [${ctx.args.join(' ')}]`);
      if ((ctx.flags.get<number>('pod-running-timeout') ?? 0) <= 0) throw new KubectlError('--pod-running-timeout must be higher than zero');
      const pod = podForArgs(ctx, ctx.args);
      const phase = pod.status?.phase;
      if (phase === 'Succeeded' || phase === 'Failed') throw new KubectlError(`cannot attach a container in a completed pod; current phase is ${phase}`);
      const quiet = ctx.flags.get<boolean>('quiet') ?? false;
      const name = pod.metadata?.name ?? '';
      const wanted = ctx.flags.get<string>('container') ?? '';
      const containerName = wanted || defaultContainer(ctx, pod);
      const spec = (pod.spec?.containers ?? []).find((c) => c.name === containerName);
      if (!spec) throw new KubectlError(`cannot attach to the container: container ${containerName} not found in pod ${name}`);
      const stdin = ctx.flags.get<boolean>('stdin') ?? false;
      let tty = ctx.flags.get<boolean>('tty') ?? false;
      if (tty && !spec.tty) {
        tty = false;
        if (!quiet) ctx.cmd.stderr(`error: Unable to use a TTY - container ${containerName} did not allocate one\n`);
      } else if (!tty && spec.tty) tty = true;
      // SetupTTY: a terminal only with stdin; then the session is raw.
      const raw = stdin && tty;
      const node = pod.spec?.nodeName ?? '';
      const ns = pod.metadata?.namespace ?? ctx.namespace;
      const running = ctx.sim.kubelet(node)?.container(ns, name, containerName);
      if (!running || running.container.state !== 'running') throw new KubectlError(`unable to upgrade connection: container not found ("${containerName}")`);
      if (!quiet) ctx.cmd.stderr("If you don't see a command prompt, try pressing enter.\n");
      const reattach = !quiet && stdin && raw && pod.spec?.restartPolicy === 'Always';
      const reattachMessage = `Session ended, resume using 'kubectl attach ${name} -c ${containerName} -i -t' command when the pod is running\n`;
      const shell = mainProcessShell(running.profile, spec.command, spec.args);
      const machine = raw && shell !== undefined ? containerMachine(ctx.sim, { namespace: ns, pod: name, container: containerName, node }) : undefined;
      if (machine && shell !== undefined) {
        const identity = interactiveShell(machine, shell);
        ctx.cmd.shell.enter(machine, {
          cwd: '/',
          ...(identity ? { shell: identity } : {}),
          onExit: (code) => {
            // The shell is the container's main process: leaving it ends the container.
            ctx.sim.kubelet(node)?.mainProcessExited(ns, name, containerName, code);
            if (reattach) ctx.cmd.stdout(reattachMessage);
            return 0;
          },
        });
        return 0;
      }
      const job = outputJob(ctx, pod, containerName);
      return {
        exitCode: 0,
        job: {
          ...job,
          poll: (now) => {
            const code = job.poll(now);
            if (code !== undefined && reattach) ctx.cmd.stdout(reattachMessage);
            return code;
          },
        },
      };
    }),
};
