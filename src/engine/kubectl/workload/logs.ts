/**
 * `kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]`: log lines come from the node's
 * kubelet; validation errors are the ones the kubelet/API server return
 * (`validateContainerLogStatus`), printed as `Error from server (BadRequest): ...`.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { ApiError } from '../../api/types';
import { invalidError } from '../../api/errors';
import { invalid } from '../../api/validation/fieldErrors';
import type { Job } from '../../shell/types';
import type { LogLine } from '../../kubelet/runtimeTypes';
import type { KubectlContext, Verb } from '../verb';
import { KubectlError, guarded } from './common';
import { defaultContainer, podForArgs, podsBySelector } from './podPicker';
import { rfc3339NanoFixed, subMillisecondNanos } from './logTimestamps';
import { GoTimeParseError, parseRfc3339 } from './goRfc3339';

/** util.ParseRFC3339's error, as Complete returns it. */
function parseSinceTime(s: string): number {
  try {
    return parseRfc3339(s);
  } catch (e) {
    if (e instanceof GoTimeParseError) throw new KubectlError(e.message);
    throw e;
  }
}

const badRequest = (msg: string) => new ApiError(400, 'BadRequest', msg);


interface Stream {
  pod: Pod;
  container: string;
  previous: boolean;
}

/** The kubelet's checks before it opens a container log. */
function validate(ctx: KubectlContext, s: Stream): void {
  const name = s.pod.metadata?.name ?? '';
  const all = [...(s.pod.spec?.containers ?? []), ...(s.pod.spec?.initContainers ?? []), ...(s.pod.spec?.ephemeralContainers ?? [])];
  if (!all.some((c) => c.name === s.container)) throw badRequest(`container ${s.container} is not valid for pod ${name}`);
  if (!s.pod.spec?.nodeName) return;
  const statuses = [...(s.pod.status?.containerStatuses ?? []), ...(s.pod.status?.initContainerStatuses ?? [])];
  const st = statuses.find((c) => c.name === s.container);
  if (!st) throw badRequest(`container "${s.container}" in pod "${name}" is waiting to start: ContainerCreating`);
  if (s.previous) {
    if (!st.lastState?.terminated) throw badRequest(`previous terminated container "${s.container}" in pod "${name}" not found`);
  } else if (st.state?.waiting) throw badRequest(`container "${s.container}" in pod "${name}" is waiting to start: ${st.state.waiting.reason ?? 'ContainerCreating'}`);
}

function linesOf(ctx: KubectlContext, s: Stream): LogLine[] {
  return ctx.sim.kubelet(s.pod.spec?.nodeName ?? '')?.logs(s.pod.metadata?.namespace ?? ctx.namespace, s.pod.metadata?.name ?? '', s.container, s.previous) ?? [];
}

interface Options {
  tail: number;
  sinceMs: number;
  /** `--since-time`, whole seconds (ms since the epoch). */
  sinceTimeMs?: number;
  timestamps: boolean;
  prefix: boolean;
}

/** The text kubectl prints for the `picked` lines of a stream's log. */
function render(ctx: KubectlContext, s: Stream, lines: LogLine[], picked: number[], o: Options): string {
  const prefix = o.prefix ? `[pod/${s.pod.metadata?.name ?? ''}/${s.container}] ` : '';
  // Stamps come from the whole log, so a line prints the same stamp whatever else is asked for.
  const nanos = o.timestamps ? subMillisecondNanos({ seed: ctx.sim.config.seed, podUid: s.pod.metadata?.uid ?? '', container: s.container }, lines) : [];
  let out = '';
  for (const i of picked) out += `${prefix}${o.timestamps ? `${rfc3339NanoFixed(lines[i]!.at, nanos[i]!)} ` : ''}${lines[i]!.line}\n`;
  return out;
}

const range = (from: number, to: number): number[] => Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);

/**
 * Which lines a one-shot request returns, as the kubelet's ReadLogs picks them: it seeks to the
 * last `--tail` lines first, then skips those older than `--since` among them.
 */
