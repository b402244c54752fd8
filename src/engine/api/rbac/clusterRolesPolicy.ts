/**
 * bootstrappolicy `ClusterRoles()` and `ClusterRoleBindings()` (plugin/pkg/auth/authorizer/rbac/
 * bootstrappolicy/policy.go) as a 1.34 kube-apiserver evaluates them with its default feature
 * gates: DynamicResourceAllocation (GA), MultiCIDRServiceAllocator (GA), KubeletFineGrainedAuthz
 * and KubeletServiceAccountTokenForCredentialProviders (beta, on) are on; ClusterTrustBundle,
 * PodCertificateRequest, DRAExtendedResource, DRADeviceTaintRules, GenericWorkload and the
 * zpages gates are off. Rules name resources this simulator does not serve, as the real ones do.
 * In 1.34 `events` are still granted in the core group only (events.k8s.io joined view, edit and
 * system:node in 1.35, kubernetes/kubernetes#133740).
 */
import type { ClusterRole, ClusterRoleBinding, PolicyRule } from 'kubernetes-types/rbac/v1';
import { clusterBinding, clusterRole, eventsRule, groupSubject, Read, ReadUpdate, ReadWrite, rule, saSubject, urlRule, userSubject, Write } from './policyBuilders';

const core = '';
const apps = 'apps';
const authn = 'authentication.k8s.io';
const authz = 'authorization.k8s.io';
const autoscaling = 'autoscaling';
const batch = 'batch';
const certificates = 'certificates.k8s.io';
const coordination = 'coordination.k8s.io';
const discovery = 'discovery.k8s.io';
const extensions = 'extensions';
const policy = 'policy';
const rbac = 'rbac.authorization.k8s.io';
const resource = 'resource.k8s.io';
const storage = 'storage.k8s.io';
const networking = 'networking.k8s.io';

const AGGREGATE_TO = (role: string) => `rbac.authorization.k8s.io/aggregate-to-${role}`;

function viewRules(): PolicyRule[] {
  return [
    rule(Read, [core], ['pods', 'replicationcontrollers', 'replicationcontrollers/scale', 'serviceaccounts', 'services', 'services/status', 'endpoints', 'persistentvolumeclaims', 'persistentvolumeclaims/status', 'configmaps']),
    rule(Read, [core], ['limitranges', 'resourcequotas', 'bindings', 'events', 'pods/status', 'resourcequotas/status', 'namespaces/status', 'replicationcontrollers/status', 'pods/log']),
    // read access to namespaces at the namespace scope means you can read *this* namespace
    rule(Read, [core], ['namespaces']),
    rule(Read, [discovery], ['endpointslices']),
    rule(Read, [apps], ['controllerrevisions', 'statefulsets', 'statefulsets/status', 'statefulsets/scale', 'daemonsets', 'daemonsets/status', 'deployments', 'deployments/status', 'deployments/scale', 'replicasets', 'replicasets/status', 'replicasets/scale']),
    rule(Read, [autoscaling], ['horizontalpodautoscalers', 'horizontalpodautoscalers/status']),
    rule(Read, [batch], ['jobs', 'cronjobs', 'cronjobs/status', 'jobs/status']),
    rule(Read, [extensions], ['daemonsets', 'daemonsets/status', 'deployments', 'deployments/scale', 'deployments/status', 'ingresses', 'ingresses/status', 'replicasets', 'replicasets/scale', 'replicasets/status', 'replicationcontrollers/scale', 'networkpolicies']),
    rule(Read, [policy], ['poddisruptionbudgets', 'poddisruptionbudgets/status']),
    rule(Read, [networking], ['networkpolicies', 'ingresses', 'ingresses/status']),
    rule(Read, [resource], ['resourceclaims', 'resourceclaims/status', 'resourceclaimtemplates']),
  ];
}

