/**
 * `kubectl run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=...] [--command] -- [COMMAND] [args...]`.
 * With `-i`/`-t` it waits (virtual time) for the pod, then attaches: a shell main process
 * becomes the learner's shell; other processes stream their output; a finished pod prints its logs.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/types';
import { resolveImage } from '../../apps';
import type { Job } from '../../shell/types';
import { deleteLine } from '../print';
import type { FlagValue, KubectlContext, Verb } from '../verb';
import { withSavedConfig } from './typedJson';
import { DRY_RUN_FLAG, PRINT_FLAGS, SAVE_CONFIG_FLAG, KubectlError, checkOutputFormat, dryRunOf, fieldManagerFlag, generatedNamespace, guarded, printObject } from './common';
import { containerMachine } from '../../cluster/containerMachine';
import { mainProcessShell } from './containerShell';
import { interactiveShell } from '../../shell/tools/shellCommand';
import { generateRunPod, generateRunService } from './runPod';

const PROMPT_HINT = "If you don't see a command prompt, try pressing enter.\n";

function podNow(ctx: KubectlContext, name: string): Pod | undefined {
  return ctx.api.tryGet('pods', ctx.namespace, name) as unknown as Pod | undefined;
}

function runningAndReady(p: Pod): boolean {
  return p.status?.phase === 'Running' && (p.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false);
}

function logsOf(ctx: KubectlContext, p: Pod): { lines: string[]; state: string | undefined } {
  const node = p.spec?.nodeName ?? '';
  const name = p.metadata?.name ?? '';
  const c = p.spec?.containers?.[0]?.name ?? name;
  const info = ctx.sim.kubelet(node)?.container(ctx.namespace, name, c);
  return { lines: (ctx.sim.kubelet(node)?.logs(ctx.namespace, name, c) ?? []).map((l) => `${l.line}\n`), state: info?.container.state };
}

/** `--rm`: delete the pod and say so (delete.go's line, kubectl ≥1.34 wording). */
function removePod(ctx: KubectlContext, name: string): void {
  ctx.api.delete('pods', ctx.namespace, name);
  ctx.cmd.stdout(deleteLine({ kind: 'Pod', group: '', name, namespace: ctx.namespace }));
}

