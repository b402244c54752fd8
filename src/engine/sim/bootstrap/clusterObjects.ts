import type { KubeObject } from '../../api/types';
import { kubeadmCorefile } from '../../dns/corefile/kubeadmCorefile';
import { apiServiceIP, dnsServiceIP, IMAGES } from './versions';

export interface ClusterSettings {
  serviceCIDR: string;
  podCIDR: string;
  clusterDomain: string;
  apiServerIP: string;
}

/** One object to create, with the resource key the ApiClient wants. */
export interface BootstrapItem {
  resource: string;
  namespace?: string;
  object: KubeObject;
}

const ns = (name: string): BootstrapItem => ({ resource: 'namespaces', object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { 'kubernetes.io/metadata.name': name } } } });

/** A placeholder CA bundle (the simulation does no TLS; the shape matches the real ConfigMap). */
const CA_CRT = '-----BEGIN CERTIFICATE-----\nMIIDBTCCAe2gAwIBAgIIa3ViZWxhYjAwDQYJKoZIhvcNAQELBQAwFTETMBEGA1UE\nAxMKa3ViZXJuZXRlczAeFw0yNjAxMTAwOTAwMDBaFw0zNjAxMDgwOTAwMDBaMBUx\nEzARBgNVBAMTCmt1YmVybmV0ZXMwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEK\n-----END CERTIFICATE-----\n';

const NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

/**
 * Service accounts kube-controller-manager creates in kube-system for its controllers
 * (`--use-service-account-credentials=true`, as kubeadm runs it).
 */
const CONTROLLER_SERVICE_ACCOUNTS = [
  'attachdetach-controller',
  'bootstrap-signer',
  'certificate-controller',
  'clusterrole-aggregation-controller',
  'cronjob-controller',
  'daemon-set-controller',
  'deployment-controller',
  'disruption-controller',
  'endpoint-controller',
  'endpointslice-controller',
  'endpointslicemirroring-controller',
  'ephemeral-volume-controller',
  'expand-controller',
  'generic-garbage-collector',
  'horizontal-pod-autoscaler',
  'job-controller',
  'namespace-controller',
  'node-controller',
  'persistent-volume-binder',
  'pod-garbage-collector',
  'pv-protection-controller',
  'pvc-protection-controller',
  'replicaset-controller',
  'replication-controller',
  'resourcequota-controller',
  'root-ca-cert-publisher',
  'service-account-controller',
  'service-controller',
  'statefulset-controller',
  'token-cleaner',
  'ttl-after-finished-controller',
  'ttl-controller',
];

/**
 * What the API server and kubeadm create before anyone logs in: namespaces, the `kubernetes`
 * Service with its Endpoints and EndpointSlice, service accounts, the root CA ConfigMaps, and
 * kubeadm's addons (CoreDNS: Corefile ConfigMap, kube-dns Service, Deployment; kube-proxy:
 * ConfigMap, DaemonSet).
 */
