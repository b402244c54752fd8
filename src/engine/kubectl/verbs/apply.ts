/** `kubectl apply -f`, `create -f`, `replace -f`: writes manifests with kubectl's result lines. */
import { ApiError, type KubeObject } from '../../api/types';
import { formatApiError, missingLastAppliedWarning, nameLine } from '../print';
import { goJsonMarshal } from '../print/jsonpath/goValues';
import type { FlagDef, KubectlContext, Verb } from '../verb';
import { CommandFailed } from '../cli/errors';
import { DRY_RUN_FLAG, dryRunOf } from '../cli/dryRun';
import { filenameArgs, ManifestError, readManifests } from '../manifest/readManifests';
import { mapManifest, type MappedObject } from './manifestTargets';
import { threeWayPatch } from './threeWayPatch';
import { checkOutputFormat, effectiveOutput, TEMPLATE_FLAGS, writeObjects } from './printObjects';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

const FILE_FLAGS: FlagDef[] = [
  { name: 'filename', short: 'f', kind: 'stringArray', usage: 'The files that contain the configurations to apply.' },
  { name: 'recursive', short: 'R', kind: 'bool', default: false, usage: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
  { name: 'output', short: 'o', kind: 'string', default: '', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
  DRY_RUN_FLAG,
  { name: 'validate', kind: 'string', default: 'strict', usage: "Must be one of: strict (or true), warn, ignore (or false)." },
  { name: 'field-manager', kind: 'string', default: 'kubectl-client-side-apply', usage: 'Name of the manager used to track field ownership.' },
  { name: 'selector', short: 'l', kind: 'string', default: '', usage: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'." },
  ...TEMPLATE_FLAGS,
];

export type Mode = 'apply' | 'create' | 'replace';

/** The annotation value: the configuration as compact JSON with a trailing newline. */
function lastAppliedValue(obj: KubeObject): string {
  const copy = JSON.parse(JSON.stringify(obj)) as KubeObject;
  // kubectl adds the annotation, then serialises without it: an empty `annotations: {}` remains.
  const ann = { ...(copy.metadata.annotations ?? {}) };
  delete ann[LAST_APPLIED];
  copy.metadata.annotations = ann;
  return `${goJsonMarshal(copy)}\n`;
}

function withAnnotation(obj: KubeObject, value: string): KubeObject {
  return { ...obj, metadata: { ...obj.metadata, annotations: { ...(obj.metadata.annotations ?? {}), [LAST_APPLIED]: value } } };
}

/**
 * GetModifiedConfiguration(annotate=false): the object with its annotations minus last-applied,
 * an empty map rather than none (as unstructured SetAnnotations leaves it), so the merge keeps
 * the live annotations. A new object is created as the file has it.
 */
function withoutAnnotation(obj: KubeObject): KubeObject {
  const annotations = { ...(obj.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  return { ...obj, metadata: { ...obj.metadata, annotations } };
}

function dryRunMode(k: KubectlContext): 'client' | 'server' | undefined {
  const d = dryRunOf(k);
  return d === 'none' ? undefined : d;
}

/**
 * Writes one manifest object as `mode` does. With `annotate` false (kubectl diff's
 * GetModifiedConfiguration(annotate=false)) apply's merge leaves the last-applied annotation as
 * it is and warns about nothing: diff shows what changes, not apply's bookkeeping.
 */
export function writeOne(k: KubectlContext, mode: Mode, m: MappedObject, dry: 'client' | 'server' | undefined, annotate = true): { obj: KubeObject; op: string } {
  const opts = { dryRun: dry === 'server', fieldManager: mode === 'apply' ? 'kubectl-client-side-apply' : 'kubectl-create' };
  const name = m.object.metadata.name ?? '';
  if (mode === 'create') {
    // `--save-config` records the configuration exactly as apply would, so a later apply is clean.
    const obj = k.flags.get<boolean>('save-config') ? withAnnotation(m.object, lastAppliedValue(m.object)) : m.object;
    return { obj: dry === 'client' ? obj : k.api.create(m.key, m.namespace, obj, opts), op: 'created' };
  }
  const live = name ? k.api.tryGet(m.key, m.namespace, name) : undefined;
  if (mode === 'replace') {
    if (!live) throw new ApiError(404, 'NotFound', `${m.key} "${name}" not found`);
    const next = { ...m.object, metadata: { ...m.object.metadata, resourceVersion: m.object.metadata.resourceVersion ?? live.metadata.resourceVersion } };
    return { obj: dry === 'client' ? next : k.api.update(m.key, m.namespace, next, opts), op: 'replaced' };
  }
  const desired = annotate ? withAnnotation(m.object, lastAppliedValue(m.object)) : withoutAnnotation(m.object);
  if (!live) {
    const created = annotate ? desired : m.object;
    return { obj: dry === 'client' ? created : k.api.create(m.key, m.namespace, created, opts), op: 'created' };
  }
  const previous = live.metadata.annotations?.[LAST_APPLIED];
  if (previous === undefined && annotate) k.cmd.stderr(missingLastAppliedWarning(m.key, name));
  let original: unknown;
  try {
    original = previous ? JSON.parse(previous) : {};
  } catch {
    original = {};
  }
  const patch = threeWayPatch(original, desired, live, m.info.kind);
  if (Object.keys(patch).length === 0) return { obj: live, op: 'unchanged' };
  return { obj: dry === 'client' ? desired : k.api.patch(m.key, m.namespace, name, 'strategic', patch, opts), op: 'configured' };
}

function runWrite(k: KubectlContext, mode: Mode): number {
  const files = filenameArgs(k.flags.get<string[]>('filename')!);
  const output = effectiveOutput(k);
  checkOutputFormat(output);
  if (files.length === 0) {
    if (mode === 'apply') throw new CommandFailed('must specify one of -f and -k');
    throw new CommandFailed('must specify one of -f and -k');
  }
  const dry = dryRunMode(k);
  let manifests;
  const errors: string[] = [];
  try {
    manifests = readManifests(k.cmd, files, k.flags.get<boolean>('recursive'));
  } catch (e) {
    if (!(e instanceof ManifestError)) throw e;
    // apply.go: GetObjects' error joins the list, and the objects decoded before it still go out.
    if (e.decoded.length === 0) throw new CommandFailed(e.message);
    manifests = e.decoded;
    errors.push(`error: ${e.message}\n`);
  }
  if (manifests.length === 0) throw new CommandFailed('no objects passed to ' + mode);
  const printed: KubeObject[] = [];
  const suffix = dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : '';
  for (const raw of manifests) {
    let m: MappedObject;
    try {
      m = mapManifest(k, raw);
    } catch (e) {
      if (e instanceof CommandFailed) {
        errors.push(`error: ${e.message}\n`);
        continue;
      }
      throw e;
    }
    try {
      const { obj, op } = writeOne(k, mode, m, dry);
      if (output) printed.push(obj);
      else k.cmd.stdout(nameLine({ ...obj, apiVersion: m.object.apiVersion, kind: m.object.kind }, `${op}${suffix}`));
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const verb = mode === 'replace' ? 'replacing' : e.reason === 'AlreadyExists' || mode === 'create' ? 'creating' : 'patching';
      errors.push(formatApiError(e, { verb, source: m.source }));
    }
  }
  if (output && printed.length > 0) writeObjects(k, output, printed, printed.length > 1);
  for (const e of errors) k.cmd.stderr(e);
  return errors.length > 0 ? 1 : 0;
}

export const applyVerb: Verb = {
  name: 'apply',
  short: 'Apply a configuration to a resource by file name or stdin.',
  usage: 'kubectl apply (-f FILENAME | -k DIRECTORY) [options]',
  flags: [...FILE_FLAGS, { name: 'force', kind: 'bool', default: false, usage: 'If true, immediately remove resources from API and bypass graceful deletion.' }],
  run: (k) => runWrite(k, 'apply'),
};

/** `kubectl create -f` (the workload engineer's generators are its sub-commands). */
export const createFromFileVerb: Verb = {
  name: 'create',
  short: 'Create a resource from a file or from stdin.',
  usage: 'kubectl create -f FILENAME [options]',
  flags: [...FILE_FLAGS, { name: 'save-config', kind: 'bool', default: false, usage: "If true, the configuration of current object will be saved in its annotation." }],
  run: (k) => runWrite(k, 'create'),
};

export const replaceVerb: Verb = {
  name: 'replace',
  short: 'Replace a resource by file name or stdin.',
  usage: 'kubectl replace -f FILENAME [options]',
  flags: FILE_FLAGS,
  run: (k) => runWrite(k, 'replace'),
};