function editRules(): PolicyRule[] {
  return [
    // read on escalating resources
    rule(Read, [core], ['pods/attach', 'pods/proxy', 'pods/exec', 'pods/portforward', 'secrets', 'services/proxy']),
    rule(['impersonate'], [core], ['serviceaccounts']),
    rule(Write, [core], ['pods', 'pods/attach', 'pods/proxy', 'pods/exec', 'pods/portforward']),
    rule(['create'], [core], ['pods/eviction']),
    rule(Write, [core], ['replicationcontrollers', 'replicationcontrollers/scale', 'serviceaccounts', 'services', 'services/proxy', 'persistentvolumeclaims', 'configmaps', 'secrets', 'events']),
    rule(['create'], [core], ['serviceaccounts/token']),
    rule(Write, [apps], ['statefulsets', 'statefulsets/scale', 'daemonsets', 'deployments', 'deployments/scale', 'deployments/rollback', 'replicasets', 'replicasets/scale']),
    rule(Write, [autoscaling], ['horizontalpodautoscalers']),
    rule(Write, [batch], ['jobs', 'cronjobs']),
    rule(Write, [extensions], ['daemonsets', 'deployments', 'deployments/scale', 'deployments/rollback', 'ingresses', 'replicasets', 'replicasets/scale', 'replicationcontrollers/scale', 'networkpolicies']),
    rule(Write, [policy], ['poddisruptionbudgets']),
    rule(Write, [networking], ['networkpolicies', 'ingresses']),
    rule(ReadWrite, [coordination], ['leases']),
    rule(Write, [resource], ['resourceclaims', 'resourceclaimtemplates']),
  ];
}

/** `NodeRules()`: what the system:node role grants (the Node authorizer does the real work). */
function nodeRules(): PolicyRule[] {
  return [
    rule(['create'], [authn], ['tokenreviews']),
    rule(['create'], [authz], ['subjectaccessreviews', 'localsubjectaccessreviews']),
    rule(Read, [core], ['services']),
    rule(['create', 'get', 'list', 'watch'], [core], ['nodes']),
    rule(['update', 'patch'], [core], ['nodes/status']),
    rule(['update', 'patch'], [core], ['nodes']),
    rule(['create', 'update', 'patch'], [core], ['events']),
    rule(Read, [core], ['pods']),
    rule(['create', 'delete'], [core], ['pods']),
    rule(['update', 'patch'], [core], ['pods/status']),
    rule(['create'], [core], ['pods/eviction']),
    rule(['get', 'list', 'watch'], [core], ['secrets', 'configmaps']),
    rule(['get'], [core], ['persistentvolumeclaims', 'persistentvolumes']),
    rule(['get'], [core], ['endpoints']),
    rule(['create', 'get', 'list', 'watch'], [certificates], ['certificatesigningrequests']),
    rule(['get', 'create', 'update', 'patch', 'delete'], [coordination], ['leases']),
    rule(['get'], [storage], ['volumeattachments']),
    rule(['create'], [core], ['serviceaccounts/token']),
    rule(['get', 'update', 'patch'], [core], ['persistentvolumeclaims/status']),
    rule(['get', 'watch', 'list'], [storage], ['csidrivers']),
    rule(['get', 'create', 'update', 'patch', 'delete'], [storage], ['csinodes']),
    rule(['get', 'list', 'watch'], ['node.k8s.io'], ['runtimeclasses']),
    rule(['get'], [resource], ['resourceclaims']),
    rule(['deletecollection'], [resource], ['resourceslices']),
    rule(['get'], [core], ['serviceaccounts']),
  ];
}

const monitoringRules = (): PolicyRule[] => [
  urlRule(['get'], ['/metrics', '/metrics/slis', '/livez', '/readyz', '/healthz', '/livez/*', '/readyz/*', '/healthz/*']),
  rule(['get'], [core], ['nodes/metrics']),
];

