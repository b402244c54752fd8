/** `kubectl describe TYPE [NAME_PREFIX|-l selector]`: the describers of kubectl/print. */
import type { DaemonSet, Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { ConfigMap, Endpoints, Event, Namespace, Node, Pod, Service, ServiceAccount } from 'kubernetes-types/core/v1';
import type { ClusterRole, ClusterRoleBinding, Role, RoleBinding } from 'kubernetes-types/rbac/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { ApiError, type KubeObject } from '../../api/types';
import {
  describeConfigMap, describeDaemonSet, describeGeneric, describeDeployment, describeRole, describeRoleBinding, describeServiceAccount, describeEndpoints, describeEndpointSlice, describeNamespace, describeNode, describePod, describeReplicaSet, describeService, formatApiError, joinDescriptions, noResourcesFound, type PodPhaseCounts,
} from '../print';
import { labelSelectorString } from '../print/labels';
import type { KubectlContext, Verb } from '../verb';
import { parseResourceArgs } from './resourceArgs';
import { filenameArgs, readManifests } from '../manifest/readManifests';

function eventsFor(k: KubectlContext, obj: KubeObject): Event[] {
  const ns = obj.metadata.namespace ?? 'default';
  return k.api.list<Event & KubeObject>('events', ns).items.filter((e) => e.involvedObject?.uid === obj.metadata.uid || (e.involvedObject?.name === obj.metadata.name && e.involvedObject?.kind === obj.kind));
}

function ownedBy(o: KubeObject, uid: string | undefined): boolean {
  return !!uid && (o.metadata.ownerReferences ?? []).some((r) => r.uid === uid);
}

function describeOne(k: KubectlContext, obj: KubeObject): string {
  const now = k.now();
  const ns = obj.metadata.namespace;
  switch (obj.kind) {
    case 'Service': {
      const slices = k.api.list<EndpointSlice & KubeObject>('endpointslices.discovery.k8s.io', ns, { labelSelector: `kubernetes.io/service-name=${obj.metadata.name}` }).items;
      return describeService(obj as Service, slices, eventsFor(k, obj), now);
    }
    case 'Pod':
      return describePod(obj as Pod, eventsFor(k, obj), now);
    case 'Deployment': {
      const rss = k.api.list<ReplicaSet & KubeObject>('replicasets.apps', ns).items.filter((r) => ownedBy(r, obj.metadata.uid));
      const current = rss.find((r) => sameTemplate(r, obj as Deployment));
      return describeDeployment(obj as Deployment, rss.filter((r) => r !== current && (r.spec?.replicas ?? 0) > 0), current, eventsFor(k, obj), now);
    }
    case 'ReplicaSet':
      return describeReplicaSet(obj as ReplicaSet, podStatusForController(k, obj), eventsFor(k, obj), now);
    case 'DaemonSet':
      return describeDaemonSet(obj as DaemonSet, podStatusForController(k, obj, labelSelectorString((obj as DaemonSet).spec?.selector)), eventsFor(k, obj), now);
    case 'ServiceAccount':
      // Since 1.24 no token Secrets are created for ServiceAccounts, and this cluster serves no Secrets.
      return describeServiceAccount(obj as ServiceAccount, [], eventsFor(k, obj), now);
    case 'Role':
    case 'ClusterRole':
      return describeRole(obj as Role | ClusterRole);
    case 'RoleBinding':
    case 'ClusterRoleBinding':
      return describeRoleBinding(obj as unknown as RoleBinding | ClusterRoleBinding);
    case 'Endpoints':
      return describeEndpoints(obj as Endpoints, eventsFor(k, obj), now);
    case 'EndpointSlice':
      return describeEndpointSlice(obj as unknown as EndpointSlice, eventsFor(k, obj), now);
    case 'Namespace':
      return describeNamespace(obj as Namespace);
    case 'ConfigMap':
      return describeConfigMap(obj as ConfigMap, eventsFor(k, obj), now);
    case 'Node': {
      const pods = k.api.list<Pod & KubeObject>('pods', undefined, { fieldSelector: `spec.nodeName=${obj.metadata.name}` }).items;
      const lease = k.api.tryGet('leases.coordination.k8s.io', 'kube-node-lease', obj.metadata.name ?? '');
      return describeNode(obj as Node, pods, lease as never, eventsFor(k, obj), now);
    }
    default:
      // Kinds kubectl has no describer for (Event): the generic describer over the object's fields.
      return describeGeneric(obj, eventsFor(k, obj), now);
  }
}

/** describe.go `getPodStatusForController`: phases of the pods matching the selector that the object controls. */
function podStatusForController(k: KubectlContext, obj: KubeObject, labelSelector?: string): PodPhaseCounts {
  const pods = k.api.list<Pod & KubeObject>('pods', obj.metadata.namespace, { labelSelector }).items.filter((p) => ownedBy(p, obj.metadata.uid));
  const count = (phase: string) => pods.filter((p) => p.status?.phase === phase).length;
  return { running: count('Running'), waiting: count('Pending'), succeeded: count('Succeeded'), failed: count('Failed') };
}

function sameTemplate(r: ReplicaSet, d: Deployment): boolean {
  const strip = (t: unknown) => {
    const c = JSON.parse(JSON.stringify(t ?? {})) as { metadata?: { labels?: Record<string, string> } };
    delete c.metadata?.labels?.['pod-template-hash'];
    return JSON.stringify(c);
  };
  return strip(r.spec?.template) === strip(d.spec?.template);
}

function runDescribe(k: KubectlContext): number {
  const files = filenameArgs(k.flags.get<string[]>('filename')!);
  const all = k.flags.get<boolean>('all-namespaces');
  const selector = k.flags.get<string>('selector') || undefined;
  const found: KubeObject[] = [];
  const errors: string[] = [];
  if (files.length > 0) {
    for (const m of readManifests(k.cmd, files)) {
      const info = k.server.resourceFor(m.object.apiVersion, m.object.kind);
      try {
        found.push(k.api.get(k.server.resourceKey(info), info.namespaced ? m.object.metadata.namespace ?? k.namespace : undefined, m.object.metadata.name ?? ''));
      } catch (e) {
        if (e instanceof ApiError) errors.push(formatApiError(e));
        else throw e;
      }
    }
  } else {
    if (k.args.length === 0) {
      k.cmd.stderr('You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n\n');
      k.cmd.stderr("error: Required resource not specified.\nSee 'kubectl describe -h' for help and examples\n");
      return 1;
    }
    for (const t of parseResourceArgs(k.server, k.args)) {
      const ns = t.info.namespaced ? (all ? undefined : k.namespace) : undefined;
      if (t.names.length === 0) {
        found.push(...k.api.list(t.key, ns, { labelSelector: selector }).items);
        continue;
      }
      for (const name of t.names) {
        const exact = k.api.tryGet(t.key, ns, name);
        if (exact) {
          found.push(exact);
          continue;
        }
        // describe falls back to a name-prefix match over the list (describe.go).
        const prefixed = k.api.list(t.key, ns, { labelSelector: selector }).items.filter((o) => (o.metadata.name ?? '').startsWith(name));
        if (prefixed.length > 0) found.push(...prefixed);
        else errors.push(formatApiError(new ApiError(404, 'NotFound', `${t.key} "${name}" not found`)));
      }
    }
  }
  if (found.length > 0) k.cmd.stdout(joinDescriptions(found.map((o) => describeOne(k, o))));
  else if (errors.length === 0) k.cmd.stderr(noResourcesFound(all ? undefined : k.namespace));
  for (const e of errors) k.cmd.stderr(e);
  return errors.length > 0 ? 1 : 0;
}

export const describeVerb: Verb = {
  name: 'describe',
  short: 'Show details of a specific resource or group of resources.',
  usage: 'kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [options]',
  flags: [
    { name: 'all-namespaces', short: 'A', kind: 'bool', default: false, usage: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.' },
    { name: 'selector', short: 'l', kind: 'string', default: '', usage: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints." },
    { name: 'filename', short: 'f', kind: 'stringArray', usage: 'Filename, directory, or URL to files containing the resource to describe' },
    { name: 'recursive', short: 'R', kind: 'bool', default: false, usage: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
    { name: 'show-events', kind: 'bool', default: true, usage: 'If true, display events related to the described object.' },
    { name: 'chunk-size', kind: 'int', default: 500, usage: 'Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future.' },
  ],
  run: runDescribe,
};
