/** `kubectl delete`: names, TYPE/NAME, -f, -l, --all, grace period and force, 1.34 result lines. */
import { ApiError, type KubeObject } from '../../api/types';
import { DRY_RUN_FLAG, dryRunOf } from '../cli/dryRun';
import { deleteLine, formatApiError } from '../print';
import type { KubectlContext, Verb } from '../verb';
import type { CommandEffects, Job } from '../../shell/types';
import { parseGoDuration } from '../cli/flags';
import { CommandFailed } from '../cli/errors';
import { parseResourceArgs } from './resourceArgs';
import { filenameArgs, readManifests } from '../manifest/readManifests';
import { mapManifest } from './manifestTargets';
import { commandTimer } from '../workload/commandTimer';

interface Victim {
  key: string;
  namespace: string | undefined;
  name: string;
  kind: string;
  group: string;
}

function runDelete(k: KubectlContext): number | CommandEffects {
  dryRunOf(k); // Complete() rejects a bad --dry-run before any request is made.
  const files = filenameArgs(k.flags.get<string[]>('filename')!);
  const selector = k.flags.get<string>('selector') || undefined;
  const all = k.flags.get<boolean>('all');
  const victims: Victim[] = [];
  const errors: string[] = [];
  if (files.length > 0) {
    for (const m of readManifests(k.cmd, files).map((x) => mapManifest(k, x))) {
      victims.push({ key: m.key, namespace: m.namespace, name: m.object.metadata.name ?? '', kind: m.info.kind, group: m.info.group });
    }
  } else {
    if (k.args.length === 0) {
      throw new CommandFailed("You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'");
    }
    for (const t of parseResourceArgs(k.server, k.args)) {
      const ns = t.info.namespaced ? (k.flags.get<boolean>('all-namespaces') ? undefined : k.namespace) : undefined;
      if (t.names.length === 0) {
        if (!selector && !all) throw new CommandFailed('resource(s) were provided, but no name was specified');
        for (const o of k.api.list<KubeObject>(t.key, ns, { labelSelector: selector }).items) {
          victims.push({ key: t.key, namespace: o.metadata.namespace, name: o.metadata.name ?? '', kind: t.info.kind, group: t.info.group });
        }
      } else for (const name of t.names) victims.push({ key: t.key, namespace: ns, name, kind: t.info.kind, group: t.info.group });
    }
  }
  const force = k.flags.get<boolean>('force');
  let grace = k.flags.get<number>('grace-period')!;
  if (k.flags.get<boolean>('now')) grace = 1;
  if (force && !k.flags.has('grace-period')) grace = 0;
  if (force && grace === 0) k.cmd.stderr('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');
  if (victims.length === 0) {
    k.cmd.stdout('No resources found\n');
    return 0;
  }
  for (const v of victims) {
    try {
      const dry = dryRunOf(k);
      if (dry === 'client') k.api.get(v.key, v.namespace, v.name);
      else k.api.delete(v.key, v.namespace, v.name, { ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}), dryRun: dry === 'server' });
      const dryRun = dry === 'client' || dry === 'server' ? dry : undefined;
      k.cmd.stdout(deleteLine({ kind: v.kind, group: v.group, name: v.name, namespace: v.namespace, force: force && grace === 0, outputName: k.flags.get<string>('output') === 'name', ...(dryRun ? { dryRun } : {}) }));
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.reason === 'NotFound' && k.flags.get<boolean>('ignore-not-found')) continue;
      errors.push(formatApiError(e));
    }
  }
  for (const e of errors) k.cmd.stderr(e);
  const code = errors.length > 0 ? 1 : 0;
  if (!k.flags.get<boolean>('wait') || dryRunOf(k) !== 'none') return code;
  return waitForDeletion(k, victims, code);
}

/** `--wait` (default): like kubectl, keep polling until every deleted object is gone (finalizers, graceful pod shutdown). */
function waitForDeletion(k: KubectlContext, victims: Victim[], code: number): number | CommandEffects {
  const remaining = (): Victim[] => victims.filter((v) => k.server.store.get(v.key, v.namespace ?? '', v.name) !== undefined);
  if (remaining().length === 0) return code;
  const timeout = parseGoDuration(k.flags.get<string>('timeout') ?? '0s') ?? 0;
  // Time left, not a moment of the virtual clock: a rewind must not lengthen it.
  const timer = timeout > 0 ? commandTimer(k.now(), timeout) : undefined;
  let next = k.now() + 1000;
  const job: Job = {
    poll: (now) => {
      if (remaining().length === 0) return code;
      if (timer?.expired(now)) {
        const v = remaining()[0]!;
        k.cmd.stderr(`error: timed out waiting for the condition on ${v.key.split('.')[0]}/${v.name}\n`);
        return 1;
      }
      if (now >= next) next = now + 1000;
      return undefined;
    },
    wakeAt: () => (timer ? Math.min(next, timer.deadline(k.now())) : next),
    interrupt: () => undefined,
  };
  return { exitCode: code, job };
}

export const deleteVerb: Verb = {
  name: 'delete',
  short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector.',
  usage: 'kubectl delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)]) [options]',
  flags: [
    { name: 'all', kind: 'bool', default: false, usage: 'Delete all resources, in the namespace of the specified resource types.' },
    { name: 'all-namespaces', short: 'A', kind: 'bool', default: false, usage: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.' },
    { name: 'filename', short: 'f', kind: 'stringArray', usage: 'containing the resource to delete.' },
    { name: 'force', kind: 'bool', default: false, usage: 'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.' },
    { name: 'grace-period', kind: 'int', default: -1, usage: 'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).' },
    { name: 'ignore-not-found', kind: 'bool', default: false, usage: 'Treat "resource not found" as a successful delete. Defaults to "true" when --all is specified.' },
    { name: 'now', kind: 'bool', default: false, usage: 'If true, resources are signaled for immediate shutdown (same as --grace-period=1).' },
    { name: 'output', short: 'o', kind: 'string', default: '', usage: 'Output mode. Use "-o name" for shorter output (resource/name).' },
    { name: 'selector', short: 'l', kind: 'string', default: '', usage: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'." },
    { name: 'wait', kind: 'bool', default: true, usage: 'If true, wait for resources to be gone before returning. This waits for finalizers.' },
    { name: 'timeout', kind: 'string', default: '0s', usage: 'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object' },
    DRY_RUN_FLAG,
  ],
  run: runDelete,
};
