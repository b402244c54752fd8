// kubelab trace --json output (seed kubelab), kept verbatim.
export default {
  "trace": {
    "request": {
      "protocol": "tcp",
      "from": "default/client",
      "dst": "10.101.223.66",
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
          "dst": "10.101.223.66"
        },
        "after": {
          "protocol": "tcp",
          "src": "10.244.2.4",
          "sport": 59995,
          "dport": 80,
          "dst": "10.101.223.66"
        },
        "why": [
          {
            "kind": "socket",
            "text": "TCP 10.244.2.4:59995 → 10.101.223.66:80"
          }
        ],
        "explanation": "default/client sends a TCP SYN from 10.244.2.4 to 10.101.223.66:80."
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
          "dst": "10.101.223.66"
        },
        "after": {
          "protocol": "tcp",
          "src": "10.244.2.4",
          "sport": 59995,
          "dport": 80,
          "dst": "10.101.223.66"
        },
        "why": [
          {
            "kind": "route",
            "text": "default via 10.244.2.1 dev eth0"
          }
        ],
        "explanation": "10.101.223.66 is not on the pod's subnet, so the pod sends it to its default gateway 10.244.2.1 (cni0 on node02) out of eth0."
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
          "dst": "10.101.223.66"
        },
        "after": {
          "protocol": "tcp",
          "src": "10.244.2.4",
          "sport": 59995,
          "dport": 80,
          "dst": "10.101.223.66"
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
          "dst": "10.101.223.66"
        },
        "after": {
          "protocol": "tcp",
          "src": "10.244.2.4",
          "sport": 59995,
          "dport": 80,
          "dst": "10.244.2.3"
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
          },
          {
            "kind": "rule",
            "table": "nat",
            "chain": "KUBE-SERVICES",
            "index": 2,
            "text": "-A KUBE-SERVICES -d 10.101.223.66/32 -p tcp -m comment --comment \"default/web cluster IP\" -m tcp --dport 80 -j KUBE-SVC-LOLE4ISW44XBNF3G",
            "provenance": {
              "owner": "kube-proxy",
              "service": {
                "namespace": "default",
                "name": "web",
                "port": "",
                "protocol": "tcp"
              }
            }
          },
          {
            "kind": "service",
            "namespace": "default",
            "name": "web",
            "port": ""
          },
          {
            "kind": "rule",
            "table": "nat",
            "chain": "KUBE-SVC-LOLE4ISW44XBNF3G",
            "index": 3,
            "text": "-A KUBE-SVC-LOLE4ISW44XBNF3G -m comment --comment \"default/web -> 10.244.2.3:80\" -j KUBE-SEP-7QE66YRUUVCO6FRM",
            "provenance": {
              "owner": "kube-proxy",
              "service": {
                "namespace": "default",
                "name": "web",
                "port": "",
                "protocol": "tcp"
              },
              "endpoint": {
                "ip": "10.244.2.3",
                "port": 80,
                "slice": "web-2f22z",
                "nodeName": "node02"
              }
            }
          },
          {
            "kind": "endpoint",
            "ip": "10.244.2.3",
            "port": 80,
            "slice": "web-2f22z",
            "node": "node02"
          },
          {
            "kind": "rule",
            "table": "nat",
            "chain": "KUBE-SEP-7QE66YRUUVCO6FRM",
            "index": 2,
            "text": "-A KUBE-SEP-7QE66YRUUVCO6FRM -p tcp -m comment --comment \"default/web\" -m tcp -j DNAT --to-destination 10.244.2.3:80",
            "provenance": {
              "owner": "kube-proxy",
              "service": {
                "namespace": "default",
                "name": "web",
                "port": "",
                "protocol": "tcp"
              },
              "endpoint": {
                "ip": "10.244.2.3",
                "port": 80,
                "slice": "web-2f22z",
                "nodeName": "node02"
              }
            }
          }
        ],
        "explanation": "On node02, nat PREROUTING sent the packet through kube-proxy's chains, which rewrote its destination 10.101.223.66:80 to the endpoint 10.244.2.3:80 (DNAT)."
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
          "dst": "10.244.2.3"
        },
        "after": {
          "protocol": "tcp",
          "src": "10.244.2.4",
          "sport": 59995,
          "dport": 80,
          "dst": "10.244.2.3"
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
            "chain": "FORWARD",
            "index": 4,
            "text": "-A FORWARD -m conntrack --ctstate NEW -m comment --comment \"kubernetes externally-visible service portals\" -j KUBE-EXTERNAL-SERVICES",
            "provenance": {
              "owner": "kube-proxy"
            }
          }
        ],
        "explanation": "On node02, filter FORWARD checked the packet (4 rules matched) and let it continue unchanged."
      },
      {
        "step": 5,
        "where": {
          "machine": "node02",
          "kind": "node",
          "table": "nat",
          "chain": "POSTROUTING"
        },
        "before": {
          "protocol": "tcp",
          "src": "10.244.2.4",
          "sport": 59995,
          "dport": 80,
          "dst": "10.244.2.3"
        },
        "after": {
          "protocol": "tcp",
          "src": "10.244.2.4",
          "sport": 59995,
          "dport": 80,
          "dst": "10.244.2.3"
        },
        "why": [
          {
            "kind": "rule",
            "table": "nat",
            "chain": "POSTROUTING",
            "index": 1,
            "text": "-A POSTROUTING -m comment --comment \"kubernetes postrouting rules\" -j KUBE-POSTROUTING",
            "provenance": {
              "owner": "kube-proxy"
            }
          },
          {
            "kind": "rule",
            "table": "nat",
            "chain": "KUBE-POSTROUTING",
            "index": 1,
            "text": "-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN",
            "provenance": {
              "owner": "kube-proxy"
            }
          }
        ],
        "explanation": "On node02, nat POSTROUTING checked the packet (2 rules matched) and let it continue unchanged."
      },
      {
        "step": 6,
        "where": {
          "machine": "node02",
          "kind": "node",
          "interface": "cni0",
          "table": "route"
        },
        "before": {
          "protocol": "tcp",
          "src": "10.244.2.4",
          "sport": 59995,
          "dport": 80,
          "dst": "10.244.2.3"
        },
        "after": {
          "protocol": "tcp",
          "src": "10.244.2.4",
          "sport": 59995,
          "dport": 80,
          "dst": "10.244.2.3"
        },
        "why": [
          {
            "kind": "route",
            "text": "10.244.2.0/24 dev cni0 proto kernel scope link src 10.244.2.1"
          }
        ],
        "explanation": "10.244.2.3 is in node02's own pod subnet 10.244.2.0/24, so the node delivers it on the cni0 bridge."
      },
      {
        "step": 7,
        "where": {
          "machine": "default/web-6df7f6f7d8-d4cjm",
          "kind": "pod",
          "interface": "eth0"
        },
        "before": {
          "protocol": "tcp",
          "src": "10.244.2.4",
          "sport": 59995,
          "dport": 80,
          "dst": "10.244.2.3"
        },
        "after": {
          "protocol": "tcp",
          "src": "10.244.2.4",
          "sport": 59995,
          "dport": 80,
          "dst": "10.244.2.3"
        },
        "why": [
          {
            "kind": "route",
            "text": "cni0 → veth5384842a → default/web-6df7f6f7d8-d4cjm eth0"
          }
        ],
        "explanation": "The bridge hands the packet to veth5384842a, whose other end is eth0 inside pod default/web-6df7f6f7d8-d4cjm."
      },
      {
        "step": 8,
        "where": {
          "machine": "default/client",
          "kind": "pod",
          "table": "conntrack"
        },
        "before": {
          "protocol": "tcp",
          "src": "10.244.2.3",
          "sport": 80,
          "dst": "10.244.2.4",
          "dport": 59995
        },
        "after": {
          "protocol": "tcp",
          "src": "10.101.223.66",
          "sport": 80,
          "dst": "10.244.2.4",
          "dport": 59995
        },
        "why": [
          {
            "kind": "conntrack",
            "text": "node02: src=10.244.2.4 dst=10.101.223.66 sport=59995 dport=80 src=10.244.2.3 dst=10.244.2.4 sport=80 dport=59995"
          }
        ],
        "explanation": "The server answers 200 OK; on the way back conntrack reverses every translation, so the client sees the reply coming from 10.101.223.66:80, the address it asked for."
      }
    ],
    "outcome": {
      "kind": "delivered",
      "ip": "10.244.2.3",
      "port": 80,
      "machine": "default/web-6df7f6f7d8-d4cjm",
      "container": "nginx"
    },
    "rulesTraversed": 18,
    "elapsedMs": 0,
    "dns": {
      "name": "web",
      "addresses": [
        "10.101.223.66"
      ],
      "steps": [
        {
          "text": "web.default.svc.cluster.local A → 10.101.223.66",
          "query": "web.default.svc.cluster.local.",
          "type": "A",
          "server": "10.96.0.10",
          "answeredBy": "kube-system/coredns-6998994bb8-xnzqt",
          "elapsedMs": 0
        },
        {
          "text": "web.default.svc.cluster.local AAAA → NODATA",
          "query": "web.default.svc.cluster.local.",
          "type": "AAAA",
          "server": "10.96.0.10",
          "answeredBy": "kube-system/coredns-6998994bb8-xnzqt",
          "elapsedMs": 0
        }
      ]
    }
  },
  "response": {
    "status": 200,
    "reason": "OK"
  }
};
