/**
 * `kubectl rollout status`: the deployment status viewer (kubectl
 * `polymorphichelpers/rollout_status.go`) and a Job that prints its message on every watch
 * event until the rollout is done, as `watchtools.UntilWithSync` drives it.
 */
import type { Deployment } from 'kubernetes-types/apps/v1';
import { ApiError } from '../../../api/types';
import type { Job } from '../../../shell/types';
import type { KubectlContext } from '../../verb';
import { commandTimer } from '../commandTimer';

/** How long `rollout status` lets the command line's clock run without any change to report. */
const IDLE_LIMIT_MS = 10 * 60_000;

export type StatusResult = { message: string; done: boolean } | { error: string };

/** DeploymentStatusViewer.Status. */
export function deploymentStatus(d: Deployment, revision = 0): StatusResult {
  const name = d.metadata?.name ?? '';
  if (revision > 0) {
    const current = Number(d.metadata?.annotations?.['deployment.kubernetes.io/revision']);
    if (!Number.isFinite(current)) return { error: `cannot get the revision of deployment "${name}": deployment.kubernetes.io/revision annotation not found` };
    if (revision < current) return { error: `desired revision (${revision}) is different from the running revision (${current})` };
  }
  const s = d.status ?? {};
  if ((d.metadata?.generation ?? 0) <= (s.observedGeneration ?? 0)) {
    const progressing = s.conditions?.find((c) => c.type === 'Progressing');
    if (progressing?.reason === 'ProgressDeadlineExceeded') return { error: `deployment "${name}" exceeded its progress deadline` };
    const want = d.spec?.replicas ?? 1;
    const updated = s.updatedReplicas ?? 0;
    if (updated < want) return { message: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${want} new replicas have been updated...\n`, done: false };
    if ((s.replicas ?? 0) > updated) return { message: `Waiting for deployment "${name}" rollout to finish: ${(s.replicas ?? 0) - updated} old replicas are pending termination...\n`, done: false };
    if ((s.availableReplicas ?? 0) < updated) return { message: `Waiting for deployment "${name}" rollout to finish: ${s.availableReplicas ?? 0} of ${updated} updated replicas are available...\n`, done: false };
    return { message: `deployment "${name}" successfully rolled out\n`, done: true };
  }
  return { message: 'Waiting for deployment spec update to be observed...\n', done: false };
}

/**
 * Follows one Deployment: prints the status for the initial object and every change, exits 0
 * when rolled out, 1 on error, timeout, or deletion. It lists and watches the one object
 * (`metadata.name` field selector) as UntilWithSync's informer does; when the server closes the
 * watch (a rewind replaced the API server) it lists again through the client, which now reaches
 * the new server: the informer's Replace reports the object found as an update (its status is
 * printed again) and one no longer there as deleted.
 */
export function rolloutStatusJob(ctx: KubectlContext, name: string, revision: number, timeoutMs: number): Job | number {
  const ns = ctx.namespace;
  const fieldSelector = `metadata.name=${name}`;
  const pending: Deployment[] = [];
  let deleted = false;
  let closed = false;
  let stop: () => void = () => undefined;
  const listAndWatch = (): void => {
    const list = ctx.api.list('deployments.apps', ns, { fieldSelector });
    const found = list.items.find((o) => o.metadata.name === name);
    if (found) pending.push(found as unknown as Deployment);
    else deleted = true;
    closed = false;
    stop = ctx.api.watch(
      'deployments.apps',
      ns,
      (ev) => {
        if (ev.object.metadata.name !== name) return;
        if (ev.type === 'DELETED') deleted = true;
        else pending.push(ev.object as unknown as Deployment);
      },
      { fieldSelector, fromResourceVersion: list.resourceVersion, onClose: () => (closed = true) },
    );
  };
  // The builder's Get first: a missing Deployment is a NotFound, before any watching.
  ctx.api.get('deployments.apps', ns, name);
  listAndWatch();
  const timer = timeoutMs > 0 ? commandTimer(ctx.now(), timeoutMs) : undefined;
  let exit: number | undefined;
  const finish = (code: number): number => {
    stop();
    exit = code;
    return code;
  };
  let lastNews = ctx.now();
  const drain = (): number | undefined => {
    if (closed && !deleted) {
      try {
        listAndWatch();
      } catch (e) {
        // The reflector retries a failed list (with backoff): so do the next polls.
        if (!(e instanceof ApiError)) throw e;
      }
    }
    if (pending.length > 0) lastNews = ctx.now();
    while (pending.length > 0) {
      const r = deploymentStatus(pending.shift()!, revision);
      if ('error' in r) {
        ctx.cmd.stderr(`error: ${r.error}\n`);
        return finish(1);
      }
      ctx.cmd.stdout(r.message);
      if (r.done) return finish(0);
    }
    if (deleted) {
      ctx.cmd.stderr(`error: object has been deleted\n`);
      return finish(1);
    }
    return undefined;
  };
  const first = drain();
  if (first !== undefined) return first;
  return {
    poll(now) {
      if (exit !== undefined) return exit;
      const code = drain();
      if (code !== undefined) return code;
      if (timer?.expired(now)) {
        ctx.cmd.stderr('error: timed out waiting for the condition\n');
        return finish(1);
      }
      return undefined;
    },
    wakeAt() {
      const next = ctx.sim.clock.nextDue();
      if (timer) {
        const deadline = timer.deadline(ctx.now());
        return next === undefined ? deadline : Math.min(next, deadline);
      }
      // Without --timeout a stuck rollout (paused, unschedulable) would move the command line's
      // clock forever: after IDLE_LIMIT_MS without news, wait for outside events instead.
      return next !== undefined && next - lastNews <= IDLE_LIMIT_MS ? next : undefined;
    },
    interrupt() {
      stop();
    },
  };
}
