/**
 * What every `kubectl create <generator>` shares: the flags each generator adds (PrintFlags,
 * AddApplyAnnotationFlags, AddValidateFlags, AddDryRunFlag, field manager) and the final step,
 * sending the generated object (or only printing it for a client dry-run).
 */
import type { KubeObject } from '../../api/types';
import type { FlagDef, KubectlContext } from '../verb';
import { DRY_RUN_FLAG, PRINT_FLAGS, SAVE_CONFIG_FLAG, checkOutputFormat, dryRunOf, fieldManagerFlag, printObject, wrapApiError, type DryRun } from './common';
import { withSavedConfig } from './typedJson';

export const CREATE_FLAGS: FlagDef[] = [
  DRY_RUN_FLAG,
  ...PRINT_FLAGS,
  fieldManagerFlag('kubectl-create'),
  SAVE_CONFIG_FLAG,
  { name: 'validate', kind: 'string', default: 'strict', usage: "Must be one of: strict (or true), warn, ignore (or false)." },
];

/**
 * Sends (or, for client dry-run, only prints) a generated object. `errPrefix` is the
 * `fmt.Errorf("failed to create X: %v")` some generators wrap API errors in; others return them bare.
 */
export function submit(ctx: KubectlContext, resource: string, namespaced: boolean, obj: KubeObject, errPrefix: string | undefined): void {
  checkOutputFormat(ctx);
  const dryRun: DryRun = dryRunOf(ctx);
  // CreateOrUpdateAnnotation runs before the dry-run check: `--dry-run=client -o yaml` shows it too.
  let out = ctx.flags.get<boolean>('save-config') ? withSavedConfig(obj) : obj;
  const sent = out;
  if (dryRun !== 'client') {
    const opts = { dryRun: dryRun === 'server', fieldManager: ctx.flags.get<string>('field-manager') ?? 'kubectl-create' };
    const send = () => ctx.api.create(resource, namespaced ? ctx.namespace : undefined, sent, opts);
    out = errPrefix ? wrapApiError(errPrefix, send) : send();
  }
  printObject(ctx, out, 'created', dryRun);
}
