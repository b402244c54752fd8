import { describe, expect, it } from 'vitest';
import { kubectlSession, transcript } from '../testing/session';
import { HELP_TEXTS } from './helpTexts';

describe('kubectl <verb> --help', () => {
  it.each(Object.keys(HELP_TEXTS))('%s prints the long description, then Examples (if any), then Options', (path) => {
    const { s } = kubectlSession();
    const out = s.execute(`${path} --help`).output;
    const { long, examples } = HELP_TEXTS[path]!;
    // A command without examples (top) goes straight from its description to its commands or options.
    expect(out.startsWith(examples ? `${long}\n\nExamples:\n${examples}\n\n` : `${long}\n\n`)).toBe(true);
    expect(out).toMatch(/\n(Available Commands|Options):\n[\s\S]*\nUsage:\n {2}kubectl /);
  });

  it('expose (golden: paragraphs start with a space, examples are indented two, blank lines keep the indent)', () => {
    const { s } = kubectlSession();
    const out = transcript(s, ['kubectl expose --help | head -15', 'kubectl help describe | sed -n 3,7p']);
    expect(out).toBe(`controlplane:~$ kubectl expose --help | head -15
Expose a resource as a new Kubernetes service.

 Looks up a deployment, service, replica set, replication controller or pod by name and uses the selector for that resource as the selector for a new service on the specified port. A deployment or replica set will be exposed as a service only if its selector is convertible to a selector that service supports, i.e. when the selector contains only the matchLabels component. Note that if no port is specified via --port and the exposed resource has multiple ports, all will be re-used by the new service. Also if no labels are specified, the new service will re-use the labels from the resource it exposes.

 Possible resources include (case insensitive):

 pod (po), service (svc), replicationcontroller (rc), deployment (deploy), replicaset (rs)

Examples:
  # Create a service for a replicated nginx, which serves on port 80 and connects to the containers on port 8000
  kubectl expose rc nginx --port=80 --target-port=8000
  
  # Create a service for a replication controller identified by type and name specified in "nginx-controller.yaml", which serves on port 80 and connects to the containers on port 8000
  kubectl expose -f nginx-controller.yaml --port=80 --target-port=8000
  
controlplane:~$ kubectl help describe | sed -n 3,7p
 Print a detailed description of the selected resources, including related resources such as events or controllers. You may select a single object by name, all objects of that type, provide a name prefix, or label selector. For example:

        $ kubectl describe TYPE NAME_PREFIX
        
 will first check for an exact match on TYPE and NAME_PREFIX. If no such resource exists, it will output details for every resource that has a name prefixed with NAME_PREFIX.
`);
  });
});
