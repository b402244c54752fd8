/**
 * `kubectl get -w` / `--watch-only`: prints the list, then one row per watch event with the
 * widths of the table before it, until Ctrl+C or `--request-timeout` of virtual time.
 */
import type { Unsubscribe } from '../../api/types';
import type { CommandEffects, Job } from '../../shell/types';
import { buildTable, formatCommandError, kindPrefix, PrintError, TablePrinter } from '../print';
import { PrintErrorWithOutput } from '../print/goTemplateOutput';
import type { KubectlContext } from '../verb';
import { parseGoDuration } from '../cli/flags';
import type { ResourceTarget } from './resourceArgs';
import { isObjectFormat, printObjects, templateOptions } from './printObjects';

/** Starts the watch; the returned job streams rows until interrupted or timed out. */
export function startWatch(k: KubectlContext, targets: ResourceTarget[], output: string): CommandEffects {
  const all = k.flags.get<boolean>('all-namespaces')!;
  const labelSelector = k.flags.get<string>('selector') || undefined;
  const fieldSelector = k.flags.get<string>('field-selector') || undefined;
  const printer = new TablePrinter();
  let failed = false;
  const multi = targets.length > 1;
  const print = (t: ResourceTarget, objects: import('../../api/types').KubeObject[]): void => {
    if (objects.length === 0) return;
    if (isObjectFormat(output)) {
      if (failed) return;
      try {
        for (const o of objects) k.cmd.stdout(printObjects(output, [o], false, true, templateOptions(k)));
      } catch (e) {
        if (!(e instanceof PrintError)) throw e;
        // The printer's error ends the watch as CheckErr ends kubectl: output so far, then `error: ...`.
        if (e instanceof PrintErrorWithOutput) k.cmd.stdout(e.output);
        k.cmd.stderr(formatCommandError(e));
        failed = true;
      }
      return;
    }
    k.cmd.stdout(
      printer.print(t.key, buildTable(t.info.kind, objects, k.now()), {
        wide: output === 'wide',
        noHeaders: k.flags.get<boolean>('no-headers'),
        withNamespace: all && t.info.namespaced,
        showLabels: k.flags.get<boolean>('show-labels'),
        labelColumns: k.flags.get<string[]>('label-columns')!.flatMap((l) => l.split(',')).filter(Boolean),
        kindPrefix: multi ? kindPrefix(t.info.kind, t.info.group) : undefined,
      }),
    );
  };
  const subs: Unsubscribe[] = [];
  let printedAny = false;
  // kubectl ends quietly, status 0, when the server closes its watch (get.go lets
  // watchtools.UntilWithoutRetry's ErrWatchClosed go): here when a rewind replaces the API server.
  let closed = 0;
  for (const t of targets) {
    const ns = t.info.namespaced && !all ? k.namespace : undefined;
    const list = k.api.list(t.key, ns, { labelSelector, fieldSelector });
    const wanted = (name: string | undefined) => t.names.length === 0 || t.names.includes(name ?? '');
    const initial = list.items.filter((o) => wanted(o.metadata.name));
    if (!k.flags.get<boolean>('watch-only')) {
      print(t, initial);
      printedAny ||= initial.length > 0;
    }
    subs.push(
      k.api.watch(
        t.key,
        ns,
        (ev) => {
          if (wanted(ev.object.metadata.name)) print(t, [ev.object]);
        },
        { labelSelector, fieldSelector, fromResourceVersion: list.resourceVersion, onClose: () => closed++ },
      ),
    );
  }
  if (!printedAny && !k.flags.get<boolean>('watch-only') && !isObjectFormat(output)) {
    const namespaced = targets.some((t) => t.info.namespaced) && !all;
    k.cmd.stderr(namespaced ? `No resources found in ${k.namespace} namespace.\n` : 'No resources found\n');
  }
  if (failed) {
    for (const u of subs.splice(0)) u();
    return { exitCode: 1 };
  }
  const timeout = parseGoDuration(k.flags.get<string>('request-timeout') ?? '0') ?? 0;
  const endAt = timeout > 0 ? k.now() + timeout : undefined;
  const stop = (): void => {
    for (const u of subs.splice(0)) u();
  };
  const job: Job = {
    poll: (now) => {
      if (failed) {
        stop();
        return 1;
      }
      if ((endAt !== undefined && now >= endAt) || (subs.length > 0 && closed >= subs.length)) {
        stop();
        return 0;
      }
      return undefined;
    },
    wakeAt: () => endAt,
    interrupt: stop,
  };
  return { exitCode: 0, job };
}
