import { engine } from '../client/engineClient';
import type { Lab } from '../../worker/createEngineApi';

export type { CheckResult, Lab, LabCheck, LabStep } from '../../worker/createEngineApi';

/** A lab as the panel lists it: read, or the reason its lab.yaml could not be read. */
export type CatalogEntry = { ok: true; lab: Lab } | { ok: false; id: string; error: string };

// Labs are data in labs/<nn-slug>/lab.yaml, bundled as text; the engine (in the worker) reads
// and validates them with the same code as `npx kubelab lab`.
const sources = import.meta.glob('/labs/*/lab.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** Every lab shipped with the app, in folder order. */
export async function loadLabs(): Promise<CatalogEntry[]> {
  const files = Object.entries(sources).sort(([a], [b]) => a.localeCompare(b));
  return Promise.all(
    files.map(async ([file, text]): Promise<CatalogEntry> => {
      const r = await engine().parseLab(file, text);
      return r.ok
        ? { ok: true, lab: r.value }
        : { ok: false, id: file.split('/').at(-2) ?? file, error: r.error };
    }),
  );
}
