/**
 * `kubectl explain TYPE[.field...]` (kubectl pkg/cmd/explain): the resource is found through the
 * RESTMapper as `SplitAndParseResourceRequestWithMatchingPrefix` does, `--api-version` replaces
 * its group/version, and the OpenAPI v3 `plaintext` template prints the documentation.
 */
import { ApiError } from '../../api/types';
import { CommandFailed } from '../cli/errors';
import { apiDocs } from '../explain/apiDocs';
import { ExplainError, renderExplain } from '../explain/plaintext';
import type { KubectlContext, Verb } from '../verb';

const SUGGEST_API_RESOURCES = 'Use "kubectl api-resources" for a complete list of supported resources.';

interface GroupVersionResource {
  group: string;
  version: string;
  resource: string;
}

/** `schema.GroupVersionResource.String()`. */
const gvrString = (g: GroupVersionResource): string => `${g.group}/${g.version}, Resource=${g.resource}`;

/** The resource and field path of `svc.spec.ports` or `deployments.apps.spec`. */
function splitRequest(k: KubectlContext, request: string): { gvr: GroupVersionResource; fields: string[] } {
  const input = request.endsWith('.') ? request.slice(0, -1) : request;
  const parts = input.split('.');
  let info;
  try {
    info = k.server.resolveResource(parts[0]!);
  } catch (e) {
    if (e instanceof ApiError) throw new CommandFailed(e.message);
    throw e;
  }
  const gvr = { group: info.group, version: info.version, resource: info.resource };
  // A request that spells out the group (`deployments.apps.spec`) keeps the group out of the path.
  const groupResource = info.group ? `${info.resource}.${info.group}` : info.resource;
  if (input.startsWith(groupResource)) {
    const suffix = input.slice(groupResource.length);
    return { gvr, fields: suffix ? suffix.split('.').slice(1) : [] };
  }
  return { gvr, fields: parts.slice(1) };
}

/** apimachinery `schema.ParseGroupVersion`. */
function parseGroupVersion(gv: string): { group: string; version: string } {
  if (gv === '' || gv === '/') return { group: '', version: '' };
  const parts = gv.split('/');
  if (parts.length === 1) return { group: '', version: gv };
  if (parts.length === 2) return { group: parts[0]!, version: parts[1]! };
  throw new CommandFailed(`unexpected GroupVersion string: ${gv}`);
}

function explain(k: KubectlContext): number {
  if (k.args.length === 0) throw new CommandFailed(`You must specify the type of resource to explain. ${SUGGEST_API_RESOURCES}\n`);
  if (k.args.length > 1) throw new CommandFailed('We accept only this format: explain RESOURCE\n');
  const { gvr, fields } = splitRequest(k, k.args[0]!);
  const output = k.flags.get<string>('output')!;
  // Only the OpenAPI v3 template is served here; the v2 renderer (plaintext-openapiv2) is not.
  if (output !== 'plaintext') throw new CommandFailed(`unrecognized format: ${output}`);
  const apiVersion = k.flags.get<string>('api-version')!;
  if (apiVersion) Object.assign(gvr, parseGroupVersion(apiVersion));
  const docs = apiDocs();
  const served = k.server.resources();
  // The OpenAPI v3 document is per group/version (`/openapi/v3/apis/apps/v1`).
  if (!served.some((r) => r.group === gvr.group && r.version === gvr.version)) throw new CommandFailed(`couldn't find resource for "${gvrString(gvr)}"`);
  const info = served.find((r) => r.group === gvr.group && r.version === gvr.version && r.resource === gvr.resource);
  const kind = info && docs.kinds.find((d) => d.group === info.group && d.version === info.version && d.kind === info.kind);
  if (!kind) throw new CommandFailed(`error: GVR (${gvrString(gvr)}) not found in OpenAPI schema`);
  try {
    k.cmd.stdout(renderExplain(docs, kind, fields, k.flags.get<boolean>('recursive')!));
  } catch (e) {
    if (!(e instanceof ExplainError)) throw e;
    k.cmd.stdout(e.partial);
    throw new CommandFailed(e.message);
  }
  return 0;
}

export const explainVerb: Verb = {
  name: 'explain',
  short: 'Get documentation for a resource',
  usage: 'kubectl explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2] [options]',
  flags: [
    { name: 'api-version', kind: 'string', default: '', usage: 'Get different explanations for particular API version (API group/version)' },
    { name: 'output', short: 'o', kind: 'string', default: 'plaintext', usage: 'Format in which to render the schema (plaintext, plaintext-openapiv2)' },
    { name: 'recursive', kind: 'bool', default: false, usage: 'Print the fields of fields (Currently only 1 level deep)' },
  ],
  run: explain,
};