export function clusterObjects(s: ClusterSettings): BootstrapItem[] {
  const items: BootstrapItem[] = NAMESPACES.map(ns);
  for (const n of NAMESPACES) {
    items.push({ resource: 'serviceaccounts', namespace: n, object: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: n } } });
    items.push({ resource: 'configmaps', namespace: n, object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kube-root-ca.crt', namespace: n, annotations: { 'kubernetes.io/description': 'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.' } }, data: { 'ca.crt': CA_CRT } } });
  }
  items.push(...apiServerObjects(s), ...corednsObjects(s), ...kubeProxyObjects(s));
  for (const sa of [...CONTROLLER_SERVICE_ACCOUNTS, 'coredns', 'kube-proxy']) items.push({ resource: 'serviceaccounts', namespace: 'kube-system', object: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: sa, namespace: 'kube-system' } } });
  items.push({
    resource: 'configmaps',
    namespace: 'kube-public',
    object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cluster-info', namespace: 'kube-public' }, data: { kubeconfig: `apiVersion: v1\nclusters:\n- cluster:\n    certificate-authority-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCg==\n    server: https://${s.apiServerIP}:6443\n  name: ""\ncontexts: null\ncurrent-context: ""\nkind: Config\npreferences: {}\nusers: null\n` } },
  });
  items.push({
    resource: 'configmaps',
    namespace: 'kube-system',
    object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kubelet-config', namespace: 'kube-system' }, data: { kubelet: kubeletConfiguration(s) } },
  });
  items.push({
    resource: 'configmaps',
    namespace: 'kube-system',
    object: {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'kubeadm-config', namespace: 'kube-system' },
      data: { ClusterConfiguration: `apiServer: {}\napiVersion: kubeadm.k8s.io/v1beta4\ncaCertificateValidityPeriod: 87600h0m0s\ncertificateValidityPeriod: 8760h0m0s\ncertificatesDir: /etc/kubernetes/pki\nclusterName: kubernetes\ncontrollerManager: {}\ndns: {}\nencryptionAlgorithm: RSA-2048\netcd:\n  local:\n    dataDir: /var/lib/etcd\nimageRepository: registry.k8s.io\nkind: ClusterConfiguration\nkubernetesVersion: v1.34.1\nnetworking:\n  dnsDomain: ${s.clusterDomain}\n  podSubnet: ${s.podCIDR}\n  serviceSubnet: ${s.serviceCIDR}\nproxy: {}\nscheduler: {}\n` },
    },
  });
  return items;
}

/** The `kubernetes` Service, Endpoints and EndpointSlice the API server maintains itself. */
function apiServerObjects(s: ClusterSettings): BootstrapItem[] {
  const labels = { component: 'apiserver', provider: 'kubernetes' };
  return [
    {
      resource: 'services',
      namespace: 'default',
      object: { apiVersion: 'v1', kind: 'Service', metadata: { name: 'kubernetes', namespace: 'default', labels }, spec: { clusterIP: apiServiceIP(s.serviceCIDR), ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }], sessionAffinity: 'None', type: 'ClusterIP' } },
    },
    {
      resource: 'endpoints',
      namespace: 'default',
      object: { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } }, subsets: [{ addresses: [{ ip: s.apiServerIP }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }] },
    },
    {
      resource: 'endpointslices.discovery.k8s.io',
      namespace: 'default',
      object: {
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
        addressType: 'IPv4',
        endpoints: [{ addresses: [s.apiServerIP], conditions: { ready: true } }],
        ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
      },
    },
  ];
}

function corednsObjects(s: ClusterSettings): BootstrapItem[] {
  const sel = { 'k8s-app': 'kube-dns' };
  return [
    { resource: 'configmaps', namespace: 'kube-system', object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'coredns', namespace: 'kube-system' }, data: { Corefile: kubeadmCorefile(s.clusterDomain) } } },
    {
      resource: 'services',
      namespace: 'kube-system',
      object: {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'kube-dns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' }, annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' } },
        spec: {
          clusterIP: dnsServiceIP(s.serviceCIDR),
          ports: [
            { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
            { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
            { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
          ],
          selector: sel,
        },
      },
    },
    {
      resource: 'deployments.apps',
      namespace: 'kube-system',
      object: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'coredns', namespace: 'kube-system', labels: sel },
        spec: {
          replicas: 2,
          selector: { matchLabels: sel },
          strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } },
          template: {
            metadata: { labels: sel },
            spec: {
              affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ podAffinityTerm: { labelSelector: { matchExpressions: [{ key: 'k8s-app', operator: 'In', values: ['kube-dns'] }] }, topologyKey: 'kubernetes.io/hostname' }, weight: 100 }] } },
              containers: [
                {
                  args: ['-conf', '/etc/coredns/Corefile'],
                  image: IMAGES.coredns,
                  imagePullPolicy: 'IfNotPresent',
                  livenessProbe: { failureThreshold: 5, httpGet: { path: '/health', port: 8080, scheme: 'HTTP' }, initialDelaySeconds: 60, periodSeconds: 10, successThreshold: 1, timeoutSeconds: 5 },
                  name: 'coredns',
                  ports: [
                    { containerPort: 53, name: 'dns', protocol: 'UDP' },
                    { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
                    { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
                    { containerPort: 8080, name: 'liveness-probe', protocol: 'TCP' },
                    { containerPort: 8181, name: 'readiness-probe', protocol: 'TCP' },
                  ],
                  readinessProbe: { failureThreshold: 3, httpGet: { path: '/ready', port: 8181, scheme: 'HTTP' }, periodSeconds: 10, successThreshold: 1, timeoutSeconds: 1 },
                  resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
                  securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] }, readOnlyRootFilesystem: true },
                  volumeMounts: [{ mountPath: '/etc/coredns', name: 'config-volume', readOnly: true }],
                },
              ],
              dnsPolicy: 'Default',
              nodeSelector: { 'kubernetes.io/os': 'linux' },
              priorityClassName: 'system-cluster-critical',
              serviceAccountName: 'coredns',
              tolerations: [{ key: 'CriticalAddonsOnly', operator: 'Exists' }, { effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' }],
              volumes: [{ configMap: { items: [{ key: 'Corefile', path: 'Corefile' }], name: 'coredns' }, name: 'config-volume' }],
            },
          },
        },
      },
    },
  ];
}

