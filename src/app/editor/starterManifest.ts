import { STARTER_SNIPPETS } from './starterSnippets';

function snippet(id: string): string {
  const found = STARTER_SNIPPETS.find((s) => s.id === id);
  if (!found) throw new Error(`no starter snippet "${id}"`);
  return found.text;
}

/** The first buffer a learner sees: a Deployment and the ClusterIP Service that fronts it. */
export const STARTER_MANIFEST = `${snippet('deployment')}---\n${snippet('clusterip')}`;
