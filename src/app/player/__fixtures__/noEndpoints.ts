// kubelab trace --json output (seed kubelab), kept verbatim.
export default {
  "trace": {
    "request": {
      "protocol": "tcp",
      "from": "default/client",
      "dst": "10.98.129.105",
      "dport": 80
    },
    "hops": [
      {
        "step": 0,
        "where": {
          "machine": "default/client",
          "kind": "pod"
        },
        "before": {
          "protocol": "tcp",
          "src": "10.244.2.4",
          "sport": 59995,
          "dport": 80,
          "dst": "10.98.129.105"
        },
        "after": {
          "protocol": "tcp",
          "src": "10.244.2.4",
          "sport": 59995,
          "dport": 80,
          "dst": "10.98.129.105"
        },
        "why": [
          {
            "kind": "socket",
            "text": "TCP 10.244.2.4:59995 → 10.98.129.105:80"
          }
        ],
        "explanation": "default/client sends a TCP SYN from 10.244.2.4 to 10.98.129.105:80."
      },
      {
        "step": 1,
        "where": {
          "machine": "default/client",
          "kind": "pod",
          "interface": "eth0",
          "table": "route"
        },
        "before": {
          "protocol": "tcp",
          "src": "10.244.2.4",
          "sport": 59995,
          "dport": 80,
          "dst": "10.98.129.105"
        },
        "after": {
          "protocol": "tcp",
          "src": "10.244.2.4",
          "sport": 59995,
          "dport": 80,
          "dst": "10.98.129.105"
        },
        "why": [
          {
            "kind": "route",
            "text": "default via 10.244.2.1 dev eth0"
          }
        ],
        "explanation": "10.98.129.105 is not on the pod's subnet, so the pod sends it to its default gateway 10.244.2.1 (cni0 on node02) out of eth0."
      },
      {
        "step": 2,
        "where": {
          "machine": "node02",
          "kind": "node",
          "interface": "vethfa1a17a3"
        },
        "before": {
          "protocol": "tcp",
          "src": "10.244.2.4",
          "sport": 59995,
          "dport": 80,
          "dst": "10.98.129.105"
        },
        "after": {
          "protocol": "tcp",
          "src": "10.244.2.4",
          "sport": 59995,
          "dport": 80,
          "dst": "10.98.129.105"
        },
        "why": [
          {
            "kind": "route",
            "text": "vethfa1a17a3@if2 master cni0"
          }
        ],
        "explanation": "The packet leaves the pod through its veth pair and enters node02's cni0 bridge, where the node's netfilter sees it."
      },
      {
        "step": 3,
        "where": {
          "machine": "node02",
          "kind": "node",
          "table": "nat",
          "chain": "PREROUTING"
        },
        "before": {
          "protocol": "tcp",
          "src": "10.244.2.4",
          "sport": 59995,
          "dport": 80,
          "dst": "10.98.129.105"
        },
        "after": {
          "protocol": "tcp",
          "src": "10.244.2.4",
          "sport": 59995,
          "dport": 80,
          "dst": "10.98.129.105"
        },
        "why": [
          {
            "kind": "rule",
            "table": "nat",
            "chain": "PREROUTING",
            "index": 1,
            "text": "-A PREROUTING -m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES",
            "provenance": {
              "owner": "kube-proxy"
            }
          }
        ],
        "explanation": "On node02, nat PREROUTING checked the packet (1 rule matched) and let it continue unchanged."
      },
      {
        "step": 4,
        "where": {
          "machine": "node02",
          "kind": "node",
          "table": "filter",
          "chain": "FORWARD"
        },
        "before": {
          "protocol": "tcp",
          "src": "10.244.2.4",
          "sport": 59995,
          "dport": 80,
          "dst": "10.98.129.105"
        },
        "after": {
          "protocol": "tcp",
          "src": "10.244.2.4",
          "sport": 59995,
          "dport": 80,
          "dst": "10.98.129.105"
        },
        "why": [
          {
            "kind": "rule",
            "table": "filter",
            "chain": "FORWARD",
            "index": 1,
            "text": "-A FORWARD -m conntrack --ctstate NEW -m comment --comment \"kubernetes load balancer firewall\" -j KUBE-PROXY-FIREWALL",
            "provenance": {
              "owner": "kube-proxy"
            }
          },
          {
            "kind": "rule",
            "table": "filter",
            "chain": "FORWARD",
            "index": 2,
            "text": "-A FORWARD -m comment --comment \"kubernetes forwarding rules\" -j KUBE-FORWARD",
            "provenance": {
              "owner": "kube-proxy"
            }
          },
          {
            "kind": "rule",
            "table": "filter",
            "chain": "FORWARD",
            "index": 3,
            "text": "-A FORWARD -m conntrack --ctstate NEW -m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES",
            "provenance": {
              "owner": "kube-proxy"
            }
          },
          {
            "kind": "rule",
            "table": "filter",
            "chain": "KUBE-SERVICES",
            "index": 1,
            "text": "-A KUBE-SERVICES -d 10.98.129.105/32 -p tcp -m comment --comment \"default/empty has no endpoints\" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable",
            "provenance": {
              "owner": "kube-proxy",
              "service": {
                "namespace": "default",
                "name": "empty",
                "port": "",
                "protocol": "tcp"
              }
            }
          },
          {
            "kind": "service",
            "namespace": "default",
            "name": "empty",
            "port": ""
          }
        ],
        "explanation": "On node02, the filter table at FORWARD rejected the packet; the kernel answers with ICMP port unreachable (connection refused)."
      },
      {
        "step": 5,
        "where": {
          "machine": "node02",
          "kind": "node"
        },
        "before": {
          "protocol": "tcp",
          "src": "10.244.2.4",
          "sport": 59995,
          "dport": 80,
          "dst": "10.98.129.105"
        },
        "after": {
          "protocol": "icmp",
          "src": "172.18.0.4",
          "dst": "10.244.2.4"
        },
        "why": [],
        "explanation": "node02 answers with ICMP port unreachable to 10.244.2.4; the client reports \"connection refused\"."
      }
    ],
    "outcome": {
      "kind": "refused",
      "reason": "no ready endpoints: KUBE-SERVICES REJECT rule: -A KUBE-SERVICES -d 10.98.129.105/32 -p tcp -m comment --comment \"default/empty has no endpoints\" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable"
    },
    "rulesTraversed": 15,
    "elapsedMs": 0,
    "dns": {
      "name": "empty",
      "addresses": [
        "10.98.129.105"
      ],
      "steps": [
        {
          "text": "empty.default.svc.cluster.local A → 10.98.129.105",
          "query": "empty.default.svc.cluster.local.",
          "type": "A",
          "server": "10.96.0.10",
          "answeredBy": "kube-system/coredns-6998994bb8-xnzqt",
          "elapsedMs": 0
        },
        {
          "text": "empty.default.svc.cluster.local AAAA → NODATA",
          "query": "empty.default.svc.cluster.local.",
          "type": "AAAA",
          "server": "10.96.0.10",
          "answeredBy": "kube-system/coredns-6998994bb8-xnzqt",
          "elapsedMs": 0
        }
      ]
    }
  }
};
