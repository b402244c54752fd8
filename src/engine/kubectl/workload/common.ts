/**
 * What every workload verb shares: the flags kubectl adds with `AddDryRunFlag`/`PrintFlags`,
 * the dry-run strategy, printing the resulting object (`deployment.apps/web created`, `-o yaml`)
 * and turning failures into kubectl's error text and exit code.
 */
import { ApiError, type KubeObject } from '../../api/types';
import { formatApiError, formatCommandError, nameLine, toJson, toYamlOutput } from '../print';
import type { CommandOutcome } from '../../shell/types';
import type { FlagDef, KubectlContext } from '../verb';
import { CommandFailed } from '../cli/errors';
import type { DryRun } from '../cli/dryRun';
import { effectiveOutput, TEMPLATE_FLAGS, writeObjects } from '../verbs/printObjects';

/** The -o values these printers take beyond yaml/json/name: jsonpath and the go-template family, each with `=TEMPLATE`. */
const TEMPLATE_OUTPUT = /^(jsonpath|go-template|go-template-file|template|templatefile)(=|$)/;

export { DRY_RUN_FLAG, dryRunOf, type DryRun } from '../cli/dryRun';

/** `-o/--output` as genericclioptions.PrintFlags declares it. */
export const OUTPUT_FLAG: FlagDef = {
  name: 'output',
  short: 'o',
  kind: 'string',
  default: '',
  usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).',
};

/** AddApplyAnnotationFlags: `--save-config`, the typed configuration in the last-applied annotation. */
export const SAVE_CONFIG_FLAG: FlagDef = {
  name: 'save-config',
  kind: 'bool',
  default: false,
  usage: 'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.',
};

/** PrintFlags: -o with the template flags beside it (--template, --allow-missing-template-keys). */
export const PRINT_FLAGS: FlagDef[] = [OUTPUT_FLAG, ...TEMPLATE_FLAGS];

export const fieldManagerFlag = (def: string): FlagDef => ({ name: 'field-manager', kind: 'string', default: def, usage: 'Name of the manager used to track field ownership.' });

/** A failure kubectl reports as `error: <message>` (exit 1). */
export class KubectlError extends CommandFailed {
  constructor(
    message: string,
    /** Set for cmdutil.UsageErrorf: adds `See 'kubectl <path> -h' for help and examples`. */
    readonly usagePath?: string,
  ) {
    super(message);
  }
}

const ALLOWED_FORMATS = 'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';

/**
 * PrintFlagsWithDryRunStrategy + ToPrinter: `-o yaml|json|name`, or the success line with the
 * operation (`created`, `exposed`) and ` (dry run)` / ` (server dry run)`.
 */
export function printObject(ctx: KubectlContext, obj: KubeObject, operation: string, dryRun: DryRun = 'none'): void {
  const format = effectiveOutput(ctx);
  if (format === 'yaml') ctx.cmd.stdout(toYamlOutput(obj));
  else if (TEMPLATE_OUTPUT.test(format)) writeObjects(ctx, format, [obj], false);
  else if (format === 'json') ctx.cmd.stdout(toJson(obj));
  else if (format === 'name') ctx.cmd.stdout(nameLine(obj));
  else if (format === '') ctx.cmd.stdout(nameLine(obj, operation + (dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '')));
  else throw new KubectlError(`unable to match a printer suitable for the output format "${format}", allowed formats are: ${ALLOWED_FORMATS}`);
}

/** Checks `-o` before anything is sent, as ToPrinter does in Complete. */
export function checkOutputFormat(ctx: KubectlContext): void {
  const format = effectiveOutput(ctx);
  if (!['', 'yaml', 'json', 'name'].includes(format) && !TEMPLATE_OUTPUT.test(format)) throw new KubectlError(`unable to match a printer suitable for the output format "${format}", allowed formats are: ${ALLOWED_FORMATS}`);
}

/** cmdutil.CheckErr: writes the error the way kubectl does and returns its exit code. */
export function reportError(ctx: KubectlContext, err: unknown): number {
  if (err instanceof ApiError) ctx.cmd.stderr(formatApiError(err));
  else if (err instanceof KubectlError && err.usagePath) ctx.cmd.stderr(`error: ${err.message}\nSee 'kubectl ${err.usagePath} -h' for help and examples\n`);
  else if (err instanceof Error) ctx.cmd.stderr(formatCommandError(err.message));
  else ctx.cmd.stderr(formatCommandError(String(err)));
  return 1;
}

/** Runs a verb body, mapping thrown errors to kubectl's output. */
export function guarded(ctx: KubectlContext, body: () => CommandOutcome | void): CommandOutcome {
  try {
    return body() ?? 0;
  } catch (e) {
    return reportError(ctx, e);
  }
}

/** Wraps an API error the way `fmt.Errorf("failed to create deployment: %v", err)` does. */
export function wrapApiError(prefix: string, fn: () => KubeObject): KubeObject {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ApiError) throw new KubectlError(`${prefix}: ${e.message}`);
    throw e;
  }
}

/** The namespace kubectl writes into generated objects: only when `-n` enforced it. */
export function generatedNamespace(ctx: KubectlContext): { namespace?: string } {
  return ctx.namespaceExplicit ? { namespace: ctx.namespace } : {};
}

/** Exactly one NAME argument (create's `NameFromCommandArgs`). */
export function nameArg(ctx: KubectlContext, path: string): string {
  if (ctx.args.length !== 1) throw new KubectlError(`exactly one NAME is required, got ${ctx.args.length}`, path);
  return ctx.args[0]!;
}

/** cobra's MarkFlagRequired check. */
export function requireFlags(ctx: KubectlContext, ...names: string[]): void {
  const missing = names.filter((n) => !ctx.flags.has(n));
  if (missing.length) throw new KubectlError(`required flag(s) ${missing.map((n) => `"${n}"`).join(', ')} not set`);
}

/** A deep copy of plain API data. */
export function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/** A pflag StringSlice flag: every occurrence split on commas (`--image=a,b`, `--tcp=80:80,443:443`). */
export function sliceFlag(ctx: KubectlContext, name: string): string[] {
  return (ctx.flags.get<string[]>(name) ?? []).flatMap((v) => v.split(','));
}