/** kube-proxy's ConfigMap (KubeProxyConfiguration as kubeadm renders it) and DaemonSet. */
function kubeProxyObjects(s: ClusterSettings): BootstrapItem[] {
  const config = `apiVersion: kubeproxy.config.k8s.io/v1alpha1\nbindAddress: 0.0.0.0\nbindAddressHardFail: false\nclientConnection:\n  acceptContentTypes: ""\n  burst: 0\n  contentType: ""\n  kubeconfig: /var/lib/kube-proxy/kubeconfig.conf\n  qps: 0\nclusterCIDR: ${s.podCIDR}\nconfigSyncPeriod: 0s\nconntrack:\n  maxPerCore: null\n  min: null\n  tcpBeLiberal: false\n  tcpCloseWaitTimeout: null\n  tcpEstablishedTimeout: null\n  udpStreamTimeout: 0s\n  udpTimeout: 0s\ndetectLocal:\n  bridgeInterface: ""\n  interfaceNamePrefix: ""\ndetectLocalMode: ""\nenableProfiling: false\nhealthzBindAddress: ""\nhostnameOverride: ""\niptables:\n  localhostNodePorts: null\n  masqueradeAll: false\n  masqueradeBit: null\n  minSyncPeriod: 0s\n  syncPeriod: 0s\nipvs:\n  excludeCIDRs: null\n  minSyncPeriod: 0s\n  scheduler: ""\n  strictARP: false\n  syncPeriod: 0s\n  tcpFinTimeout: 0s\n  tcpTimeout: 0s\n  udpTimeout: 0s\nkind: KubeProxyConfiguration\nlogging:\n  flushFrequency: 0\n  options:\n    json:\n      infoBufferSize: "0"\n    text:\n      infoBufferSize: "0"\n  verbosity: 0\nmetricsBindAddress: ""\nmode: ""\nnftables:\n  masqueradeAll: false\n  masqueradeBit: null\n  minSyncPeriod: 0s\n  syncPeriod: 0s\nnodePortAddresses: null\noomScoreAdj: null\nportRange: ""\nshowHiddenMetricsForVersion: ""\nwinkernel:\n  enableDSR: false\n  forwardHealthCheckVip: false\n  networkName: ""\n  rootHnsEndpointName: ""\n  sourceVip: ""`;
  const kubeconfig = `apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    certificate-authority: /var/run/secrets/kubernetes.io/serviceaccount/ca.crt\n    server: https://${s.apiServerIP}:6443\n  name: default\ncontexts:\n- context:\n    cluster: default\n    namespace: default\n    user: default\n  name: default\ncurrent-context: default\nusers:\n- name: default\n  user:\n    tokenFile: /var/run/secrets/kubernetes.io/serviceaccount/token`;
  return [
    { resource: 'configmaps', namespace: 'kube-system', object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kube-proxy', namespace: 'kube-system', labels: { app: 'kube-proxy' } }, data: { 'config.conf': config, 'kubeconfig.conf': kubeconfig } } },
    { resource: 'daemonsets.apps', namespace: 'kube-system', object: kubeProxyDaemonSet() },
  ];
}

/** kube-proxy's pod template: host network, privileged, tolerates every taint. */
function kubeProxyPodSpec(): Record<string, unknown> {
  return {
    containers: [
      {
        command: ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf', '--hostname-override=$(NODE_NAME)'],
        env: [{ name: 'NODE_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } }],
        image: IMAGES.proxy,
        imagePullPolicy: 'IfNotPresent',
        name: 'kube-proxy',
        securityContext: { privileged: true },
        volumeMounts: [
          { mountPath: '/var/lib/kube-proxy', name: 'kube-proxy' },
          { mountPath: '/run/xtables.lock', name: 'xtables-lock' },
          { mountPath: '/lib/modules', name: 'lib-modules', readOnly: true },
        ],
      },
    ],
    hostNetwork: true,
    nodeSelector: { 'kubernetes.io/os': 'linux' },
    priorityClassName: 'system-node-critical',
    serviceAccountName: 'kube-proxy',
    tolerations: [{ operator: 'Exists' }],
    volumes: [
      { configMap: { name: 'kube-proxy' }, name: 'kube-proxy' },
      { hostPath: { path: '/run/xtables.lock', type: 'FileOrCreate' }, name: 'xtables-lock' },
      { hostPath: { path: '/lib/modules' }, name: 'lib-modules' },
    ],
  };
}

function kubeProxyDaemonSet(): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'kube-proxy', namespace: 'kube-system', labels: { 'k8s-app': 'kube-proxy' } },
    spec: { selector: { matchLabels: { 'k8s-app': 'kube-proxy' } }, template: { metadata: { labels: { 'k8s-app': 'kube-proxy' } }, spec: kubeProxyPodSpec() }, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } } },
  };
}

