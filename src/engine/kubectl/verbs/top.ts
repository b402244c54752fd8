/**
 * `kubectl top pod|node` (pkg/cmd/top): the cluster runs no metrics-server, so discovery has no
 * `metrics.k8s.io` group and kubectl stops where it checks for one, as on a fresh kubeadm cluster.
 */
import type { FlagDef, Verb } from '../verb';
import { CommandFailed } from '../cli/errors';
import { defaultSubCommandRun } from '../cli/help';

const SORT_BY: FlagDef = { name: 'sort-by', kind: 'string', default: '', usage: "If non-empty, sort nodes list using specified field. The field can be either 'cpu' or 'memory'." };
const COMMON: FlagDef[] = [
  { name: 'no-headers', kind: 'bool', default: false, usage: 'If present, print output without headers' },
  { name: 'selector', short: 'l', kind: 'string', default: '', usage: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints." },
  { name: 'show-swap', kind: 'bool', default: false, usage: 'Print pod resources related to swap memory.' },
  { name: 'use-protocol-buffers', kind: 'bool', default: true, usage: 'Enables using protocol-buffers to access Metrics API.' },
];

/**
 * RunTopPod / RunTopNode ask discovery for `metrics.k8s.io` before anything else; this API server
 * serves no such group (there is no metrics-server to aggregate), so the answer is always this.
 */
function metricsUnavailable(): number {
  throw new CommandFailed('Metrics API not available');
}

const topPod: Verb = {
  name: 'pod',
  aliases: ['pods', 'po'],
  short: 'Display resource (CPU/memory) usage of pods',
  usage: 'kubectl top pod [NAME | -l label]',
  flags: [
    { name: 'all-namespaces', short: 'A', kind: 'bool', default: false, usage: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.' },
    { name: 'containers', kind: 'bool', default: false, usage: 'If present, print usage of containers within a pod.' },
    { name: 'field-selector', kind: 'string', default: '', usage: "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type." },
    { ...SORT_BY, usage: "If non-empty, sort pods list using specified field. The field can be either 'cpu' or 'memory'." },
    { name: 'sum', kind: 'bool', default: false, usage: 'Print the sum of the resource usage' },
    ...COMMON,
  ],
  run: metricsUnavailable,
};

const topNode: Verb = {
  name: 'node',
  aliases: ['nodes', 'no'],
  short: 'Display resource (CPU/memory) usage of nodes',
  usage: 'kubectl top node [NAME | -l label]',
  flags: [{ name: 'show-capacity', kind: 'bool', default: false, usage: 'Print node resources based on Capacity instead of Allocatable(default) of the nodes.' }, SORT_BY, ...COMMON],
  run: metricsUnavailable,
};

export const topVerb: Verb = {
  name: 'top',
  short: 'Display resource (CPU/memory) usage',
  usage: 'kubectl top [flags] [options]',
  flags: [],
  subcommands: [topNode, topPod],
  run: defaultSubCommandRun('kubectl top', () => topVerb),
};
