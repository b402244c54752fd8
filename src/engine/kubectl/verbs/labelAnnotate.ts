/** `kubectl label` and `kubectl annotate`: `key=value`, `key-`, `--overwrite`, `-l`, `--all`, `--list`. */
import { ApiError, type KubeObject } from '../../api/types';
import { DRY_RUN_FLAG, dryRunOf } from '../cli/dryRun';
import { formatApiError, kindPrefix, groupOf } from '../print';
import type { FlagDef, KubectlContext, Verb } from '../verb';
import { CommandFailed, UsageError } from '../cli/errors';
import { parseResourceArgs, type ResourceTarget } from './resourceArgs';
import { filenameArgs, readManifests } from '../manifest/readManifests';
import { mapManifest } from './manifestTargets';

type Field = 'labels' | 'annotations';

interface Change {
  set: Record<string, string>;
  remove: string[];
}

function parseChanges(args: string[], field: Field): { resources: string[]; change: Change } {
  const set: Record<string, string> = {};
  const remove: string[] = [];
  const resources: string[] = [];
  // cmdutil.GetResourcesAndPairs: resources first, then KEY=VAL / KEY- pairs.
  let foundPair = false;
  for (const a of args) {
    const pair = (a.includes('=') && a[0] !== '=') || (a.endsWith('-') && a !== '-');
    if (!pair) {
      if (foundPair) throw new CommandFailed(`all resources must be specified before ${field === 'labels' ? 'label' : 'annotation'} changes: ${a}`);
      resources.push(a);
      continue;
    }
    foundPair = true;
    if (a.includes('=')) {
      const i = a.indexOf('=');
      set[a.slice(0, i)] = a.slice(i + 1);
    } else remove.push(a.slice(0, -1));
  }
  if (Object.keys(set).length === 0 && remove.length === 0) throw new UsageError(`at least one ${field === 'labels' ? 'label' : 'annotation'} update is required`);
  for (const key of remove) if (key in set) throw new CommandFailed(`can not both modify and remove ${field === 'labels' ? 'a label' : 'an annotation'} in the same command`);
  if (field === 'labels') {
    for (const [key, value] of Object.entries(set)) {
      if (!/^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/.test(value) || value.length > 63) {
        throw new CommandFailed(`invalid label value: "${key}=${value}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`);
      }
    }
  }
  return { resources, change: { set, remove } };
}

function modify(k: KubectlContext, field: Field, target: ResourceTarget, obj: KubeObject, change: Change): string {
  const current = obj.metadata[field] ?? {};
  if (!k.flags.get<boolean>('overwrite')) {
    for (const [key, value] of Object.entries(change.set)) {
      if (key in current && current[key] !== value) {
        throw new CommandFailed(`'${key}' already has a value (${current[key]}), and --overwrite is false`);
      }
    }
  }
  const next = { ...current, ...change.set };
  for (const key of change.remove) delete next[key];
  const prefix = `${kindPrefix(obj.kind, groupOf(obj.apiVersion))}/${obj.metadata.name}`;
  const word = field === 'labels' ? 'labeled' : 'annotated';
  if (JSON.stringify(next) === JSON.stringify(current)) return `${prefix} not ${word}\n`;
  const patch = { metadata: { [field]: Object.fromEntries([...Object.entries(change.set), ...change.remove.filter((r) => r in current).map((r) => [r, null])]) } };
  const dry = dryRunOf(k);
  if (dry === 'client') return `${prefix} ${word} (dry run)\n`;
  k.api.patch(target.key, obj.metadata.namespace, obj.metadata.name ?? '', 'merge', patch, { dryRun: dry === 'server' });
  return `${prefix} ${word}${dry === 'server' ? ' (server dry run)' : ''}\n`;
}

function run(k: KubectlContext, field: Field): number {
  dryRunOf(k); // Complete() rejects a bad --dry-run before any request is made.
  const files = filenameArgs(k.flags.get<string[]>('filename')!);
  const { resources, change } = parseChanges(k.args, field);
  const errors: string[] = [];
  const work: { target: ResourceTarget; obj: KubeObject }[] = [];
  const selector = k.flags.get<string>('selector') || undefined;
  const all = k.flags.get<boolean>('all');
  const allNs = k.flags.get<boolean>('all-namespaces');
  if (files.length > 0) {
    for (const m of readManifests(k.cmd, files).map((x) => mapManifest(k, x))) {
      work.push({ target: { info: m.info, key: m.key, names: [] }, obj: k.api.get(m.key, m.namespace, m.object.metadata.name ?? '') });
    }
  } else {
    if (resources.length === 0) throw new UsageError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
    for (const t of parseResourceArgs(k.server, resources)) {
      const ns = t.info.namespaced ? (allNs ? undefined : k.namespace) : undefined;
      if (t.names.length === 0) {
        if (!selector && !all && !allNs) throw new UsageError('resource(s) were provided, but no name was specified');
        for (const obj of k.api.list(t.key, ns, { labelSelector: selector }).items) work.push({ target: t, obj });
        continue;
      }
      for (const name of t.names) {
        try {
          work.push({ target: t, obj: k.api.get(t.key, ns, name) });
        } catch (e) {
          if (e instanceof ApiError) errors.push(formatApiError(e));
          else throw e;
        }
      }
    }
  }
  if (work.length === 0 && errors.length === 0) {
    k.cmd.stderr(`No resources found in ${k.namespace} namespace.\n`);
    return 0;
  }
  for (const w of work) {
    try {
      k.cmd.stdout(modify(k, field, w.target, w.obj, change));
    } catch (e) {
      if (e instanceof ApiError) errors.push(formatApiError(e));
      else if (e instanceof CommandFailed) errors.push(`error: ${e.message}\n`);
      else throw e;
    }
  }
  for (const e of errors) k.cmd.stderr(e);
  return errors.length > 0 ? 1 : 0;
}

const SHARED: FlagDef[] = [
  { name: 'all', kind: 'bool', default: false, usage: 'Select all resources, in the namespace of the specified resource types' },
  { name: 'all-namespaces', short: 'A', kind: 'bool', default: false, usage: 'If true, check the specified action in all namespaces.' },
  DRY_RUN_FLAG,
  { name: 'filename', short: 'f', kind: 'stringArray', usage: 'Filename, directory, or URL to files identifying the resource to update' },
  { name: 'overwrite', kind: 'bool', default: false, usage: 'If true, allow labels to be overwritten, otherwise reject label updates that overwrite existing labels.' },
  { name: 'selector', short: 'l', kind: 'string', default: '', usage: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'." },
  { name: 'output', short: 'o', kind: 'string', default: '', usage: 'Output format.' },
];

export const labelVerb: Verb = {
  name: 'label',
  short: 'Update the labels on a resource.',
  usage: 'kubectl label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  flags: SHARED,
  run: (k) => run(k, 'labels'),
};

export const annotateVerb: Verb = {
  name: 'annotate',
  short: 'Update the annotations on one or more resources.',
  usage: 'kubectl annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  flags: SHARED,
  run: (k) => run(k, 'annotations'),
};
