/**
 * monaco-yaml's worker with the Kubernetes schema built in. The schema lives here rather than in
 * the editor chunk (about 70 KiB gzipped the page never needs itself). monaco-yaml asks for schemas
 * by URI through `fetch`; we answer that one URI from the bundle and refuse every other request,
 * so the editor stays offline whatever a manifest's `$schema` comment says. The text is served as
 * generated: the language service parses it (with JSON.parse, see jsoncParseFast.ts), and nothing
 * here builds the schema object first. Once `fetch` answers, the language service is built and the
 * schema compiled at once, before the page asks (yamlServiceAhead.ts).
 */
import { K8S_SCHEMA_TEXT } from './k8sSchema.generated';
import { K8S_SCHEMA_URI } from './k8sSchemaUri';
import 'monaco-yaml/yaml.worker';
import { prepareYamlService } from './yamlServiceAhead';
import { YAML_WORKER_OPTIONS } from './yamlWorkerOptions';

self.fetch = async (input: RequestInfo | URL): Promise<Response> => {
  const url = input instanceof Request ? input.url : String(input);
  if (url === K8S_SCHEMA_URI)
    return new Response(K8S_SCHEMA_TEXT, { headers: { 'content-type': 'application/json' } });
  throw new TypeError(`kubelab works offline: no schema at ${url}`);
};

prepareYamlService(YAML_WORKER_OPTIONS, {
  uri: 'kubelab-warm-up:/worker-boot.yaml',
  text: 'apiVersion: v1\nkind: Service\nspec:\n  warmUp: true\n',
});
