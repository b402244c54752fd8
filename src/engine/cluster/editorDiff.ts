/**
 * The editor's Diff: what `kubectl apply -f` would change, object by object, computed as
 * `kubectl diff` does: the live object against the result of a server-side dry-run apply of the
 * same file (so the merge is apply's own three-way merge, defaults and admission included), both
 * printed as YAML without `metadata.managedFields`.
 */
import type { KubeObject } from '../api/types';
import { nameLine } from '../kubectl/print';
import { diffYaml } from '../kubectl/verbs/diff';
import type { Simulation } from '../sim/Simulation';
import { quote, sideSession } from './editorActions';

export interface DocumentDiff {
  /** kubectl's name for the object (`service/x`, `deployment.apps/web`). */
  name: string;
  namespace?: string;
  /** The live object as YAML; empty when apply would create it. */
  live: string;
  /** The object as apply would leave it (server-side dry run), as YAML. */
  merged: string;
  change: 'create' | 'update' | 'none';
}

export interface BufferDiff {
  command: string;
  documents: DocumentDiff[];
  /** What kubectl printed besides the objects: warnings, and the errors of documents it refused. */
  messages: string;
  exitCode: number;
}

const SCRATCH = '/tmp/.kubelab-diff.json';

function itemsOf(json: string): KubeObject[] {
  if (json.trim() === '') return [];
  const parsed = JSON.parse(json) as KubeObject & { items?: KubeObject[] };
  return parsed.kind === 'List' && Array.isArray(parsed.items) ? parsed.items : [parsed];
}

const identity = (o: KubeObject) => `${o.apiVersion}|${o.kind}|${o.metadata.namespace ?? ''}|${o.metadata.name ?? ''}`;

/** Diffs `text` (saved as `~/path`, as Apply saves it) against the live cluster, changing nothing. */
export function diffBuffer(sim: Simulation, path: string, text: string): BufferDiff {
  const session = sideSession(sim);
  const { fs, home } = session.machine;
  fs.writeFile(path.startsWith('/') ? path : `${home}/${path}`, text);
  const command = `kubectl apply -f ${quote(path)} --dry-run=server`;
  const run = (line: string) => session.execute(`cd ${quote(home)} && ${line} > ${SCRATCH}`);
  try {
    const applied = run(`${command} -o json`);
    const merged = itemsOf(fs.exists(SCRATCH) ? fs.readFile(SCRATCH) : '');
    run(`kubectl get -f ${quote(path)} -o json --ignore-not-found 2>/dev/null`);
    const live = new Map(itemsOf(fs.exists(SCRATCH) ? fs.readFile(SCRATCH) : '').map((o) => [identity(o), o]));
    const documents = merged.map((m): DocumentDiff => {
      const current = live.get(identity(m));
      const after = diffYaml(m);
      const before = current ? diffYaml(current) : '';
      return {
        name: nameLine(m).trimEnd(),
        ...(m.metadata.namespace ? { namespace: m.metadata.namespace } : {}),
        live: before,
        merged: after,
        change: !current ? 'create' : before === after ? 'none' : 'update',
      };
    });
    return { command, documents, messages: applied.output, exitCode: applied.exitCode };
  } finally {
    if (fs.exists(SCRATCH)) fs.remove(SCRATCH);
    sim.drain();
  }
}
