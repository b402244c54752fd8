import type { Pod, Probe } from 'kubernetes-types/core/v1';
import { IMAGES } from './versions';

export interface ControlPlaneSettings {
  nodeIP: string;
  serviceCIDR: string;
  podCIDR: string;
  nodePortRange: string;
}

const httpsProbe = (host: string, path: string, port: number, extra: Partial<Probe>): Probe => ({
  failureThreshold: 8,
  httpGet: { host, path, port, scheme: 'HTTPS' },
  initialDelaySeconds: 10,
  periodSeconds: 10,
  timeoutSeconds: 15,
  ...extra,
});

function staticPod(name: string, component: string, annotations: Record<string, string>, container: NonNullable<Pod['spec']>['containers'][number]): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'kube-system', labels: { component, tier: 'control-plane' }, ...(Object.keys(annotations).length ? { annotations } : {}) },
    spec: {
      containers: [{ imagePullPolicy: 'IfNotPresent', ...container }],
      hostNetwork: true,
      priority: 2000001000,
      priorityClassName: 'system-node-critical',
      securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
    },
  };
}

/** The four manifests kubeadm writes to /etc/kubernetes/manifests on the control-plane node. */
export function controlPlaneStaticPods(s: ControlPlaneSettings): Pod[] {
  const ip = s.nodeIP;
  return [
    staticPod('etcd', 'etcd', { 'kubeadm.kubernetes.io/etcd.advertise-client-urls': `https://${ip}:2379` }, {
      name: 'etcd',
      image: IMAGES.etcd,
      command: ['etcd', `--advertise-client-urls=https://${ip}:2379`, '--cert-file=/etc/kubernetes/pki/etcd/server.crt', '--client-cert-auth=true', '--data-dir=/var/lib/etcd', '--feature-gates=InitialCorruptCheck=true', `--initial-advertise-peer-urls=https://${ip}:2380`, `--initial-cluster=controlplane=https://${ip}:2380`, '--key-file=/etc/kubernetes/pki/etcd/server.key', `--listen-client-urls=https://127.0.0.1:2379,https://${ip}:2379`, '--listen-metrics-urls=http://127.0.0.1:2381', `--listen-peer-urls=https://${ip}:2380`, '--name=controlplane', '--peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt', '--peer-client-cert-auth=true', '--peer-key-file=/etc/kubernetes/pki/etcd/peer.key', '--peer-trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt', '--snapshot-count=10000', '--trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt', '--watch-progress-notify-interval=5s'],
      livenessProbe: { failureThreshold: 8, httpGet: { host: '127.0.0.1', path: '/livez', port: 2381, scheme: 'HTTP' }, initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 15 },
      readinessProbe: { failureThreshold: 3, httpGet: { host: '127.0.0.1', path: '/readyz', port: 2381, scheme: 'HTTP' }, periodSeconds: 1, timeoutSeconds: 15 },
      startupProbe: { failureThreshold: 24, httpGet: { host: '127.0.0.1', path: '/readyz', port: 2381, scheme: 'HTTP' }, initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 15 },
      resources: { requests: { cpu: '100m', memory: '100Mi' } },
    }),
    staticPod('kube-apiserver', 'kube-apiserver', { 'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': `${ip}:6443` }, {
      name: 'kube-apiserver',
      image: IMAGES.apiserver,
      command: ['kube-apiserver', `--advertise-address=${ip}`, '--allow-privileged=true', '--authorization-mode=Node,RBAC', '--client-ca-file=/etc/kubernetes/pki/ca.crt', '--enable-admission-plugins=NodeRestriction', '--enable-bootstrap-token-auth=true', '--etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt', '--etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt', '--etcd-keyfile=/etc/kubernetes/pki/apiserver-etcd-client.key', '--etcd-servers=https://127.0.0.1:2379', '--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt', '--kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key', '--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname', '--proxy-client-cert-file=/etc/kubernetes/pki/front-proxy-client.crt', '--proxy-client-key-file=/etc/kubernetes/pki/front-proxy-client.key', '--requestheader-allowed-names=front-proxy-client', '--requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt', '--requestheader-extra-headers-prefix=X-Remote-Extra-', '--requestheader-group-headers=X-Remote-Group', '--requestheader-username-headers=X-Remote-User', '--secure-port=6443', '--service-account-issuer=https://kubernetes.default.svc.cluster.local', '--service-account-key-file=/etc/kubernetes/pki/sa.pub', '--service-account-signing-key-file=/etc/kubernetes/pki/sa.key', `--service-cluster-ip-range=${s.serviceCIDR}`, ...(s.nodePortRange !== '30000-32767' ? [`--service-node-port-range=${s.nodePortRange}`] : []), '--tls-cert-file=/etc/kubernetes/pki/apiserver.crt', '--tls-private-key-file=/etc/kubernetes/pki/apiserver.key'],
      livenessProbe: httpsProbe(ip, '/livez', 6443, {}),
      readinessProbe: httpsProbe(ip, '/readyz', 6443, { failureThreshold: 3, initialDelaySeconds: undefined, periodSeconds: 1 }),
      startupProbe: httpsProbe(ip, '/livez', 6443, { failureThreshold: 24 }),
      resources: { requests: { cpu: '250m' } },
    }),
    staticPod('kube-controller-manager', 'kube-controller-manager', {}, {
      name: 'kube-controller-manager',
      image: IMAGES.controllerManager,
      command: ['kube-controller-manager', '--allocate-node-cidrs=true', '--authentication-kubeconfig=/etc/kubernetes/controller-manager.conf', '--authorization-kubeconfig=/etc/kubernetes/controller-manager.conf', '--bind-address=127.0.0.1', '--client-ca-file=/etc/kubernetes/pki/ca.crt', `--cluster-cidr=${s.podCIDR}`, '--cluster-name=kubernetes', '--cluster-signing-cert-file=/etc/kubernetes/pki/ca.crt', '--cluster-signing-key-file=/etc/kubernetes/pki/ca.key', '--controllers=*,bootstrapsigner,tokencleaner', '--kubeconfig=/etc/kubernetes/controller-manager.conf', '--leader-elect=true', '--requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt', '--root-ca-file=/etc/kubernetes/pki/ca.crt', '--service-account-private-key-file=/etc/kubernetes/pki/sa.key', `--service-cluster-ip-range=${s.serviceCIDR}`, '--use-service-account-credentials=true'],
      livenessProbe: httpsProbe('127.0.0.1', '/healthz', 10257, {}),
      startupProbe: httpsProbe('127.0.0.1', '/healthz', 10257, { failureThreshold: 24 }),
      resources: { requests: { cpu: '200m' } },
    }),
    staticPod('kube-scheduler', 'kube-scheduler', {}, {
      name: 'kube-scheduler',
      image: IMAGES.scheduler,
      command: ['kube-scheduler', '--authentication-kubeconfig=/etc/kubernetes/scheduler.conf', '--authorization-kubeconfig=/etc/kubernetes/scheduler.conf', '--bind-address=127.0.0.1', '--kubeconfig=/etc/kubernetes/scheduler.conf', '--leader-elect=true'],
      livenessProbe: httpsProbe('127.0.0.1', '/livez', 10259, {}),
      readinessProbe: httpsProbe('127.0.0.1', '/readyz', 10259, { failureThreshold: 3, initialDelaySeconds: undefined, periodSeconds: 1 }),
      startupProbe: httpsProbe('127.0.0.1', '/livez', 10259, { failureThreshold: 24 }),
      resources: { requests: { cpu: '100m' } },
    }),
  ];
}
