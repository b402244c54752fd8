// kubelab trace --json output (seed kubelab), kept verbatim.
export default {
  "trace": {
    "request": {
      "protocol": "tcp",
      "from": "outside:node-network",
      "dst": "172.18.0.4",
      "dport": 30080
    },
    "hops": [
      {
        "step": 0,
        "where": {
          "machine": "outside:node-network",
          "kind": "outside"
        },
        "before": {
          "protocol": "tcp",
          "src": "172.18.0.1",
          "sport": 60245,
          "dport": 30080,
          "dst": "172.18.0.4"
        },
        "after": {
          "protocol": "tcp",
          "src": "172.18.0.1",
          "sport": 60245,
          "dport": 30080,
          "dst": "172.18.0.4"
        },
        "why": [
          {
            "kind": "socket",
            "text": "TCP 172.18.0.1:60245 → 172.18.0.4:30080"
          }
        ],
        "explanation": "outside:node-network sends a TCP SYN from 172.18.0.1 to 172.18.0.4:30080."
      },
      {
        "step": 1,
        "where": {
          "machine": "node02",
          "kind": "node",
          "interface": "eth0"
        },
        "before": {
          "protocol": "tcp",
          "src": "172.18.0.1",
          "sport": 60245,
          "dport": 30080,
          "dst": "172.18.0.4"
        },
        "after": {
          "protocol": "tcp",
          "src": "172.18.0.1",
          "sport": 60245,
          "dport": 30080,
          "dst": "172.18.0.4"
        },
        "why": [
          {
            "kind": "route",
            "text": "172.18.0.4 reached through node02 (172.18.0.4)"
          }
        ],
        "explanation": "The packet from outside:node-network arrives at node02's eth0 (172.18.0.4)."
      },
      {
        "step": 2,
        "where": {
          "machine": "node02",
          "kind": "node",
          "table": "nat",
          "chain": "PREROUTING"
        },
        "before": {
          "protocol": "tcp",
          "src": "172.18.0.1",
          "sport": 60245,
          "dport": 30080,
          "dst": "172.18.0.4"
        },
        "after": {
          "protocol": "tcp",
          "src": "172.18.0.1",
          "sport": 60245,
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
            "index": 7,
            "text": "-A KUBE-SERVICES -m comment --comment \"kubernetes service nodeports; NOTE: this must be the last rule in this chain\" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS",
            "provenance": {
              "owner": "kube-proxy"
            }
          },
          {
            "kind": "rule",
            "table": "nat",
            "chain": "KUBE-NODEPORTS",
            "index": 2,
            "text": "-A KUBE-NODEPORTS -p tcp -m comment --comment \"default/webnp\" -m tcp --dport 30080 -j KUBE-EXT-WZSV2PN54LPKT4FR",
            "provenance": {
              "owner": "kube-proxy",
              "service": {
                "namespace": "default",
                "name": "webnp",
                "port": "",
                "protocol": "tcp"
              }
            }
          },
          {
            "kind": "service",
            "namespace": "default",
            "name": "webnp",
            "port": ""
          },
          {
            "kind": "rule",
            "table": "nat",
            "chain": "KUBE-EXT-WZSV2PN54LPKT4FR",
            "index": 1,
            "text": "-A KUBE-EXT-WZSV2PN54LPKT4FR -m comment --comment \"masquerade traffic for default/webnp external destinations\" -j KUBE-MARK-MASQ",
            "provenance": {
              "owner": "kube-proxy",
              "service": {
                "namespace": "default",
                "name": "webnp",
                "port": "",
                "protocol": "tcp"
              }
            }
          },
          {
            "kind": "rule",
            "table": "nat",
            "chain": "KUBE-MARK-MASQ",
            "index": 1,
            "text": "-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000",
            "provenance": {
              "owner": "kube-proxy"
            }
          },
          {
            "kind": "rule",
            "table": "nat",
            "chain": "KUBE-EXT-WZSV2PN54LPKT4FR",
            "index": 2,
            "text": "-A KUBE-EXT-WZSV2PN54LPKT4FR -j KUBE-SVC-WZSV2PN54LPKT4FR",
            "provenance": {
              "owner": "kube-proxy",
              "service": {
                "namespace": "default",
                "name": "webnp",
                "port": "",
                "protocol": "tcp"
              }
            }
          },
          {
            "kind": "rule",
            "table": "nat",
            "chain": "KUBE-SVC-WZSV2PN54LPKT4FR",
            "index": 3,
            "text": "-A KUBE-SVC-WZSV2PN54LPKT4FR -m comment --comment \"default/webnp -> 10.244.2.3:80\" -j KUBE-SEP-FBMIBH6NFZ2RVKCK",
            "provenance": {
              "owner": "kube-proxy",
              "service": {
                "namespace": "default",
                "name": "webnp",
                "port": "",
                "protocol": "tcp"
              },
              "endpoint": {
                "ip": "10.244.2.3",
                "port": 80,
                "slice": "webnp-qh2jx",
                "nodeName": "node02"
              }
            }
          },
          {
            "kind": "endpoint",
            "ip": "10.244.2.3",
            "port": 80,
            "slice": "webnp-qh2jx",
            "node": "node02"
          },
          {
            "kind": "rule",
            "table": "nat",
            "chain": "KUBE-SEP-FBMIBH6NFZ2RVKCK",
            "index": 2,
            "text": "-A KUBE-SEP-FBMIBH6NFZ2RVKCK -p tcp -m comment --comment \"default/webnp\" -m tcp -j DNAT --to-destination 10.244.2.3:80",
            "provenance": {
              "owner": "kube-proxy",
              "service": {
                "namespace": "default",
                "name": "webnp",
                "port": "",
                "protocol": "tcp"
              },
              "endpoint": {
                "ip": "10.244.2.3",
                "port": 80,
                "slice": "webnp-qh2jx",
                "nodeName": "node02"
              }
            }
          }
        ],
        "explanation": "On node02, nat PREROUTING sent the packet through kube-proxy's chains, which rewrote its destination 172.18.0.4:30080 to the endpoint 10.244.2.3:80 (DNAT)."
      },
      {
        "step": 3,
        "where": {
          "machine": "node02",
          "kind": "node",
          "table": "filter",
          "chain": "FORWARD"
        },
        "before": {
          "protocol": "tcp",
          "src": "172.18.0.1",
          "sport": 60245,
          "dport": 80,
          "dst": "10.244.2.3"
        },
        "after": {
          "protocol": "tcp",
          "src": "172.18.0.1",
          "sport": 60245,
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
            "chain": "KUBE-FORWARD",
            "index": 2,
            "text": "-A KUBE-FORWARD -m comment --comment \"kubernetes forwarding rules\" -m mark --mark 0x4000/0x4000 -j ACCEPT",
            "provenance": {
              "owner": "kube-proxy"
            }
          }
        ],
        "explanation": "On node02, filter FORWARD checked the packet (3 rules matched) and let it continue unchanged."
      },
      {
        "step": 4,
        "where": {
          "machine": "node02",
          "kind": "node",
          "table": "nat",
          "chain": "POSTROUTING"
        },
        "before": {
          "protocol": "tcp",
          "src": "172.18.0.1",
          "sport": 60245,
          "dport": 80,
          "dst": "10.244.2.3"
        },
        "after": {
          "protocol": "tcp",
          "src": "10.244.2.1",
          "sport": 21234,
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
            "index": 2,
            "text": "-A KUBE-POSTROUTING -j MARK --set-xmark 0x4000/0x0",
            "provenance": {
              "owner": "kube-proxy"
            }
          },
          {
            "kind": "rule",
            "table": "nat",
            "chain": "KUBE-POSTROUTING",
            "index": 3,
            "text": "-A KUBE-POSTROUTING -m comment --comment \"kubernetes service traffic requiring SNAT\" -j MASQUERADE --random-fully",
            "provenance": {
              "owner": "kube-proxy"
            }
          }
        ],
        "explanation": "On node02, nat POSTROUTING found kube-proxy's masquerade mark (0x4000) and rewrote the source 172.18.0.1 to 10.244.2.1, the address of the interface the packet leaves by, so replies come back through node02."
      },
      {
        "step": 5,
        "where": {
          "machine": "node02",
          "kind": "node",
          "interface": "cni0",
          "table": "route"
        },
        "before": {
          "protocol": "tcp",
          "src": "10.244.2.1",
          "sport": 21234,
          "dport": 80,
          "dst": "10.244.2.3"
        },
        "after": {
          "protocol": "tcp",
          "src": "10.244.2.1",
          "sport": 21234,
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
        "step": 6,
        "where": {
          "machine": "default/web-6df7f6f7d8-d4cjm",
          "kind": "pod",
          "interface": "eth0"
        },
        "before": {
          "protocol": "tcp",
          "src": "10.244.2.1",
          "sport": 21234,
          "dport": 80,
          "dst": "10.244.2.3"
        },
        "after": {
          "protocol": "tcp",
          "src": "10.244.2.1",
          "sport": 21234,
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
        "step": 7,
        "where": {
          "machine": "outside:node-network",
          "kind": "outside",
          "table": "conntrack"
        },
        "before": {
          "protocol": "tcp",
          "src": "10.244.2.3",
          "sport": 80,
          "dst": "10.244.2.1",
          "dport": 21234
        },
        "after": {
          "protocol": "tcp",
          "src": "172.18.0.4",
          "sport": 30080,
          "dst": "172.18.0.1",
          "dport": 60245
        },
        "why": [
          {
            "kind": "conntrack",
            "text": "node02: src=172.18.0.1 dst=172.18.0.4 sport=60245 dport=30080 src=10.244.2.3 dst=10.244.2.1 sport=80 dport=21234"
          }
        ],
        "explanation": "The server answers 200 OK; on the way back conntrack reverses every translation, so the client sees the reply coming from 172.18.0.4:30080, the address it asked for."
      }
    ],
    "outcome": {
      "kind": "delivered",
      "ip": "10.244.2.3",
      "port": 80,
      "machine": "default/web-6df7f6f7d8-d4cjm",
      "container": "nginx"
    },
    "rulesTraversed": 26,
    "elapsedMs": 0
  },
  "response": {
    "status": 200,
    "reason": "OK"
  }
};
