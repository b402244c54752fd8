/**
 * `kubectl rollout history|pause|restart|resume|status|undo` for Deployments (kubectl
 * `pkg/cmd/rollout/*.go` with the `polymorphichelpers` they call).
 */
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../../../api/types';
import { nameLine } from '../../print';
import type { KubectlContext, Verb } from '../../verb';
import { DRY_RUN_FLAG, PRINT_FLAGS, KubectlError, checkOutputFormat, dryRunOf, fieldManagerFlag, guarded, printObject } from '../common';
import { fetchTarget, parseTargets, type Target } from '../targets';
import { ANNOTATIONS_TO_SKIP, HASH_LABEL, equalIgnoreHash, ownedReplicaSets, podTemplateText, revisions, viewHistory } from './deploymentHistory';
import { rolloutStatusJob } from './rolloutStatus';
import { defaultSubCommandRun } from '../../cli/help';

type DeploymentObj = Deployment & KubeObject;

/** schema.GroupKind.String(). */
const groupKind = (t: Target) => (t.info.group ? `${t.info.kind}.${t.info.group}` : t.info.kind);

/**
 * The resources a rollout sub-command works on. Only Deployments have rollout helpers here;
 * other kinds get the error kubectl gives for kinds without one (`what` names the helper).
 */
function deploymentTargets(ctx: KubectlContext, what: string): Target[] {
  const targets = parseTargets(ctx);
  for (const t of targets) if (t.resource !== 'deployments.apps') throw new KubectlError(`no ${what} has been implemented for ${groupKind(t)}`);
  return targets;
}

const history: Verb = {
  name: 'history',
  short: 'View rollout history',
  usage: 'kubectl rollout history (TYPE NAME | TYPE/NAME) [flags] [options]',
  flags: [...PRINT_FLAGS, { name: 'revision', kind: 'int', default: 0, usage: 'See the details, including podTemplate of the revision specified' }],
  run: (ctx) =>
    guarded(ctx, () => {
      const revision = ctx.flags.get<number>('revision') ?? 0;
      if (revision < 0) throw new KubectlError(`revision must be a positive integer: ${revision}`);
      for (const t of deploymentTargets(ctx, 'history viewer')) {
        const d = fetchTarget<DeploymentObj>(ctx, t);
        const info = viewHistory(ownedReplicaSets(ctx.api, d), revision);
        const op = `${revision > 0 ? `with revision #${revision}` : ''}\n${info}`;
        ctx.cmd.stdout(nameLine(d, op));
      }
    }),
};

