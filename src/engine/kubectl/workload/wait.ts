/**
 * `kubectl wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=delete|--for condition=available]`
 * as a Job on the virtual clock (kubectl `pkg/cmd/wait/wait.go`, condition.go, delete.go).
 */
import { ApiError, type KubeObject } from '../../api/types';
import type { Job } from '../../shell/types';
import { nameLine } from '../print';
import type { Verb } from '../verb';
import { KubectlError, guarded } from './common';
import { parseTargets, resolveType, type Target } from './targets';
import { commandTimer } from './commandTimer';

type Condition = { kind: 'delete' } | { kind: 'condition'; type: string; value: string };

/** wait.go conditionFuncFor. */
export function parseFor(spec: string): Condition {
  if (spec.toLowerCase() === 'delete') return { kind: 'delete' };
  if (spec.toLowerCase().startsWith('condition=')) {
    const rest = spec.slice('condition='.length);
    const eq = rest.indexOf('=');
    return eq >= 0 ? { kind: 'condition', type: rest.slice(0, eq), value: rest.slice(eq + 1) } : { kind: 'condition', type: rest, value: 'true' };
  }
  throw new KubectlError(`unrecognized condition: ${JSON.stringify(spec)}`);
}

/** ConditionalWait.checkCondition: a matching condition whose observedGeneration is current. */
export function conditionMet(obj: KubeObject, c: { type: string; value: string }): boolean {
  const status = obj.status as { conditions?: { type?: string; status?: string; observedGeneration?: number }[]; observedGeneration?: number } | undefined;
  for (const cond of status?.conditions ?? []) {
    if ((cond.type ?? '').toLowerCase() !== c.type.toLowerCase()) continue;
    if ((cond.status ?? '').toLowerCase() !== c.value.toLowerCase()) continue;
    const gen = obj.metadata.generation;
    if (gen !== undefined && cond.observedGeneration !== undefined && cond.observedGeneration < gen) continue;
    return true;
  }
  return false;
}

export const waitVerb: Verb = {
  name: 'wait',
  short: 'Experimental: Wait for a specific condition on one or many resources',
  usage: 'kubectl wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=create|--for=delete|--for condition=available|--for=jsonpath=\'{}\'[=value]] [options]',
  flags: [
    { name: 'for', kind: 'string', default: '', usage: "The condition to wait on: [create|delete|condition=condition-name[=condition-value]|jsonpath='{JSONPath expression}'=[JSONPath value]]. The default condition-value is true.  Condition values are compared after Unicode simple case folding, which is a more general form of case-insensitivity." },
    { name: 'timeout', kind: 'duration', default: 30_000, usage: 'The length of time to wait before giving up.  Zero means check once and don\'t wait, negative means wait for a week.' },
    { name: 'selector', short: 'l', kind: 'string', default: '', usage: 'Selector (label query) to filter on, supports \'=\', \'==\', \'!=\', \'in\', \'notin\'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.' },
    { name: 'all', kind: 'bool', default: false, usage: 'Select all resources in the namespace of the specified resource types' },
  ],
  run: (ctx) =>
    guarded(ctx, () => {
      const forSpec = ctx.flags.get<string>('for') ?? '';
      if (!forSpec) throw new KubectlError('--for must be specified');
      const cond = parseFor(forSpec);
      const selector = ctx.flags.get<string>('selector') ?? '';
      let targets: Target[];
      if ((selector || ctx.flags.get<boolean>('all')) && ctx.args.length === 1 && !ctx.args[0]!.includes('/')) {
        const info = resolveType(ctx, ctx.args[0]!);
        const resource = ctx.server.resourceKey(info);
        const items = ctx.api.list(resource, ctx.namespace, selector ? { labelSelector: selector } : {}).items;
        if (items.length === 0) throw new KubectlError('no matching resources found');
        targets = items.map((o) => ({ info, resource, name: o.metadata.name! }));
      } else targets = parseTargets(ctx);
      const timeout = ctx.flags.get<number>('timeout') ?? 30_000;
      const timer = commandTimer(ctx.now(), timeout < 0 ? 7 * 24 * 3_600_000 : timeout);
      const pending = [...targets];
      const check = (): boolean => {
        while (pending.length > 0) {
          const t = pending[0]!;
          const obj = ctx.api.tryGet(t.resource, t.info.namespaced ? ctx.namespace : undefined, t.name);
          if (cond.kind === 'delete') {
            if (obj) return false;
            ctx.cmd.stdout(`${t.info.group ? `${t.info.kind.toLowerCase()}.${t.info.group}` : t.info.kind.toLowerCase()}/${t.name} condition met\n`);
          } else {
            // Gone since the first Get (deleted, or a rewind to before it): the informer reports a
            // Deleted event, which isConditionMet answers with "not yet", so kubectl keeps waiting.
            if (!obj || !conditionMet(obj, cond)) return false;
            ctx.cmd.stdout(nameLine(obj, 'condition met'));
          }
          pending.shift();
        }
        return true;
      };
      // A missing object is an API NotFound up front (the builder's Get), not a wait.
      if (cond.kind === 'condition') for (const t of targets) ctx.api.get(t.resource, t.info.namespaced ? ctx.namespace : undefined, t.name);
      if (check()) return 0;
      const timedOut = (): number => {
        // extendErrWaitTimeout names the plural resource without its group (`deployments/web`).
        ctx.cmd.stderr(`error: timed out waiting for the condition on ${pending[0]!.resource.split('.')[0]}/${pending[0]!.name}\n`);
        return 1;
      };
      if (timeout === 0) return timedOut();
      // A request the server refuses while waiting (a rewind restored it without the user's
      // RBAC) is tried again, as the informer's reflector retries its list.
      const checkAgain = (): boolean => {
        try {
          return check();
        } catch (e) {
          if (e instanceof ApiError) return false;
          throw e;
        }
      };
      const job: Job = {
        poll: (now) => (checkAgain() ? 0 : timer.expired(now) ? timedOut() : undefined),
        wakeAt: () => {
          const next = ctx.sim.clock.nextDue();
          const deadline = timer.deadline(ctx.now());
          return next === undefined ? deadline : Math.min(next, deadline);
        },
        interrupt: () => undefined,
      };
      return { exitCode: 0, job };
    }),
};
