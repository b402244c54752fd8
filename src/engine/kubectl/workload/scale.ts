/** `kubectl scale [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME)`. */
import type { KubeObject } from '../../api/types';
import type { Verb } from '../verb';
import { DRY_RUN_FLAG, PRINT_FLAGS, KubectlError, checkOutputFormat, dryRunOf, guarded, printObject, requireFlags } from './common';
import { fetchTarget, parseTargets } from './targets';

/** Kinds with a scale subresource here. */
const SCALABLE = new Set(['deployments.apps', 'replicasets.apps', 'statefulsets.apps', 'replicationcontrollers']);

export const scaleVerb: Verb = {
  name: 'scale',
  short: 'Set a new size for a deployment, replica set, or replication controller',
  usage: 'kubectl scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME) [options]',
  flags: [
    DRY_RUN_FLAG,
    ...PRINT_FLAGS,
    { name: 'replicas', kind: 'int', default: -1, usage: 'The new desired number of replicas. Required.' },
    { name: 'current-replicas', kind: 'int', default: -1, usage: 'Precondition for current size. Requires that the current size of the resource match this value in order to scale. -1 (default) for no condition.' },
    { name: 'resource-version', kind: 'string', default: '', usage: 'Precondition for resource version. Requires that the current resource version match this value in order to scale.' },
  ],
  run: (ctx) =>
    guarded(ctx, () => {
      requireFlags(ctx, 'replicas');
      const replicas = ctx.flags.get<number>('replicas') ?? -1;
      if (replicas < 0) throw new KubectlError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
      checkOutputFormat(ctx);
      const dryRun = dryRunOf(ctx);
      const current = ctx.flags.get<number>('current-replicas') ?? -1;
      const rv = ctx.flags.get<string>('resource-version') ?? '';
      for (const t of parseTargets(ctx)) {
        const obj = fetchTarget<KubeObject & { spec?: { replicas?: number } }>(ctx, t);
        if (!SCALABLE.has(t.resource)) throw new KubectlError(`the server could not find the requested resource`);
        const have = obj.spec?.replicas ?? 1;
        // ScalePrecondition.validate: checked against the scale subresource before the update.
        if (current >= 0 && current !== have) throw new KubectlError(`Expected replicas to be ${current}, was ${have}`);
        if (rv && rv !== obj.metadata.resourceVersion) throw new KubectlError(`Expected resource version to be ${rv}, was ${obj.metadata.resourceVersion ?? ''}`);
        let out: KubeObject = { ...obj, spec: { ...obj.spec, replicas } };
        if (dryRun !== 'client') out = ctx.api.patch(t.resource, ctx.namespace, t.name, 'merge', { spec: { replicas } }, { dryRun: dryRun === 'server' });
        printObject(ctx, out, 'scaled', dryRun);
      }
    }),
};
