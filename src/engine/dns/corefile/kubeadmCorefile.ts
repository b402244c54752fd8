/**
 * The Corefile kubeadm writes into the `coredns` ConfigMap (cmd/kubeadm/app/phases/addons/dns/
 * manifests.go, REFERENCE §3.1), with the cluster domain filled in. This is what `kubectl -n
 * kube-system get cm coredns -o yaml` shows and what CoreDNS runs unless the learner edits it.
 */
export function kubeadmCorefile(clusterDomain = 'cluster.local'): string {
  return `.:53 {
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes ${clusterDomain} in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus :9153
    forward . /etc/resolv.conf {
       max_concurrent 1000
    }
    cache 30 {
       disable success ${clusterDomain}
       disable denial ${clusterDomain}
    }
    loop
    reload
    loadbalance
}
`;
}