function select(ctx: KubectlContext, lines: LogLine[], o: Options): number[] {
  const from = o.tail < 0 ? 0 : Math.max(0, lines.length - o.tail);
  const picked = range(from, lines.length);
  // NewLogOptions: since = now - sinceSeconds, or sinceTime. A line is dropped when its stamp is
  // before it; stamps only add nanoseconds to the line's millisecond, so comparing those is exact.
  const sinceAt = o.sinceTimeMs ?? (o.sinceMs > 0 ? ctx.now() - o.sinceMs : undefined);
  return sinceAt === undefined ? picked : picked.filter((i) => lines[i]!.at >= sinceAt);
}

/** Follows streams until every container stops (or restarts) or the learner presses Ctrl+C. */
function followJob(ctx: KubectlContext, streams: { s: Stream; printed: number; restarts: number }[], o: Options): Job {
  const restartsOf = (s: Stream): number | undefined => {
    const c = ctx.sim.kubelet(s.pod.spec?.nodeName ?? '')?.container(s.pod.metadata?.namespace ?? '', s.pod.metadata?.name ?? '', s.container);
    return c && c.container.state === 'running' ? c.container.restartCount : undefined;
  };
  // The stream runs through the API server (its kubelet proxy): when a rewind replaces the
  // server, the connection ends and kubectl, reading EOF, exits 0 (DefaultConsumeRequest), as
  // `get -w` does when its watch closes.
  const server = ctx.sim.api;
  return {
    poll() {
      if (ctx.sim.api !== server) return 0;
      let open = 0;
      for (const f of streams) {
        if (f.restarts < 0) continue;
        const lines = linesOf(ctx, f.s);
        if (lines.length > f.printed) ctx.cmd.stdout(render(ctx, f.s, lines, range(f.printed, lines.length), o));
        f.printed = lines.length;
        const r = restartsOf(f.s);
        if (r === undefined || r !== f.restarts) f.restarts = -1;
        else open++;
      }
      return open === 0 ? 0 : undefined;
    },
    // Following never moves time itself: on the command line it shows what is there and waits.
    wakeAt: () => undefined,
    interrupt: () => undefined,
  };
}

