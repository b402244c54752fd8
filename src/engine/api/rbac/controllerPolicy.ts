/**
 * bootstrappolicy `buildControllerRoles()` (controller_policy.go): one `system:controller:<name>`
 * ClusterRole per kube-controller-manager controller, each bound to the `<name>` service account
 * in kube-system. The API server creates all of them whichever controllers actually run. 1.34
 * default feature gates: resource-claim-controller (DRA), service-cidrs-controller,
 * volumeattributesclass-protection-controller and selinux-warning-controller are created;
 * device-taint-eviction, podcertificaterequestcleaner, the cluster-trust-bundle publisher and
 * the storage-version controllers are not.
 */
import type { ClusterRole, ClusterRoleBinding, PolicyRule } from 'kubernetes-types/rbac/v1';
import { clusterBinding, clusterRole, eventsRule, rule, saSubject } from './policyBuilders';

const core = '';
const apps = 'apps';
const batch = 'batch';
const extensions = 'extensions';
const policy = 'policy';
const storage = 'storage.k8s.io';
const discovery = 'discovery.k8s.io';
const resource = 'resource.k8s.io';
const networking = 'networking.k8s.io';
const certificates = 'certificates.k8s.io';
const GRW = ['get', 'list', 'watch'];

/** Controller name → its rules, in controller_policy.go's order. */
const CONTROLLERS: [string, PolicyRule[]][] = [
  ['attachdetach-controller', [
    rule(['list', 'watch'], [core], ['persistentvolumes', 'persistentvolumeclaims']),
    rule(GRW, [core], ['nodes']),
    rule(['patch', 'update'], [core], ['nodes/status']),
    rule(['list', 'watch'], [core], ['pods']),
    eventsRule(),
    rule(['get', 'create', 'delete', 'list', 'watch'], [storage], ['volumeattachments']),
    rule(['get', 'watch', 'list'], [storage], ['csidrivers']),
    rule(['get', 'watch', 'list'], [storage], ['csinodes']),
  ]],
  // must have full permissions on clusterroles to mutate them in any way
  ['clusterrole-aggregation-controller', [rule(['escalate', 'get', 'list', 'watch', 'update', 'patch'], ['rbac.authorization.k8s.io'], ['clusterroles'])]],
  ['cronjob-controller', [
    rule(['get', 'list', 'watch', 'update'], [batch], ['cronjobs']),
    rule(['get', 'list', 'watch', 'create', 'update', 'delete', 'patch'], [batch], ['jobs']),
    rule(['update'], [batch], ['cronjobs/status']),
    rule(['update'], [batch], ['cronjobs/finalizers']),
    rule(['list', 'watch', 'delete'], [core], ['pods']),
    eventsRule(),
  ]],
  ['daemon-set-controller', [
    rule(GRW, [extensions, apps], ['daemonsets']),
    rule(['update'], [extensions, apps], ['daemonsets/status']),
    rule(['update'], [extensions, apps], ['daemonsets/finalizers']),
    rule(['list', 'watch'], [core], ['nodes']),
    rule(['list', 'watch', 'create', 'delete', 'patch'], [core], ['pods']),
    rule(['create'], [core], ['pods/binding']),
    rule(['get', 'list', 'watch', 'create', 'delete', 'update', 'patch'], [apps], ['controllerrevisions']),
    eventsRule(),
  ]],
  ['deployment-controller', [
    rule(['get', 'list', 'watch', 'update'], [extensions, apps], ['deployments']),
    rule(['update'], [extensions, apps], ['deployments/status']),
    rule(['update'], [extensions, apps], ['deployments/finalizers']),
    rule(['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'], [apps, extensions], ['replicasets']),
    rule(['get', 'list', 'watch', 'update'], [core], ['pods']),
    eventsRule(),
  ]],
  ['disruption-controller', [
    rule(GRW, [extensions, apps], ['deployments']),
    rule(GRW, [apps, extensions], ['replicasets']),
    rule(GRW, [core], ['replicationcontrollers']),
    rule(GRW, [policy], ['poddisruptionbudgets']),
    rule(GRW, [apps], ['statefulsets']),
    rule(['update'], [policy], ['poddisruptionbudgets/status']),
    rule(['patch', 'update'], [core], ['pods/status']),
    rule(['get'], ['*'], ['*/scale']),
    eventsRule(),
  ]],
  ['endpoint-controller', [
    rule(GRW, [core], ['services', 'pods']),
    rule(['get', 'list', 'watch', 'create', 'update', 'delete'], [core], ['endpoints']),
    rule(['create'], [core], ['endpoints/restricted']),
    eventsRule(),
  ]],
  ['endpointslice-controller', [
    rule(GRW, [core], ['services', 'pods', 'nodes']),
    rule(['update'], [core], ['services/finalizers']),
    rule(['get', 'list', 'watch', 'create', 'update', 'delete'], [discovery], ['endpointslices']),
    eventsRule(),
  ]],
  ['endpointslicemirroring-controller', [
    rule(GRW, [core], ['services', 'endpoints']),
    rule(['update'], [core], ['services/finalizers']),
    rule(['update'], [core], ['endpoints/finalizers']),
    rule(['get', 'list', 'watch', 'create', 'update', 'delete'], [discovery], ['endpointslices']),
    eventsRule(),
  ]],
  ['expand-controller', [
    rule(['get', 'list', 'watch', 'update', 'patch'], [core], ['persistentvolumes']),
    rule(['update', 'patch'], [core], ['persistentvolumeclaims/status']),
    rule(GRW, [core], ['persistentvolumeclaims']),
    eventsRule(),
  ]],
  ['ephemeral-volume-controller', [
    rule(GRW, [core], ['pods']),
    rule(['update'], [core], ['pods/finalizers']),
    rule(['get', 'list', 'watch', 'create'], [core], ['persistentvolumeclaims']),
    eventsRule(),
  ]],
  ['resource-claim-controller', [
    rule(GRW, [core], ['pods']),
    rule(['update'], [core], ['pods/finalizers']),
    rule(['get', 'list', 'watch', 'create', 'delete'], [resource], ['resourceclaims']),
    rule(['update', 'patch'], [resource], ['resourceclaims', 'resourceclaims/status']),
    rule(['update', 'patch'], [core], ['pods/status']),
    eventsRule(),
  ]],
  // list/watches, selective gets and updates against any resource
  ['generic-garbage-collector', [rule(['get', 'list', 'watch', 'patch', 'update', 'delete'], ['*'], ['*']), eventsRule()]],
  ['horizontal-pod-autoscaler', [
    rule(GRW, ['autoscaling'], ['horizontalpodautoscalers']),
    rule(['update'], ['autoscaling'], ['horizontalpodautoscalers/status']),
    rule(['get', 'update'], ['*'], ['*/scale']),
    rule(['list', 'watch'], [core], ['pods']),
    rule(['list', 'watch'], ['metrics.k8s.io'], ['pods']),
    rule(GRW, ['custom.metrics.k8s.io'], ['*']),
    rule(GRW, ['external.metrics.k8s.io'], ['*']),
    eventsRule(),
  ]],
  ['job-controller', [
    rule(['get', 'list', 'watch', 'update', 'patch'], [batch], ['jobs']),
    rule(['update'], [batch], ['jobs/status']),
    rule(['update'], [batch], ['jobs/finalizers']),
    rule(['list', 'watch', 'create', 'delete', 'patch'], [core], ['pods']),
    eventsRule(),
  ]],
  ['namespace-controller', [
    rule(['get', 'list', 'watch', 'delete'], [core], ['namespaces']),
    rule(['update'], [core], ['namespaces/finalize', 'namespaces/status']),
    rule(['get', 'list', 'watch', 'delete', 'deletecollection'], ['*'], ['*']),
  ]],
  ['node-controller', [
    rule(['get', 'list', 'watch', 'update', 'delete', 'patch'], [core], ['nodes']),
    rule(['patch', 'update'], [core], ['nodes/status']),
    rule(['patch', 'update'], [core], ['pods/status']),
    rule(['list', 'watch', 'get', 'delete'], [core], ['pods']),
    eventsRule(),
  ]],
  ['persistent-volume-binder', [
    rule(['get', 'list', 'watch', 'update', 'create', 'delete'], [core], ['persistentvolumes']),
    rule(['update'], [core], ['persistentvolumes/status']),
    rule(['get', 'list', 'watch', 'update'], [core], ['persistentvolumeclaims']),
    rule(['update'], [core], ['persistentvolumeclaims/status']),
    rule(['list', 'watch', 'get', 'create', 'delete'], [core], ['pods']),
    rule(GRW, [storage], ['storageclasses']),
    rule(['list', 'watch'], [core], ['nodes']),
    eventsRule(),
    // recyclerClient.WatchPod
    rule(['watch'], [core], ['events']),
  ]],
  ['pod-garbage-collector', [rule(['list', 'watch', 'delete'], [core], ['pods']), rule(GRW, [core], ['nodes']), rule(['patch'], [core], ['pods/status'])]],
  ['replicaset-controller', [
    rule(['get', 'list', 'watch', 'update'], [apps, extensions], ['replicasets']),
    rule(['update'], [apps, extensions], ['replicasets/status']),
    rule(['update'], [apps, extensions], ['replicasets/finalizers']),
    rule(['list', 'watch', 'patch', 'create', 'delete'], [core], ['pods']),
    eventsRule(),
  ]],
  ['replication-controller', [
    rule(['get', 'list', 'watch', 'update'], [core], ['replicationcontrollers']),
    rule(['update'], [core], ['replicationcontrollers/status']),
    rule(['update'], [core], ['replicationcontrollers/finalizers']),
    rule(['list', 'watch', 'patch', 'create', 'delete'], [core], ['pods']),
    eventsRule(),
  ]],
  // quota can count quota on anything for reconciliation, so it needs full viewing powers
  ['resourcequota-controller', [rule(['list', 'watch'], ['*'], ['*']), rule(['update'], [core], ['resourcequotas/status']), eventsRule()]],
  ['route-controller', [rule(['list', 'watch'], [core], ['nodes']), rule(['patch'], [core], ['nodes/status']), eventsRule()]],
  ['service-account-controller', [rule(['create'], [core], ['serviceaccounts']), eventsRule()]],
  ['service-controller', [rule(GRW, [core], ['services']), rule(['patch', 'update'], [core], ['services/status']), rule(['list', 'watch'], [core], ['nodes']), eventsRule()]],
  ['service-cidrs-controller', [
    rule(['get', 'list', 'watch', 'patch', 'update'], [networking], ['servicecidrs']),
    rule(['patch', 'update'], [networking], ['servicecidrs/finalizers']),
    rule(['patch', 'update'], [networking], ['servicecidrs/status']),
    rule(GRW, [networking], ['ipaddresses']),
    eventsRule(),
  ]],
  ['statefulset-controller', [
    rule(['list', 'watch'], [core], ['pods']),
    rule(GRW, [apps], ['statefulsets']),
    rule(['update'], [apps], ['statefulsets/status']),
    rule(['update'], [apps], ['statefulsets/finalizers']),
    rule(['get', 'create', 'delete', 'update', 'patch'], [core], ['pods']),
    rule(['get', 'create', 'delete', 'update', 'patch', 'list', 'watch'], [apps], ['controllerrevisions']),
    rule(['get', 'create', 'list', 'watch'], [core], ['persistentvolumeclaims']),
    rule(['update', 'delete'], [core], ['persistentvolumeclaims']),
    rule(['update'], [core], ['pods/finalizers']),
    eventsRule(),
  ]],
  ['ttl-controller', [rule(['update', 'patch', 'list', 'watch'], [core], ['nodes']), eventsRule()]],
  ['certificate-controller', [
    rule(['get', 'list', 'watch', 'delete'], [certificates], ['certificatesigningrequests']),
    rule(['update'], [certificates], ['certificatesigningrequests/status', 'certificatesigningrequests/approval']),
    rule(['approve'], [certificates], ['signers'], ['kubernetes.io/kube-apiserver-client-kubelet']),
    rule(['sign'], [certificates], ['signers'], ['kubernetes.io/legacy-unknown', 'kubernetes.io/kube-apiserver-client', 'kubernetes.io/kube-apiserver-client-kubelet', 'kubernetes.io/kubelet-serving']),
    rule(['create'], ['authorization.k8s.io'], ['subjectaccessreviews']),
    eventsRule(),
  ]],
  ['pvc-protection-controller', [rule(['get', 'list', 'watch', 'update'], [core], ['persistentvolumeclaims']), rule(['list', 'watch', 'get'], [core], ['pods']), eventsRule()]],
  ['pv-protection-controller', [rule(['get', 'list', 'watch', 'update'], [core], ['persistentvolumes']), eventsRule()]],
  ['volumeattributesclass-protection-controller', [
    rule(['list', 'watch', 'get'], [core], ['persistentvolumeclaims']),
    rule(['list', 'watch', 'get'], [core], ['persistentvolumes']),
    rule(['get', 'list', 'watch', 'update'], [storage], ['volumeattributesclasses']),
    eventsRule(),
  ]],
  ['ttl-after-finished-controller', [rule(['get', 'list', 'watch', 'delete'], [batch], ['jobs']), eventsRule()]],
  ['root-ca-cert-publisher', [rule(['create', 'update'], [core], ['configmaps']), eventsRule()]],
  ['validatingadmissionpolicy-status-controller', [
    rule(GRW, ['admissionregistration.k8s.io'], ['validatingadmissionpolicies']),
    rule(['get', 'patch', 'update'], ['admissionregistration.k8s.io'], ['validatingadmissionpolicies/status']),
    eventsRule(),
  ]],
  ['legacy-service-account-token-cleaner', [rule(['get'], [core], ['configmaps'], ['kube-apiserver-legacy-service-account-token-tracking']), rule(['patch', 'delete'], [core], ['secrets'])]],
  ['selinux-warning-controller', [
    eventsRule(),
    rule(GRW, [core], ['persistentvolumes']),
    rule(GRW, [core], ['persistentvolumeclaims']),
    rule(GRW, [core], ['pods']),
    rule(GRW, [storage], ['csidrivers']),
  ]],
];

const PREFIX = 'system:controller:';

export function controllerClusterRoles(): ClusterRole[] {
  return CONTROLLERS.map(([name, rules]) => clusterRole(PREFIX + name, rules));
}

export function controllerClusterRoleBindings(): ClusterRoleBinding[] {
  return CONTROLLERS.map(([name]) => clusterBinding(PREFIX + name, [saSubject('kube-system', name)]));
}
