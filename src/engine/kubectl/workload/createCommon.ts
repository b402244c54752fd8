/**
 * What every `kubectl create <generator>` shares: the flags each generator adds (PrintFlags,
 * AddApplyAnnotationFlags, AddValidateFlags, AddDryRunFlag, field manager) and the final step,
 * sending the generated object (or only printing it for a client dry-run).
 */
import type { KubeObject } from '../../api/types';
import type { FlagDef, KubectlContext } from '../verb';
import { DRY_RUN_FLAG, PRINT_FLAGS, checkOutputFormat, dryRunOf, fieldManagerFlag, printObject, wrapApiError, type DryRun } from './common';

export const CREATE_FLAGS: FlagDef[] = [
  DRY_RUN_FLAG,
  ...PRINT_FLAGS,
  fieldManagerFlag('kubectl-create'),
  { name: 'save-config', kind: 'bool', default: false, usage: 'If true, the configuration of current object will be saved in its annotation.' },
  { name: 'validate', kind: 'string', default: 'strict', usage: "Must be one of: strict (or true), warn, ignore (or false)." },
];

/**
 * Sends (or, for client dry-run, only prints) a generated object. `errPrefix` is the
 * `fmt.Errorf("failed to create X: %v")` some generators wrap API errors in; others return them bare.
 */
export function submit(ctx: KubectlContext, resource: string, namespaced: boolean, obj: KubeObject, errPrefix: string | undefined): void {
  checkOutputFormat(ctx);
  const dryRun: DryRun = dryRunOf(ctx);
  let out = obj;
  if (dryRun !== 'client') {
    const opts = { dryRun: dryRun === 'server', fieldManager: ctx.flags.get<string>('field-manager') ?? 'kubectl-create' };
    const send = () => ctx.api.create(resource, namespaced ? ctx.namespace : undefined, obj, opts);
    out = errPrefix ? wrapApiError(errPrefix, send) : send();
  }
  printObject(ctx, out, 'created', dryRun);
}
