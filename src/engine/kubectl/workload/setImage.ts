/** `kubectl set image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ...` (kubectl `pkg/cmd/set/set_image.go`). */
import type { Container } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/types';
import type { Verb } from '../verb';
import { defaultSubCommandRun } from '../cli/help';
import { DRY_RUN_FLAG, PRINT_FLAGS, KubectlError, checkOutputFormat, clone, dryRunOf, fieldManagerFlag, guarded, printObject } from './common';
import { fetchTarget, parseTargets } from './targets';

interface PodSpecHolder {
  containers?: Container[];
  initContainers?: Container[];
}

/** The pod spec inside a workload (or the pod's own), the part set image edits. */
function podSpecOf(obj: KubeObject): PodSpecHolder | undefined {
  const spec = obj.spec as { template?: { spec?: PodSpecHolder } } & PodSpecHolder;
  if (obj.kind === 'Pod') return spec;
  return spec?.template?.spec;
}

/** Splits arguments into resources and `container=image` pairs (set image's getResourcesAndImages). */
function splitArgs(args: string[]): { resources: string[]; images: Map<string, string> } {
  const resources: string[] = [];
  const images = new Map<string, string>();
  for (const a of args) {
    const eq = a.indexOf('=');
    if (eq < 0) resources.push(a);
    else images.set(a.slice(0, eq), a.slice(eq + 1));
  }
  return { resources, images };
}

export const setImageVerb: Verb = {
  name: 'image',
  short: 'Update the image of a pod template',
  usage: 'kubectl set image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N [options]',
  flags: [DRY_RUN_FLAG, ...PRINT_FLAGS, fieldManagerFlag('kubectl-set'), { name: 'all', kind: 'bool', default: false, usage: "Select all resources, in the namespace of the specified resource types" }],
  run: (ctx) =>
    guarded(ctx, () => {
      checkOutputFormat(ctx);
      const dryRun = dryRunOf(ctx);
      const { resources, images } = splitArgs(ctx.args);
      if (images.size === 0) throw new KubectlError('at least one image update is required', 'set image');
      for (const [, image] of images) if (!image) throw new KubectlError('at least one image update is required', 'set image');
      for (const t of parseTargets(ctx, resources)) {
        const obj = fetchTarget(ctx, t);
        const updated = clone(obj);
        const spec = podSpecOf(updated);
        if (!spec) throw new KubectlError(`${t.resource}/${t.name} has no pod template`);
        for (const [name, image] of images) {
          let found = false;
          for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
            if (name === '*' || c.name === name) {
              (c as { image?: string }).image = image;
              found = true;
            }
          }
          if (!found) throw new KubectlError(`unable to find container named "${name}"`);
        }
        if (JSON.stringify(updated) === JSON.stringify(obj)) continue;
        const out = dryRun === 'client' ? updated : ctx.api.update(t.resource, ctx.namespace, updated, { dryRun: dryRun === 'server' });
        printObject(ctx, out, 'image updated', dryRun);
      }
    }),
};

/** `kubectl set` with its `image` sub-command. */
export const setVerb: Verb = {
  name: 'set',
  short: 'Set specific features on objects',
  usage: 'kubectl set SUBCOMMAND [options]',
  flags: [],
  subcommands: [setImageVerb],
  run: defaultSubCommandRun('kubectl set', () => setVerb),
};
