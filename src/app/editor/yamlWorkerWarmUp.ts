import type * as Monaco from 'monaco-editor/editor';

/** Models of this scheme belong to the warm-up, not to a file (MonacoEditor's cleanup skips them). */
export const WARM_UP_SCHEME = 'kubelab-warm-up';

/**
 * The YAML worker's first validation reads and compiles the whole Kubernetes schema (a few hundred
 * ms on a slow machine). Validating a two-line document as soon as Monaco is configured makes that
 * happen while the main thread is still building the editor, so the learner's file is checked
 * against a schema that is ready. The document has a deliberate problem, so its markers surely
 * arrive, and the model goes away then.
 */
export function warmUpYamlWorker(monaco: typeof Monaco): void {
  const uri = monaco.Uri.from({ scheme: WARM_UP_SCHEME, path: '/service.yaml' });
  const model = monaco.editor.createModel('apiVersion: v1\nkind: Service\nspec:\n  warmUp: true\n', 'yaml', uri);
  const validated = monaco.editor.onDidChangeMarkers((uris) => {
    if (!uris.some((u) => u.toString() === uri.toString())) return;
    validated.dispose();
    model.dispose();
  });
}