/** The KubeletConfiguration kubeadm stores for every node (clusterDNS is the kube-dns ClusterIP). */
function kubeletConfiguration(s: ClusterSettings): string {
  return `apiVersion: kubelet.config.k8s.io/v1beta1
authentication:
  anonymous:
    enabled: false
  webhook:
    cacheTTL: 0s
    enabled: true
  x509:
    clientCAFile: /etc/kubernetes/pki/ca.crt
authorization:
  mode: Webhook
  webhook:
    cacheAuthorizedTTL: 0s
    cacheUnauthorizedTTL: 0s
cgroupDriver: systemd
clusterDNS:
- ${dnsServiceIP(s.serviceCIDR)}
clusterDomain: ${s.clusterDomain}
containerRuntimeEndpoint: ""
cpuManagerReconcilePeriod: 0s
crashLoopBackOff: {}
evictionPressureTransitionPeriod: 0s
fileCheckFrequency: 0s
healthzBindAddress: 127.0.0.1
healthzPort: 10248
httpCheckFrequency: 0s
imageMaximumGCAge: 0s
imageMinimumGCAge: 0s
kind: KubeletConfiguration
logging:
  flushFrequency: 0
  options:
    json:
      infoBufferSize: "0"
    text:
      infoBufferSize: "0"
  verbosity: 0
memorySwap: {}
nodeStatusReportFrequency: 0s
nodeStatusUpdateFrequency: 0s
resolvConf: /run/systemd/resolve/resolv.conf
rotateCertificates: true
runtimeRequestTimeout: 0s
shutdownGracePeriod: 0s
shutdownGracePeriodCriticalPods: 0s
staticPodPath: /etc/kubernetes/manifests
streamingConnectionIdleTimeout: 0s
syncFrequency: 0s
volumeStatsAggPeriod: 0s
`;
}
