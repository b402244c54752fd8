/**
 * What kubectl writes for API errors and simple outcomes: `checkErr`/`StandardErrorMessage`
 * (kubectl `pkg/cmd/util/helpers.go`), get's "No resources found", delete's and apply's lines.
 * Every function returns the full text including its trailing newline.
 */
import type { ApiError, StatusCause } from '../../api/types';
import { PrintError } from './printErrors';
import { kindPrefix } from './output';

/** `statusCausesToAggrError`: `field: message`, duplicates dropped. */
function causeMessages(causes: StatusCause[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const c of causes) {
    const msg = `${c.field}: ${c.message}`;
    if (seen.has(msg)) continue;
    seen.add(msg);
    out.push(msg);
  }
  return out;
}

/** `MultilineError(prefix, aggregate)`: one cause inline, several as a `* ` list. */
function multilineError(prefix: string, messages: string[]): string {
  if (messages.length === 1) return `${prefix}${messages[0]}\n`;
  return `${prefix}\n${messages.map((m) => `* ${m}\n`).join('')}`;
}

export interface ApiErrorContext {
  /**
   * For create/apply/replace from a file: `AddSourceToErr(verb, source, err)` prefixes the
   * message with `error when <verb> "<source>": ` (e.g. verb `creating`, source `web.yaml`).
   */
  verb?: string;
  source?: string;
}

/**
 * How kubectl prints a failed API request: `The Service "web" is invalid: ...` for Invalid,
 * `Error from server (<Reason>): <message>` otherwise.
 */
export function formatApiError(err: ApiError, ctx: ApiErrorContext = {}): string {
  if (err.reason === 'Invalid') {
    const d = err.details ?? {};
    let s = 'The request is invalid';
    if (d.kind || d.name) s = `The ${d.kind ?? ''} ${JSON.stringify(d.name ?? '')} is invalid`;
    const causes = causeMessages(d.causes ?? []);
    if (causes.length === 0) return `${s}\n`;
    return multilineError(`${s}: `, causes);
  }
  const message = ctx.source ? `error when ${ctx.verb ?? 'creating'} ${JSON.stringify(ctx.source)}: ${err.message}` : err.message;
  if (err.reason === 'Unauthorized') return `error: You must be logged in to the server (${message})\n`;
  if (err.reason) return `Error from server (${err.reason}): ${message}\n`;
  return `Error from server: ${message}\n`;
}

/** A client-side error (`error: ...`), e.g. a {@link PrintError}: one newline at the end. */
export function formatCommandError(err: PrintError | Error | string): string {
  let msg = typeof err === 'string' ? err : err.message;
  if (!msg.startsWith('error: ')) msg = `error: ${msg}`;
  return msg.endsWith('\n') ? msg : `${msg}\n`;
}

/**
 * get's message for an empty result (written to stderr): with a namespace for namespaced
 * kinds outside `-A`, plain otherwise.
 */
export function noResourcesFound(namespace?: string): string {
  return namespace ? `No resources found in ${namespace} namespace.\n` : 'No resources found\n';
}

export interface DeleteLineOptions {
  kind: string;
  group: string;
  name: string;
  /** Set for namespaced objects: kubectl 1.34 says `deleted from <ns> namespace`. */
  namespace?: string;
  /** `--grace-period=0 --force` prints `force deleted`. */
  force?: boolean;
  dryRun?: 'client' | 'server';
  /** `-o name`: just `kind/name`. */
  outputName?: boolean;
}

/** delete.go `PrintObj`. */
export function deleteLine(o: DeleteLineOptions): string {
  const kind = kindPrefix(o.kind, o.group);
  if (o.outputName) return `${kind}/${o.name}\n`;
  let op = o.force ? 'force deleted' : 'deleted';
  if (o.dryRun === 'client') op += ' (dry run)';
  if (o.dryRun === 'server') op += ' (server dry run)';
  return o.namespace ? `${kind} "${o.name}" ${op} from ${o.namespace} namespace\n` : `${kind} "${o.name}" ${op}\n`;
}

/** apply's warning when the object was not created by apply (REFERENCE §4.5). */
export function missingLastAppliedWarning(resource: string, name: string): string {
  return `Warning: resource ${resource}/${name} is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`;
}

/** The API server warning kubectl prints (stderr) whenever v1 Endpoints are read or written (≥1.33). */
export const ENDPOINTS_DEPRECATION_WARNING = 'v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice';

/** An API warning header as kubectl prints it: `Warning: <text>`. */
export function apiWarning(text: string): string {
  return `Warning: ${text}\n`;
}

/** get/describe for a resource type discovery does not know. */
export function unknownResourceType(resource: string): string {
  return `error: the server doesn't have a resource type ${JSON.stringify(resource)}\n`;
}
