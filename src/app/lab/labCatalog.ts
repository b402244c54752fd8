import { parse } from 'yaml';

export interface LabStep {
  title: string;
  text: string;
  commands: string[];
}

export interface Lab {
  id: string;
  title: string;
  summary: string;
  steps: LabStep[];
}

// Labs are data in labs/<nn-slug>/lab.yaml, bundled as text and parsed on demand.
const sources = import.meta.glob('/labs/*/lab.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/** Every lab shipped with the app, in folder order, or an explanation of what is malformed. */
export function loadLabs(): Lab[] {
  return Object.entries(sources)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([path, text]) => toLab(path, text));
}

function toLab(path: string, text: string): Lab {
  const id = path.split('/').at(-2) ?? path;
  const doc = parse(text) as Partial<Lab> | null;
  if (!doc || typeof doc.title !== 'string' || !Array.isArray(doc.steps)) {
    throw new Error(`${path}: a lab needs a title and a list of steps`);
  }
  return {
    id,
    title: doc.title,
    summary: typeof doc.summary === 'string' ? doc.summary : '',
    steps: doc.steps.map((s, i) => ({
      title: typeof s?.title === 'string' ? s.title : `Step ${i + 1}`,
      text: typeof s?.text === 'string' ? s.text : '',
      commands: Array.isArray(s?.commands) ? s.commands.map(String) : [],
    })),
  };
}
