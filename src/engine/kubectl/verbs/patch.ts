/** `kubectl patch TYPE NAME -p PATCH [--type strategic|merge|json]`. */
import { parse } from 'yaml';
import { DRY_RUN_FLAG, dryRunOf } from '../cli/dryRun';
import type { PatchType } from '../../api/types';
import { nameLine } from '../print';
import type { KubectlContext, Verb } from '../verb';
import { CommandFailed, UsageError } from '../cli/errors';
import { parseResourceArgs } from './resourceArgs';
import { checkOutputFormat, effectiveOutput, TEMPLATE_FLAGS, writeObjects } from './printObjects';

function runPatch(k: KubectlContext): number {
  dryRunOf(k); // Complete() rejects a bad --dry-run before any request is made.
  const type = k.flags.get<string>('type')!;
  if (!['json', 'merge', 'strategic'].includes(type)) throw new CommandFailed(`--type must be one of [json merge strategic], not ${JSON.stringify(type)}`);
  let text = k.flags.get<string>('patch')!;
  const file = k.flags.get<string>('patch-file')!;
  if (file) {
    const path = k.cmd.resolve(file);
    if (!k.cmd.fs.exists(path)) throw new CommandFailed(`unable to read patch file: open ${file}: no such file or directory`);
    text = k.cmd.fs.readFile(path);
  }
  if (!text) throw new UsageError('must specify -p to patch');
  const output = effectiveOutput(k);
  checkOutputFormat(output);
  let body: unknown;
  try {
    body = parse(text);
  } catch {
    throw new CommandFailed(`unable to parse "${text}": yaml: did not find expected node content`);
  }
  const targets = parseResourceArgs(k.server, k.args);
  if (targets.length === 0 || targets.every((t) => t.names.length === 0)) throw new UsageError('resource(s) were provided, but no name was specified');
  for (const t of targets) {
    for (const name of t.names) {
      const ns = t.info.namespaced ? k.namespace : undefined;
      const before = k.api.get(t.key, ns, name);
      const after = k.api.patch(t.key, ns, name, type as PatchType, body, { dryRun: dryRunOf(k) === 'server', fieldManager: 'kubectl-patch' });
      if (output) writeObjects(k, output, [after], false);
      else k.cmd.stdout(nameLine(after, before.metadata.resourceVersion === after.metadata.resourceVersion ? 'patched (no change)' : 'patched'));
    }
  }
  return 0;
}

export const patchVerb: Verb = {
  name: 'patch',
  short: 'Update fields of a resource using strategic merge patch, a JSON merge patch, or a JSON patch.',
  usage: 'kubectl patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE] [options]',
  flags: [
    { name: 'patch', short: 'p', kind: 'string', default: '', usage: 'The patch to be applied to the resource JSON file.' },
    { name: 'patch-file', kind: 'string', default: '', usage: 'A file containing a patch to be applied to the resource.' },
    { name: 'type', kind: 'string', default: 'strategic', usage: 'The type of patch being provided; one of [json merge strategic]' },
    { name: 'output', short: 'o', kind: 'string', default: '', usage: 'Output format.' },
    DRY_RUN_FLAG,
    ...TEMPLATE_FLAGS,
  ],
  run: runPatch,
};