const kubeSchedulerRules = (): PolicyRule[] => [
  eventsRule(),
  rule(['create'], [coordination], ['leases']),
  rule(['get', 'update', 'list', 'watch'], [coordination], ['leases'], ['kube-scheduler']),
  rule(ReadWrite, [coordination], ['leasecandidates']),
  rule(Read, [core], ['nodes']),
  rule(['get', 'list', 'watch', 'delete'], [core], ['pods']),
  rule(['create'], [core], ['pods/binding', 'bindings']),
  rule(['patch', 'update'], [core], ['pods/status']),
  rule(Read, [core], ['services', 'replicationcontrollers']),
  rule(Read, [apps, extensions], ['replicasets']),
  rule(Read, [apps], ['statefulsets']),
  rule(Read, [policy], ['poddisruptionbudgets']),
  rule(Read, [core], ['persistentvolumeclaims', 'persistentvolumes']),
  rule(['create'], [authn], ['tokenreviews']),
  rule(['create'], [authz], ['subjectaccessreviews']),
  rule(Read, [storage], ['csinodes']),
  rule(['get', 'list', 'watch'], [storage], ['volumeattachments']),
  rule(Read, [core], ['namespaces']),
  rule(Read, [storage], ['csidrivers']),
  rule(Read, [storage], ['csistoragecapacities']),
  // dynamic resource allocation
  rule(Read, [resource], ['deviceclasses']),
  rule(ReadUpdate, [resource], ['resourceclaims']),
  rule(ReadUpdate, [resource], ['resourceclaims/status']),
  rule(['update'], [core], ['pods/finalizers']),
  rule(Read, [resource], ['resourceslices']),
];

const approver = (signer: string): PolicyRule[] => [rule(['approve'], [certificates], ['signers'], [signer])];

/** The API server's own ClusterRoles, in policy.go's order. */
export function apiServerClusterRoles(): ClusterRole[] {
  return [
    clusterRole('cluster-admin', [rule(['*'], ['*'], ['*']), urlRule(['*'], ['*'])]),
    clusterRole('system:discovery', [urlRule(['get'], ['/livez', '/readyz', '/healthz', '/version', '/version/', '/openapi', '/openapi/*', '/api', '/api/*', '/apis', '/apis/*'])]),
    clusterRole('system:monitoring', monitoringRules()),
    clusterRole('system:basic-user', [rule(['create'], [authz], ['selfsubjectaccessreviews', 'selfsubjectrulesreviews']), rule(['create'], [authn], ['selfsubjectreviews'])]),
    clusterRole('system:public-info-viewer', [urlRule(['get'], ['/livez', '/readyz', '/healthz', '/version', '/version/'])]),
    clusterRole('admin', undefined, { aggregateFrom: AGGREGATE_TO('admin') }),
    clusterRole('edit', undefined, { labels: { [AGGREGATE_TO('admin')]: 'true' }, aggregateFrom: AGGREGATE_TO('edit') }),
    clusterRole('view', undefined, { labels: { [AGGREGATE_TO('edit')]: 'true' }, aggregateFrom: AGGREGATE_TO('view') }),
    clusterRole('system:aggregate-to-admin', [rule(['create'], [authz], ['localsubjectaccessreviews']), rule(ReadWrite, [rbac], ['roles', 'rolebindings'])], { labels: { [AGGREGATE_TO('admin')]: 'true' } }),
    clusterRole('system:aggregate-to-edit', editRules(), { labels: { [AGGREGATE_TO('edit')]: 'true' } }),
    clusterRole('system:aggregate-to-view', viewRules(), { labels: { [AGGREGATE_TO('view')]: 'true' } }),
    clusterRole('system:heapster', [rule(Read, [core], ['events', 'pods', 'nodes', 'namespaces']), rule(Read, [extensions], ['deployments'])]),
    clusterRole('system:node', nodeRules()),
    clusterRole('system:node-problem-detector', [rule(['get'], [core], ['nodes']), rule(['patch'], [core], ['nodes/status']), eventsRule()]),
    clusterRole('system:node-bootstrapper', [rule(['create', 'get', 'list', 'watch'], [certificates], ['certificatesigningrequests'])]),
    clusterRole('system:auth-delegator', [rule(['create'], [authn], ['tokenreviews']), rule(['create'], [authz], ['subjectaccessreviews'])]),
    clusterRole('system:kube-aggregator', [rule(Read, [core], ['services', 'endpoints'])]),
    clusterRole('system:kube-controller-manager', [
      eventsRule(),
      rule(['create'], [coordination], ['leases']),
      rule(['get', 'update'], [coordination], ['leases'], ['kube-controller-manager']),
      rule(['create'], [core], ['secrets', 'serviceaccounts']),
      rule(['delete'], [core], ['secrets']),
      rule(['get'], [core], ['namespaces', 'secrets', 'serviceaccounts', 'configmaps']),
      rule(['update'], [core], ['secrets', 'serviceaccounts']),
      rule(['create'], [authn], ['tokenreviews']),
      rule(['create'], [authz], ['subjectaccessreviews']),
      rule(['list', 'watch'], ['*'], ['*']),
      rule(['create'], [core], ['serviceaccounts/token']),
    ]),
    clusterRole('system:kube-dns', [rule(['list', 'watch'], [core], ['endpoints', 'services'])]),
    clusterRole('system:persistent-volume-provisioner', [
      rule(['get', 'list', 'watch', 'create', 'delete'], [core], ['persistentvolumes']),
      rule(['get', 'list', 'watch', 'update'], [core], ['persistentvolumeclaims']),
      rule(Read, [storage], ['storageclasses']),
      rule(['watch'], [core], ['events']),
      eventsRule(),
    ]),
    clusterRole('system:certificates.k8s.io:certificatesigningrequests:nodeclient', [rule(['create'], [certificates], ['certificatesigningrequests/nodeclient'])]),
    clusterRole('system:certificates.k8s.io:certificatesigningrequests:selfnodeclient', [rule(['create'], [certificates], ['certificatesigningrequests/selfnodeclient'])]),
    clusterRole('system:volume-scheduler', [rule(ReadUpdate, [core], ['persistentvolumes']), rule(Read, [storage], ['storageclasses']), rule(ReadUpdate, [core], ['persistentvolumeclaims'])]),
    clusterRole('system:certificates.k8s.io:legacy-unknown-approver', approver('kubernetes.io/legacy-unknown')),
    clusterRole('system:certificates.k8s.io:kubelet-serving-approver', approver('kubernetes.io/kubelet-serving')),
    clusterRole('system:certificates.k8s.io:kube-apiserver-client-approver', approver('kubernetes.io/kube-apiserver-client')),
    clusterRole('system:certificates.k8s.io:kube-apiserver-client-kubelet-approver', approver('kubernetes.io/kube-apiserver-client-kubelet')),
    clusterRole('system:service-account-issuer-discovery', [urlRule(['get'], ['/.well-known/openid-configuration', '/.well-known/openid-configuration/', '/openid/v1/jwks', '/openid/v1/jwks/'])]),
    clusterRole('system:kubelet-api-admin', [
      rule(['get', 'list', 'watch'], [core], ['nodes']),
      rule(['proxy'], [core], ['nodes']),
      rule(['*'], [core], ['nodes/proxy', 'nodes/metrics', 'nodes/stats', 'nodes/log']),
      rule(['*'], [core], ['nodes/pods', 'nodes/healthz', 'nodes/configz']),
    ]),
    clusterRole('system:node-proxier', [
      rule(['list', 'watch'], [core], ['services', 'endpoints']),
      rule(['get', 'list', 'watch'], [core], ['nodes']),
      eventsRule(),
      rule(['list', 'watch'], [networking], ['servicecidrs']),
      rule(['list', 'watch'], [discovery], ['endpointslices']),
    ]),
    clusterRole('system:kube-scheduler', kubeSchedulerRules()),
  ];
}