/** DeploymentRollbacker.Rollback. */
function rollback(ctx: KubectlContext, d: DeploymentObj, toRevision: number, dryRun: 'none' | 'client' | 'server'): string {
  const name = d.metadata.name!;
  if (d.spec?.paused) throw new KubectlError(`you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again`);
  const byRev = revisions(ownedReplicaSets(ctx.api, d));
  let rs: ReplicaSet | undefined;
  if (toRevision > 0) {
    rs = byRev.get(toRevision);
    if (!rs) throw new KubectlError(`unable to find specified revision ${toRevision} in history`);
  } else {
    if (byRev.size <= 1) throw new KubectlError(`no rollout history found for deployment ${JSON.stringify(name)}`);
    const sorted = [...byRev.keys()].sort((a, b) => b - a);
    rs = byRev.get(sorted[1]!);
  }
  if (equalIgnoreHash(rs!.spec?.template, d.spec?.template)) return 'skipped rollback (current template already matches revision)';
  // Client dry-run shows the template it would roll back to (rollback.go printTemplate).
  if (dryRun === 'client') return podTemplateText(rs!);
  const template = JSON.parse(JSON.stringify(rs!.spec?.template ?? {})) as { metadata?: { labels?: Record<string, string> } };
  if (template.metadata?.labels) delete template.metadata.labels[HASH_LABEL];
  const annotations: Record<string, string> = {};
  for (const k of ANNOTATIONS_TO_SKIP) if (d.metadata.annotations?.[k] !== undefined) annotations[k] = d.metadata.annotations[k]!;
  for (const [k, v] of Object.entries(rs!.metadata?.annotations ?? {})) if (!ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  ctx.api.patch('deployments.apps', ctx.namespace, name, 'json', [
    { op: 'replace', path: '/spec/template', value: template },
    { op: 'replace', path: '/metadata/annotations', value: annotations },
  ], { dryRun: dryRun === 'server' });
  return 'rolled back';
}

const undo: Verb = {
  name: 'undo',
  short: 'Undo a previous rollout',
  usage: 'kubectl rollout undo (TYPE NAME | TYPE/NAME) [flags] [options]',
  flags: [DRY_RUN_FLAG, ...PRINT_FLAGS, { name: 'to-revision', kind: 'int', default: 0, usage: 'The revision to rollback to. Default to 0 (last revision).' }],
  run: (ctx) =>
    guarded(ctx, () => {
      checkOutputFormat(ctx);
      const dryRun = dryRunOf(ctx);
      for (const t of deploymentTargets(ctx, 'rollbacker')) {
        const d = fetchTarget<DeploymentObj>(ctx, t);
        const result = rollback(ctx, d, ctx.flags.get<number>('to-revision') ?? 0, dryRun);
        printObject(ctx, d, result, dryRun);
      }
    }),
};

/** pause/resume: ObjectPauser / ObjectResumer. */
function pauseVerb(pause: boolean): Verb {
  const word = pause ? 'paused' : 'resumed';
  return {
    name: pause ? 'pause' : 'resume',
    short: pause ? 'Mark the provided resource as paused' : 'Resume a paused resource',
    usage: `kubectl rollout ${pause ? 'pause' : 'resume'} RESOURCE [options]`,
    flags: [...PRINT_FLAGS, fieldManagerFlag('kubectl-rollout')],
    run: (ctx) =>
      guarded(ctx, () => {
        checkOutputFormat(ctx);
        for (const t of deploymentTargets(ctx, pause ? 'pauser' : 'resumer')) {
          const d = fetchTarget<DeploymentObj>(ctx, t);
          if (!!d.spec?.paused === pause) throw new KubectlError(`${t.resource} ${JSON.stringify(t.name)} is ${pause ? 'already paused' : 'not paused'}`);
          const out = ctx.api.patch<DeploymentObj>(t.resource, ctx.namespace, t.name, 'strategic', { spec: { paused: pause ? true : null } });
          printObject(ctx, out, word);
        }
      }),
  };
}

const restart: Verb = {
  name: 'restart',
  short: 'Restart a resource',
  usage: 'kubectl rollout restart RESOURCE [options]',
  flags: [...PRINT_FLAGS, fieldManagerFlag('kubectl-rollout')],
  run: (ctx) =>
    guarded(ctx, () => {
      checkOutputFormat(ctx);
      for (const t of deploymentTargets(ctx, 'restarter')) {
        const d = fetchTarget<DeploymentObj>(ctx, t);
        if (d.spec?.paused) throw new KubectlError(`can't restart paused deployment (run rollout resume first)`);
        // time.Now().Format(time.RFC3339): second precision, UTC here.
        const at = new Date(ctx.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
        const out = ctx.api.patch<DeploymentObj>(t.resource, ctx.namespace, t.name, 'strategic', { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': at } } } } });
        printObject(ctx, out, 'restarted');
      }
    }),
};

const status: Verb = {
  name: 'status',
  short: 'Show the status of the rollout',
  usage: 'kubectl rollout status (TYPE NAME | TYPE/NAME) [flags] [options]',
  flags: [
    { name: 'watch', short: 'w', kind: 'bool', default: true, usage: 'Watch the status of the rollout until it\'s done.' },
    { name: 'revision', kind: 'int', default: 0, usage: 'Pin to a specific revision for showing its status. Defaults to 0 (last revision).' },
    { name: 'timeout', kind: 'duration', default: 0, usage: 'The length of time to wait before ending watch, zero means never. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).' },
  ],
  run: (ctx) =>
    guarded(ctx, () => {
      const targets = deploymentTargets(ctx, 'status viewer');
      if (targets.length !== 1) throw new KubectlError('rollout status is only supported on individual resources and resource collections are not supported yet');
      const t = targets[0]!;
      const revision = ctx.flags.get<number>('revision') ?? 0;
      if (revision < 0) throw new KubectlError(`revision must be a positive integer: ${revision}`);
      if (ctx.flags.get<boolean>('watch') === false) {
        const job = rolloutStatusJob(ctx, t.name, revision, 0);
        if (typeof job === 'number') return job;
        job.interrupt();
        return 0;
      }
      const job = rolloutStatusJob(ctx, t.name, revision, ctx.flags.get<number>('timeout') ?? 0);
      return typeof job === 'number' ? job : { exitCode: 0, job };
    }),
};

/** `kubectl rollout` and its sub-commands. */
export const rolloutVerb: Verb = {
  name: 'rollout',
  short: 'Manage the rollout of a resource',
  usage: 'kubectl rollout SUBCOMMAND [options]',
  flags: [],
  subcommands: [history, pauseVerb(true), restart, pauseVerb(false), status, undo],
  run: defaultSubCommandRun('kubectl rollout', () => rolloutVerb),
};