export const logsVerb: Verb = {
  name: 'logs',
  short: 'Print the logs for a container in a pod',
  usage: 'kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]',
  flags: [
    { name: 'all-containers', kind: 'bool', default: false, usage: 'Get all containers\' logs in the pod(s).' },
    { name: 'container', short: 'c', kind: 'string', default: '', usage: 'Print the logs of this container' },
    { name: 'follow', short: 'f', kind: 'bool', default: false, usage: 'Specify if the logs should be streamed.' },
    { name: 'previous', short: 'p', kind: 'bool', default: false, usage: 'If true, print the logs for the previous instance of the container in a pod if it exists.' },
    { name: 'selector', short: 'l', kind: 'string', default: '', usage: 'Selector (label query) to filter on, supports \'=\', \'==\', \'!=\', \'in\', \'notin\'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.' },
    { name: 'since', kind: 'duration', default: 0, usage: 'Only return logs newer than a relative duration like 5s, 2m, or 3h. Defaults to all logs. Only one of since-time / since may be used.' },
    { name: 'since-time', kind: 'string', default: '', usage: 'Only return logs after a specific date (RFC3339). Defaults to all logs. Only one of since-time / since may be used.' },
    { name: 'tail', kind: 'int', default: -1, usage: 'Lines of recent log file to display. Defaults to -1 with no selector, showing all log lines otherwise 10, if a selector is provided.' },
    { name: 'timestamps', kind: 'bool', default: false, usage: 'Include timestamps on each line in the log output' },
    { name: 'prefix', kind: 'bool', default: false, usage: 'Prefix each log line with the log source (pod name and container name)' },
  ],
  run: (ctx) =>
    guarded(ctx, () => {
      const selector = ctx.flags.get<string>('selector') ?? '';
      // `kubectl logs POD CONTAINER`: the second argument names the container (logs.go Complete).
      const container = ctx.args.length === 2 ? ctx.args[1]! : (ctx.flags.get<string>('container') ?? '');
      const all = ctx.flags.get<boolean>('all-containers') ?? false;
      const previous = ctx.flags.get<boolean>('previous') ?? false;
      if (selector && ctx.args.length > 0) throw new KubectlError('only a selector (-l) or a POD name is allowed', 'logs');
      if (!selector && ctx.args.length === 0) throw new KubectlError("expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command", 'logs');
      if (!selector && ctx.args.length > 2) throw new KubectlError("expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command", 'logs');
      const sinceTime = ctx.flags.get<string>('since-time') ?? '';
      const since = ctx.flags.get<number>('since') ?? 0;
      const o: Options = {
        tail: ctx.flags.has('tail') ? (ctx.flags.get<number>('tail') ?? -1) : selector ? 10 : -1,
        // kubectl sends whole seconds: ToLogOptions rounds `--since`, and a sinceTime query
        // parameter is RFC3339 without fraction (metav1.Time.MarshalQueryParameter).
        sinceMs: Math.round(since / 1000) * 1000,
        sinceTimeMs: sinceTime ? Math.floor(parseSinceTime(sinceTime) / 1000) * 1000 : undefined,
        timestamps: ctx.flags.get<boolean>('timestamps') ?? false,
        prefix: ctx.flags.get<boolean>('prefix') ?? false,
      };
      const pods = selector ? podsBySelector(ctx, selector) : [podForArgs(ctx, ctx.args.slice(0, 1), true)];
      if (selector && pods.length === 0) ctx.cmd.stderr(`No resources found in ${ctx.namespace} namespace.\n`);
      // LogsOptions.Validate, after Complete has found the pods.
      if (sinceTime && since !== 0) throw new KubectlError('at most one of `sinceTime` or `sinceSeconds` may be specified');
      if (all && container) throw new KubectlError('--all-containers=true should not be specified with container name ' + container);
      if (ctx.flags.has('container') && ctx.args.length === 2) throw new KubectlError('only one of -c or an inline [CONTAINER] arg is allowed');
      if (o.sinceMs < 0) throw new KubectlError('--since must be greater than 0');
      if (o.tail < -1) throw new KubectlError('--tail must be greater than or equal to -1');
      if (pods.length === 0) return 0;
      const streams: Stream[] = [];
      for (const pod of pods) {
        const names = all ? [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].map((c) => c.name) : [container || defaultContainer(ctx, pod)];
        for (const c of names) streams.push({ pod, container: c, previous });
      }
      const follow: { s: Stream; printed: number; restarts: number }[] = [];
      for (const s of streams) {
        // The API server checks the options before it looks at the pod: a `--since` under half a
        // second went out as sinceSeconds=0.
        if (since !== 0 && o.sinceMs === 0) throw invalidError('PodLogOptions', '', s.pod.metadata?.name ?? '', [invalid('sinceSeconds', 0, 'must be greater than 0')]);
        validate(ctx, s);
        // LogLocation: a pod not yet bound to a node has no log location; the answer is empty.
        if (!s.pod.spec?.nodeName) continue;
        const lines = linesOf(ctx, s);
        const text = render(ctx, s, lines, select(ctx, lines, o), o);
        if (text) ctx.cmd.stdout(text);
        if (ctx.flags.get<boolean>('follow') && !previous) {
          const c = ctx.sim.kubelet(s.pod.spec?.nodeName ?? '')?.container(s.pod.metadata?.namespace ?? '', s.pod.metadata?.name ?? '', s.container);
          if (c?.container.state === 'running') follow.push({ s, printed: lines.length, restarts: c.container.restartCount });
        }
      }
      if (follow.length === 0) return 0;
      return { exitCode: 0, job: followJob(ctx, follow, o) };
    }),
};