/** The API server's own ClusterRoleBindings, in policy.go's order. */
export function apiServerClusterRoleBindings(): ClusterRoleBinding[] {
  return [
    clusterBinding('cluster-admin', [groupSubject('system:masters')]),
    clusterBinding('system:monitoring', [groupSubject('system:monitoring')]),
    clusterBinding('system:discovery', [groupSubject('system:authenticated')]),
    clusterBinding('system:basic-user', [groupSubject('system:authenticated')]),
    clusterBinding('system:public-info-viewer', [groupSubject('system:authenticated'), groupSubject('system:unauthenticated')]),
    clusterBinding('system:node-proxier', [userSubject('system:kube-proxy')]),
    clusterBinding('system:kube-controller-manager', [userSubject('system:kube-controller-manager')]),
    clusterBinding('system:kube-dns', [saSubject('kube-system', 'kube-dns')]),
    clusterBinding('system:kube-scheduler', [userSubject('system:kube-scheduler')]),
    clusterBinding('system:volume-scheduler', [userSubject('system:kube-scheduler')]),
    // deprecated since the Node authorizer (1.7): kept, without subjects
    clusterBinding('system:node', undefined),
    clusterBinding('system:service-account-issuer-discovery', [groupSubject('system:serviceaccounts')]),
  ];
}
