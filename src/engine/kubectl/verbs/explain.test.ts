import { describe, expect, it } from 'vitest';
import { render } from '../../../../scripts/gen-explain-docs.mjs';
import { readFileSync } from 'node:fs';
import { apiDocs } from '../explain/apiDocs';
import { kubectlSession, transcript } from '../testing/session';

// The goldens are the upstream plaintext.tmpl evaluated by hand over the official descriptions
// (kubernetes-models' copy of the OpenAPI definitions), not a capture from a live cluster.
describe('kubectl explain', () => {
  it('the generated documentation is current', async () => {
    const generated = readFileSync(new URL('../explain/apiDocs.generated.ts', import.meta.url), 'utf8');
    expect(generated === (await render()), 'run node scripts/gen-explain-docs.mjs').toBe(true);
  }, 60_000);

  it('documents every kind the API server serves', () => {
    const { sim } = kubectlSession();
    const kinds = apiDocs().kinds.map((k) => `${k.group}/${k.version}/${k.kind}`);
    for (const r of sim.api.resources()) expect(kinds).toContain(`${r.group}/${r.version}/${r.kind}`);
  });

  it('a resource, a field, an enum field, --recursive', async () => {
    const { s } = kubectlSession();
    const out = transcript(s, [
      'kubectl explain svc',
      'kubectl explain service.spec.ports',
      'kubectl explain svc.spec.type',
      'kubectl explain deployments.apps.spec.replicas',
      'kubectl explain pod.metadata.creationTimestamp',
      'kubectl explain endpointslices --recursive',
      'kubectl explain clusterrolebinding.subjects',
      'kubectl explain ds --api-version=apps/v1 | head -12',
    ]);
    await expect(out).toMatchFileSnapshot('../__golden__/explain.txt');
  });

  it('errors as kubectl prints them', () => {
    const { s } = kubectlSession();
    expect(transcript(s, [
      'kubectl explain svc.spec.foo',
      'echo $?',
      'kubectl explain svc.spec.ports.port.x',
      'kubectl explain foo',
      'kubectl explain',
      'kubectl explain svc pods',
      'kubectl explain pods --api-version=apps/v1',
      'kubectl explain pods --api-version=v2',
      'kubectl explain pods --api-version=a/b/c',
    ])).toBe(`controlplane:~$ kubectl explain svc.spec.foo
KIND:       Service
VERSION:    v1

error: field "foo" does not exist
controlplane:~$ echo $?
1
controlplane:~$ kubectl explain svc.spec.ports.port.x
KIND:       Service
VERSION:    v1

error: field "x" does not exist
controlplane:~$ kubectl explain foo
error: the server doesn't have a resource type "foo"
controlplane:~$ kubectl explain
error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.
controlplane:~$ kubectl explain svc pods
error: We accept only this format: explain RESOURCE
controlplane:~$ kubectl explain pods --api-version=apps/v1
error: GVR (apps/v1, Resource=pods) not found in OpenAPI schema
controlplane:~$ kubectl explain pods --api-version=v2
error: couldn't find resource for "/v2, Resource=pods"
controlplane:~$ kubectl explain pods --api-version=a/b/c
error: unexpected GroupVersion string: a/b/c
`);
  });
});