/** Waits for the pod, then attaches as kubectl run -i/-t does. */
function attachJob(ctx: KubectlContext, name: string, remove: boolean, quiet: boolean, timeoutMs: number): Job {
  const deadline = ctx.now() + timeoutMs;
  let printed = -1;
  let exit: number | undefined;
  // run.go after the attach: the deferred --rm, then a failed pod's CodeExitError (the container's status).
  const reportEnd = (p: Pod): number => {
    const term = p.status?.containerStatuses?.[0]?.state?.terminated;
    if (remove) removePod(ctx, name);
    if (p.status?.phase === 'Failed' || (term && term.exitCode !== 0)) {
      ctx.cmd.stderr(`pod ${ctx.namespace}/${name} terminated (${term?.reason ?? 'Error'})\n`);
      return term?.exitCode || 1;
    }
    return 0;
  };
  const finishCompleted = (p: Pod): number => {
    for (const l of logsOf(ctx, p).lines) ctx.cmd.stdout(l);
    return reportEnd(p);
  };
  const step = (now: number): number | undefined => {
    const p = podNow(ctx, name);
    if (!p) {
      ctx.cmd.stderr(`error: pods "${name}" not found\n`);
      return 1;
    }
    if (printed < 0) {
      if (p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed') return finishCompleted(p);
      if (!runningAndReady(p)) {
        if (now >= deadline) {
          ctx.cmd.stderr('error: timed out waiting for the condition\n');
          return 1;
        }
        return undefined;
      }
      if (!quiet) ctx.cmd.stderr(PROMPT_HINT);
      const container = p.spec!.containers![0]!;
      const profile = resolveImage(container.image ?? '').profile;
      const mainShell = mainProcessShell(profile, container.command, container.args);
      if (mainShell !== undefined) {
        const machine = containerMachine(ctx.sim, { namespace: ctx.namespace, pod: name, container: container.name, node: p.spec!.nodeName! });
        if (machine) {
          const restartAlways = p.spec?.restartPolicy === 'Always';
          const shell = interactiveShell(machine, mainShell);
          ctx.cmd.shell.enter(machine, {
            cwd: '/',
            ...(shell ? { shell } : {}),
            onExit: (code) => {
              // The shell was the container's main process: leaving it ends the container, and
              // the kubelet restarts it (Always, OnFailure on error) or the pod completes.
              ctx.sim.kubelet(p.spec!.nodeName!)?.mainProcessExited(ctx.namespace, name, container.name, code);
              // run.go waits for the pod (waitForPod) before it reports; the kubelet posts the exit
              // after its next relist. Where time flows outside (browser) it cannot wait here, and
              // takes the exit from the runtime the kubelet is about to report.
              const advance = ctx.cmd.shell.advance;
              const exitPosted = () => !podNow(ctx, name)?.status?.containerStatuses?.[0]?.state?.running;
              for (const until = ctx.now() + timeoutMs; !restartAlways && advance && !exitPosted() && ctx.now() < until; ) advance(Math.max(1, (ctx.sim.clock.nextDue() ?? until) - ctx.now()));
              const after = podNow(ctx, name);
              const runtime = ctx.sim.kubelet(p.spec!.nodeName!)?.container(ctx.namespace, name, container.name)?.container;
              const term = exitPosted() ? after?.status?.containerStatuses?.[0]?.state?.terminated : runtime?.state === 'terminated' ? { exitCode: runtime.exitCode ?? 0, reason: runtime.reason } : undefined;
              // attach.go's notice (restartPolicy Always only), then run's --rm cleanup.
              if (restartAlways && !quiet) ctx.cmd.stdout(`Session ended, resume using 'kubectl attach ${name} -c ${container.name} -i -t' command when the pod is running\n`);
              if (remove && after) removePod(ctx, name);
              // Without Always, run waits for the pod and reports a failed one (run.go, after the deferred --rm).
              const failed = exitPosted() ? after?.status?.phase === 'Failed' : p.spec?.restartPolicy === 'Never';
              if (!restartAlways && failed && term && term.exitCode !== 0) {
                ctx.cmd.stderr(`pod ${ctx.namespace}/${name} terminated (${term.reason ?? 'Error'})\n`);
                return term.exitCode; // run.go's CodeExitError carries the container's status
              }
              return 0;
            },
          });
          return 0;
        }
      }
      printed = 0;
    }
    const { lines, state } = logsOf(ctx, p);
    for (const l of lines.slice(printed)) ctx.cmd.stdout(l);
    printed = lines.length;
    if (state !== 'running') return p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed' ? reportEnd(p) : undefined;
    return undefined;
  };
  return {
    poll(now) {
      if (exit === undefined) exit = step(now);
      return exit;
    },
    // Waiting for the pod moves time (bounded by --pod-running-timeout); streaming does not.
    wakeAt: () => (printed < 0 ? Math.min(ctx.sim.clock.nextDue() ?? deadline, deadline) : undefined),
    interrupt() {
      if (remove && podNow(ctx, name)) removePod(ctx, name);
    },
  };
}

export const runVerb: Verb = {
  name: 'run',
  short: 'Run a particular image on the cluster',
  usage: 'kubectl run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...] [options]',
  flags: [
    DRY_RUN_FLAG,
    ...PRINT_FLAGS,
    fieldManagerFlag('kubectl-run'),
    SAVE_CONFIG_FLAG,
    { name: 'image', kind: 'string', default: '', usage: 'The image for the container to run.' },
    { name: 'restart', kind: 'string', default: 'Always', usage: "The restart policy for this Pod.  Legal values [Always, OnFailure, Never]." },
    { name: 'rm', kind: 'bool', default: false, usage: 'If true, delete the pod after it exits.  Only valid when attaching to the container, e.g. with \'--attach\' or with \'-i/--stdin\'.' },
    { name: 'stdin', short: 'i', kind: 'bool', default: false, usage: 'Keep stdin open on the container in the pod, even if nothing is attached.' },
    { name: 'tty', short: 't', kind: 'bool', default: false, usage: 'Allocate a TTY for the container in the pod.' },
    { name: 'attach', kind: 'bool', default: false, usage: "If true, wait for the Pod to start running, and then attach to the Pod as if 'kubectl attach ...' were called." },
    { name: 'leave-stdin-open', kind: 'bool', default: false, usage: 'If the pod is started in interactive mode or with stdin, leave stdin open after the first attach completes.' },
    { name: 'command', kind: 'bool', default: false, usage: "If true and extra arguments are present, use them as the 'command' field in the container, rather than the 'args' field which is the default." },
    { name: 'env', kind: 'stringArray', default: [], usage: 'Environment variables to set in the container.' },
    { name: 'labels', short: 'l', kind: 'string', default: '', usage: 'Comma separated labels to apply to the pod. Will override previous values.' },
    { name: 'annotations', kind: 'stringArray', default: [], usage: 'Annotations to apply to the pod.' },
    { name: 'port', kind: 'string', default: '', usage: 'The port that this container exposes.' },
    { name: 'expose', kind: 'bool', default: false, usage: 'If true, create a ClusterIP service associated with the pod.  Requires `--port`.' },
    { name: 'image-pull-policy', kind: 'string', default: '', usage: "The image pull policy for the container.  If left empty, this value will not be specified by the client and defaulted by the server." },
    { name: 'serviceaccount', kind: 'string', default: '', usage: "Service account to set in the pod spec." },
    { name: 'pod-running-timeout', kind: 'duration', default: 60_000, usage: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running' },
    { name: 'quiet', short: 'q', kind: 'bool', default: false, usage: 'If true, suppress prompt messages.' },
  ],
  run: (ctx) =>
    guarded(ctx, () => {
      if (ctx.args.length === 0) throw new KubectlError('NAME is required for run', 'run');
      const name = ctx.args[0]!;
      const f = <T extends FlagValue>(n: string) => ctx.flags.get<T>(n);
      const image = f<string>('image') ?? '';
      if (!image) throw new KubectlError('--image is required');
      if (!/^[a-z0-9]+([._/:@-][a-zA-Z0-9_.-]+)*$/.test(image)) throw new KubectlError(`Invalid image name "${image}": invalid reference format`);
      const restart = f<string>('restart') ?? 'Always';
      if (!['Always', 'OnFailure', 'Never'].includes(restart)) throw new KubectlError(`invalid restart policy: ${restart}`);
      const stdin = f<boolean>('stdin') ?? false;
      const tty = f<boolean>('tty') ?? false;
      const attach = stdin || (f<boolean>('attach') ?? false);
      const remove = f<boolean>('rm') ?? false;
      if (remove && !attach) throw new KubectlError('--rm should only be used for attached containers');
      if (tty && !stdin) throw new KubectlError('-i/--stdin is required for containers with -t/--tty=true');
      const port = f<string>('port') ?? '';
      if (f<boolean>('expose') && !port) throw new KubectlError('--port must be set when exposing a service');
      checkOutputFormat(ctx);
      const dryRun = dryRunOf(ctx);
      if (dryRun !== 'none' && attach) throw new KubectlError("--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)");
      const pod = generateRunPod({
        name,
        image,
        labels: f<string>('labels') ?? '',
        env: f<string[]>('env') ?? [],
        port,
        restart: restart as 'Always',
        stdin,
        tty,
        leaveStdinOpen: f<boolean>('leave-stdin-open') ?? false,
        command: f<boolean>('command') ?? false,
        args: [...ctx.args.slice(1), ...ctx.afterDash],
        imagePullPolicy: f<string>('image-pull-policy') ?? '',
        serviceAccount: f<string>('serviceaccount') ?? '',
        annotations: f<string[]>('annotations') ?? [],
        ...generatedNamespace(ctx),
      });
      // createGeneratedObject: the annotation goes on before the dry-run check, on the Service of --expose too.
      const send = (resource: string, generated: KubeObject): KubeObject => {
        const obj = f<boolean>('save-config') ? withSavedConfig(generated) : generated;
        return dryRun === 'client' ? obj : ctx.api.create(resource, ctx.namespace, obj, { dryRun: dryRun === 'server', fieldManager: f<string>('field-manager') ?? 'kubectl-run' });
      };
      if (f<boolean>('expose')) printObject(ctx, send('services', generateRunService(pod, port, generatedNamespace(ctx).namespace)), 'created', dryRun);
      const created = send('pods', pod);
      if (!attach) {
        printObject(ctx, created, 'created', dryRun);
        return 0;
      }
      return { exitCode: 0, job: attachJob(ctx, name, remove, f<boolean>('quiet') ?? false, f<number>('pod-running-timeout') ?? 60_000) };
    }),
};
