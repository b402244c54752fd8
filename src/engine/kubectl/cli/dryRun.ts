/** `--dry-run` as every mutating kubectl verb declares it (cmdutil.AddDryRunFlag) and reads it. */
import type { FlagDef, KubectlContext } from '../verb';
import { CommandFailed } from './errors';

export type DryRun = 'none' | 'client' | 'server';

export const DRY_RUN_FLAG: FlagDef = {
  name: 'dry-run',
  kind: 'string',
  default: 'none',
  // pflag's NoOptDefVal: a bare `--dry-run` is "unchanged", which GetDryRunStrategy refuses.
  noOptDefault: 'unchanged',
  usage: 'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
};

/** cmdutil.GetDryRunStrategy, with its error texts. */
export function dryRunOf(ctx: KubectlContext): DryRun {
  const v = ctx.flags.get<string | boolean>('dry-run');
  if (v === undefined || v === '' || v === 'none' || v === false) return 'none';
  if (v === 'client' || v === 'server') return v;
  if (v === 'unchanged') throw new CommandFailed('--dry-run flag without a value was specified. A value must be set: "none", "server", or "client".');
  throw new CommandFailed(`Invalid dry-run value (${String(v)}). Must be "none", "server", or "client".`);
}
