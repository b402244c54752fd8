/**
 * `kubectl diff -f FILE` (pkg/cmd/diff/diff.go): each object of the files as it is live and as
 * apply would leave it (apply's own merge, sent as a server-side dry run), written as YAML to
 * `/tmp/LIVE-<n>/<group.>version.Kind.namespace.name` and `/tmp/MERGED-<n>/...`; then the machine's
 * `diff -u -N` (or $KUBECTL_EXTERNAL_DIFF) runs on the two directories, and its exit status is
 * kubectl's: 0 no differences, 1 differences, anything else an error (kubectl's own errors exit 2).
 */
import { ApiError, type KubeObject } from '../../api/types';
import { formatApiError, toYaml } from '../print';
import type { FlagDef, KubectlContext, Verb } from '../verb';
import { CommandFailed, UsageError } from '../cli/errors';
import { filenameArgs, ManifestError, readManifests } from '../manifest/readManifests';
import { matchesSelector, parseSelector } from '../../store/labelSelector';
import { mapManifest, type MappedObject } from './manifestTargets';
import { writeOne } from './apply';

const FLAGS: FlagDef[] = [
  { name: 'concurrency', kind: 'int', default: 1, usage: 'Number of objects to process in parallel when diffing against the live version. Larger number = faster, but more memory, I/O and CPU over that shorter period of time.' },
  { name: 'field-manager', kind: 'string', default: 'kubectl-client-side-apply', usage: 'Name of the manager used to track field ownership.' },
  { name: 'filename', short: 'f', kind: 'stringArray', usage: 'Filename, directory, or URL to files contains the configuration to diff' },
  { name: 'recursive', short: 'R', kind: 'bool', default: false, usage: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
  { name: 'selector', short: 'l', kind: 'string', default: '', usage: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints." },
  { name: 'show-managed-fields', kind: 'bool', default: false, usage: 'If true, include managed fields in the diff.' },
];

/** diff.go's masks for a Secret's `data`: values never reach the diff, only whether they changed. */
const MASK = '***';

/** InfoObject.Name(): `<group.>version.Kind.namespace.name`. */
export function diffFileName(obj: KubeObject): string {
  const [group, version] = obj.apiVersion.includes('/') ? obj.apiVersion.split('/') : ['', obj.apiVersion];
  return `${group ? `${group}.` : ''}${version}.${obj.kind}.${obj.metadata.namespace ?? ''}.${obj.metadata.name ?? ''}`;
}

/** The YAML diff prints for one version of an object: managedFields only with --show-managed-fields. */
export function diffYaml(obj: KubeObject, showManagedFields = false): string {
  if (showManagedFields) return toYaml(obj);
  const metadata = { ...obj.metadata } as Record<string, unknown>;
  delete metadata.managedFields;
  return toYaml({ ...obj, metadata });
}

/** diff.go's Masker: equal values become `***`, changed ones `*** (before)` / `*** (after)`. */
export function maskSecrets(from: KubeObject | undefined, to: KubeObject): [KubeObject | undefined, KubeObject] {
  const a = { ...((from as { data?: Record<string, string> } | undefined)?.data ?? {}) };
  const b = { ...((to as { data?: Record<string, string> }).data ?? {}) };
  const hadA = from !== undefined && (from as { data?: unknown }).data !== undefined;
  const hadB = (to as { data?: unknown }).data !== undefined;
  for (const key of Object.keys(a)) {
    if (key in b) {
      if (a[key] !== b[key]) {
        a[key] = `${MASK} (before)`;
        b[key] = `${MASK} (after)`;
        continue;
      }
      b[key] = MASK;
    }
    a[key] = MASK;
  }
  for (const key of Object.keys(b)) if (!(key in a)) b[key] = MASK;
  return [from && hadA ? ({ ...from, data: a } as KubeObject) : from, hadB ? ({ ...to, data: b } as KubeObject) : to];
}

/** A Go os.MkdirTemp directory: the prefix, a dash and a random uint32 in decimal. */
function tempDir(k: KubectlContext, prefix: string): string {
  for (;;) {
    const dir = `/tmp/${prefix}-${k.sim.rng.int(4_294_967_296)}`;
    if (!k.cmd.fs.exists(dir)) {
      k.cmd.fs.mkdir(dir, true);
      return dir;
    }
  }
}

/** getCommand: `diff -u -N FROM TO`, or $KUBECTL_EXTERNAL_DIFF split on spaces with its plain words appended. */
function diffCommand(k: KubectlContext, from: string, to: string): string[] {
  const external = new Map(k.cmd.env.exported()).get('KUBECTL_EXTERNAL_DIFF') ?? '';
  if (external === '') return ['diff', '-u', '-N', from, to];
  const [program, ...rest] = external.split(' ');
  // kubectl drops (with a klog warning) any argument beyond letters, digits, '-' and '='.
  return [program!, from, to, ...rest.filter((a) => /^[a-zA-Z0-9-=]+$/.test(a))];
}

/** Writes both versions of every object and runs the diff program; returns its exit status. */
function runDiff(k: KubectlContext): number {
  if (k.args.length > 0) throw new UsageError(`Unexpected args: [${k.args.join(' ')}]`);
  const files = filenameArgs(k.flags.get<string[]>('filename') ?? []);
  if (files.length === 0) throw new CommandFailed('must specify one of -f and -k');
  const selector = k.flags.get<string>('selector') ?? '';
  const matches = selector ? (o: KubeObject) => matchesSelector(parseSelector(selector), o.metadata.labels ?? {}) : () => true;
  const showManaged = k.flags.get<boolean>('show-managed-fields') ?? false;
  const fs = k.cmd.fs;
  const live = tempDir(k, 'LIVE');
  const merged = tempDir(k, 'MERGED');
  try {
    let manifests;
    try {
      manifests = readManifests(k.cmd, files, k.flags.get<boolean>('recursive'));
    } catch (e) {
      if (e instanceof ManifestError) throw new CommandFailed(e.message);
      throw e;
    }
    for (const raw of manifests.filter((m) => matches(m.object))) {
      const m: MappedObject = mapManifest(k, raw);
      const name = m.object.metadata.name ?? '';
      const current = name ? k.api.tryGet(m.key, m.namespace, name) : undefined;
      let after = writeOne(k, 'apply', m, 'server', false).obj;
      let before = current;
      if (after.apiVersion === 'v1' && after.kind === 'Secret') [before, after] = maskSecrets(before, after);
      const file = diffFileName({ ...after, apiVersion: m.object.apiVersion, kind: m.object.kind });
      if (before) fs.writeFile(`${live}/${file}`, diffYaml(before, showManaged));
      fs.writeFile(`${merged}/${file}`, diffYaml(after, showManaged));
      if (current?.metadata.deletionTimestamp) k.cmd.stderr(`Warning: Detected changes to resource ${name} which is currently being deleted.\n`);
    }
    const argv = diffCommand(k, live, merged);
    if (!k.cmd.machine.commands.has(argv[0]!)) throw new CommandFailed(`failed to run "${argv[0]}": exec: "${argv[0]}": executable file not found in $PATH`);
    const code = k.cmd.exec(argv, '');
    if (code > 1) throw new CommandFailed(`failed to run "${argv[0]}": exit status ${code}`);
    return code;
  } finally {
    fs.remove(live, true);
    fs.remove(merged, true);
  }
}

export const diffVerb: Verb = {
  name: 'diff',
  short: 'Diff the live version against a would-be applied version',
  usage: 'kubectl diff -f FILENAME',
  flags: FLAGS,
  // CheckDiffErr: kubectl's own errors exit one above checkErr's code, so that 1 keeps meaning "differences".
  run: (k) => {
    try {
      return runDiff(k);
    } catch (e) {
      if (e instanceof UsageError) k.cmd.stderr(`error: ${e.message}\nSee 'kubectl diff -h' for help and examples\n`);
      else if (e instanceof CommandFailed) k.cmd.stderr(`error: ${e.message}\n`);
      else if (e instanceof ApiError) k.cmd.stderr(formatApiError(e));
      else throw e;
      return 2;
    }
  },
};
