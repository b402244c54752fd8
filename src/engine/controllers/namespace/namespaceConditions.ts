import type { NamespaceCondition } from 'kubernetes-types/core/v1';

export interface RemainingContent {
  resource: string;
  count: number;
  finalizers: string[];
}

/**
 * The five conditions the namespace deleter maintains on a Terminating namespace (namespaced
 * _resources_deleter.go: updateNamespaceStatusFunc / conditionUpdater), with its messages.
 */
export function namespaceConditions(remaining: RemainingContent[], previous: NamespaceCondition[], now: string): NamespaceCondition[] {
  const mk = (type: string, on: boolean, reason: string, message: string): NamespaceCondition => {
    const prev = previous.find((c) => c.type === type);
    const status = on ? 'True' : 'False';
    const same = prev && prev.status === status && prev.reason === reason && prev.message === message;
    return same ? prev : { type, status, lastTransitionTime: now, reason, message };
  };
  const content = remaining.map((r) => `${resourceLabel(r.resource)} has ${r.count} resource instances`).sort();
  const finalizerList = [...new Set(remaining.flatMap((r) => r.finalizers))].sort();
  const finalizerMsgs = remaining
    .filter((r) => r.finalizers.length > 0)
    .flatMap((r) => r.finalizers.map((f) => `${f} in ${r.count} resource instances`))
    .sort();
  return [
    mk('NamespaceDeletionDiscoveryFailure', false, 'ResourcesDiscovered', 'All resources successfully discovered'),
    mk('NamespaceDeletionGroupVersionParsingFailure', false, 'ParsedGroupVersions', 'All legacy kube types successfully parsed'),
    mk('NamespaceDeletionContentFailure', false, 'ContentDeleted', 'All content successfully deleted, may be waiting on finalization'),
    content.length
      ? mk('NamespaceContentRemaining', true, 'SomeResourcesRemain', `Some resources are remaining: ${content.join(', ')}`)
      : mk('NamespaceContentRemaining', false, 'ContentRemoved', 'All content successfully removed'),
    finalizerList.length
      ? mk('NamespaceFinalizersRemaining', true, 'SomeFinalizersRemain', `Some content in the namespace has finalizers remaining: ${finalizerMsgs.join(', ')}`)
      : mk('NamespaceFinalizersRemaining', false, 'ContentHasNoFinalizers', 'All content-preserving finalizers finished'),
  ];
}

/** `pods.`, `deployments.apps`: the GroupResource string the real messages use. */
function resourceLabel(resource: string): string {
  return resource.includes('.') ? resource : `${resource}.`;
}
