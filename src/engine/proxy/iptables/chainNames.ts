/** Names of the chains kube-proxy and kubelet own (pkg/proxy/iptables/proxier.go constants). */
export const KUBE_SERVICES = 'KUBE-SERVICES';
export const KUBE_EXTERNAL_SERVICES = 'KUBE-EXTERNAL-SERVICES';
export const KUBE_NODEPORTS = 'KUBE-NODEPORTS';
export const KUBE_POSTROUTING = 'KUBE-POSTROUTING';
export const KUBE_MARK_MASQ = 'KUBE-MARK-MASQ';
export const KUBE_FORWARD = 'KUBE-FORWARD';
export const KUBE_PROXY_FIREWALL = 'KUBE-PROXY-FIREWALL';
export const KUBE_PROXY_CANARY = 'KUBE-PROXY-CANARY';
export const KUBELET_FIREWALL = 'KUBE-FIREWALL';
export const KUBELET_CANARY = 'KUBE-KUBELET-CANARY';
export const KUBE_IPTABLES_HINT = 'KUBE-IPTABLES-HINT';

/** Above this many endpoints kube-proxy drops per-endpoint comments ("large cluster mode"). */
export const LARGE_CLUSTER_ENDPOINTS_THRESHOLD = 1000;
