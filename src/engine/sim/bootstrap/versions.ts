/** Component images of a kubeadm 1.34 cluster (`kubeadm config images list`). */
export const K8S_VERSION = 'v1.34.1';
export const IMAGES = {
  apiserver: `registry.k8s.io/kube-apiserver:${K8S_VERSION}`,
  controllerManager: `registry.k8s.io/kube-controller-manager:${K8S_VERSION}`,
  scheduler: `registry.k8s.io/kube-scheduler:${K8S_VERSION}`,
  proxy: `registry.k8s.io/kube-proxy:${K8S_VERSION}`,
  coredns: 'registry.k8s.io/coredns/coredns:v1.12.1',
  pause: 'registry.k8s.io/pause:3.10.1',
  etcd: 'registry.k8s.io/etcd:3.6.4-0',
} as const;

/** The 10th address of the service CIDR: kubeadm's default cluster DNS IP. */
export function dnsServiceIP(serviceCIDR: string): string {
  return nthAddress(serviceCIDR, 10);
}

/** The first address of the service CIDR: the `kubernetes` Service. */
export function apiServiceIP(serviceCIDR: string): string {
  return nthAddress(serviceCIDR, 1);
}

function nthAddress(cidr: string, n: number): string {
  const [ip] = cidr.split('/');
  const v = ip!.split('.').reduce((a, o) => a * 256 + Number(o), 0) + n;
  return [24, 16, 8, 0].map((s) => Math.floor(v / 2 ** s) % 256).join('.');
}
