/**
 * The four seed chapters as a learner walks them in `npx kubelab shell`, every command typed as
 * the chapter prints it. Goldens in __golden__/ were checked line by line against REFERENCE.md
 * and real captures; review them by hand after `vitest -u`.
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../sim/Simulation';
import { heredoc, learnerTranscript } from './learnerTranscript';
import { SD_EXAMPLE, SD_EXAMPLE_PAGE_BREAK } from './sdExample';

const BUSYBOX_POD = `apiVersion: v1
kind: Pod
metadata:
  name: busybox
  namespace: default
spec:
  containers:
  - image: busybox
    name: busy
    command:
      - sleep
      - "3600"
`;

describe('seed journeys through the learner shell', () => {
  it('000 The Kubernetes Book: cluster DNS objects, sd-example, the jump pod, coredns logs and restart', async () => {
    const sim = new Simulation({ seed: 'journey-000' });
    const t = learnerTranscript(sim, [
      'kubectl get pods -n kube-system -l k8s-app=kube-dns',
      'kubectl get deploy -n kube-system -l k8s-app=kube-dns',
      'kubectl get svc -n kube-system -l k8s-app=kube-dns',
      ...heredoc('sd-example.yml', SD_EXAMPLE),
      'kubectl apply -f sd-example.yml',
      'kubectl get endpoint ent',
      'kubectl get pods -n dev',
      'sleep 30',
      'kubectl get endpoints ent -n dev',
      'kubectl exec -it jump --namespace dev -- bash',
      'cat /etc/resolv.conf',
      'apt-get update && apt-get install curl -y > /dev/null',
      'curl ent:8080',
      'curl ent.prod.svc.cluster.local:8080',
      'exit',
      'kubectl get deploy -n kube-system -l k8s-app=kube-dns',
      'kubectl get pods -n kube-system -l k8s-app=kube-dns -o name',
      'kubectl logs -n kube-system "$(kubectl get pods -n kube-system -l k8s-app=kube-dns -o name | head -1)"',
      'kubectl get svc kube-dns -n kube-system',
      'kubectl get endpointslice -n kube-system -l k8s-app=kube-dns',
      'kubectl delete pod -n kube-system -l k8s-app=kube-dns',
      'kubectl get pod -n kube-system -l k8s-app=kube-dns',
      'sleep 20',
      'kubectl get pod -n kube-system -l k8s-app=kube-dns',
    ]);
    expect(t).toContain('root@jump:/# curl ent:8080\nHello from the Dev Namespace!\n');
    expect(t).toContain('root@jump:/# curl ent.prod.svc.cluster.local:8080\nHello from the PROD Namespace!\n');
    expect(t).toContain('controlplane:~$ kubectl get endpoint ent\nerror: the server doesn\'t have a resource type "endpoint"\n');
    await expect(t).toMatchFileSnapshot('./__golden__/seed-000.txt');
  });

  it('000 typed with only spec: containers: repaired: the documents before the broken one are applied, then go-yaml\'s error', () => {
    const sim = new Simulation({ seed: 'journey-000' });
    const t = learnerTranscript(sim, [...heredoc('sd-example.yml', SD_EXAMPLE_PAGE_BREAK), 'kubectl apply -f sd-example.yml', 'kubectl get ns dev prod -o name']);
    expect(t.slice(t.indexOf('controlplane:~$ kubectl apply'))).toBe(`controlplane:~$ kubectl apply -f sd-example.yml
namespace/dev created
namespace/prod created
deployment.apps/enterprise created
error: error parsing sd-example.yml: error converting YAML to JSON: yaml: line 12: did not find expected key
controlplane:~$ kubectl get ns dev prod -o name
namespace/dev
namespace/prod
`);
  });

  it('002 DNS troubleshooting: kubectl run -it dnsutils, then nslookup kubernetes prints the chapter\'s answer', async () => {
    const sim = new Simulation({ seed: 'journey-002' });
    const t = learnerTranscript(sim, [
      'kubectl get svc kube-dns -n kube-system',
      'kubectl get endpoints -n kube-system -l k8s-app=kube-dns',
      'kubectl run -it dnsutils --image gcr.io/kubernetes-e2e-test-images/dnsutils:1.3',
      'nslookup kubernetes',
      'exit',
    ]);
    expect(t).toContain('/ # nslookup kubernetes\nServer:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\tkubernetes.default.svc.cluster.local\nAddress: 10.96.0.1\n\n');
    await expect(t).toMatchFileSnapshot('./__golden__/seed-002.txt');
  });

  it('003 Kubernetes: Up and Running: alpaca-prod, endpoints, label discovery, NodePort and LoadBalancer by edit', async () => {
    const sim = new Simulation({ seed: 'journey-003' });
    const t = learnerTranscript(sim, [
      'kubectl create deployment alpaca-prod \\',
      '--image=gcr.io/kuar-demo/kuard-amd64:blue \\',
      '--port=8080',
      'kubectl scale deployment alpaca-prod --replicas 3',
      'kubectl expose deployment alpaca-prod',
      'kubectl get services -o wide',
      'sleep 30',
      'kubectl describe endpoints alpaca-prod',
      'kubectl get pods -o wide --selector=app=alpaca-prod',
      "kubectl get pods -o jsonpath='{.items[*].status.podIP}' --selector=app=alpaca-prod; echo",
      "EDITOR='sed -i s/ClusterIP/NodePort/' kubectl edit service alpaca-prod",
      'kubectl get services alpaca-prod',
      "EDITOR='sed -i s/NodePort/LoadBalancer/' kubectl edit service alpaca-prod",
      'kubectl get services',
      'sleep 10',
      'kubectl get services',
      'kubectl describe service alpaca-prod',
    ]);
    expect(t).toMatch(/alpaca-prod {3}LoadBalancer {3}\S+ {3}<pending> {5}8080:3\d{4}\/TCP/);
    await expect(t).toMatchFileSnapshot('./__golden__/seed-003.txt');
  });

  it('004 LFS258: expose nginx as NodePort, busybox DNS, kubectl proxy, the NodePort from a node, iptables then IPVS', async () => {
    const sim = new Simulation({ seed: 'journey-004' });
    const t = learnerTranscript(sim, [
      'kubectl create deployment nginx --image=nginx',
      'kubectl expose deployment/nginx --port=80 --type=NodePort',
      'kubectl get svc',
      'kubectl get svc nginx -o yaml',
      ...heredoc('busybox.yaml', BUSYBOX_POD),
      'kubectl create -f busybox.yaml',
      'sleep 20',
      'kubectl exec -ti busybox -- nslookup nginx',
      'kubectl exec busybox cat /etc/resolv.conf',
      'kubectl exec busybox -- cat /etc/resolv.conf',
      'kubectl proxy &',
      'curl -s http://localhost:8001/api/v1/namespaces/default/services/nginx | grep -A3 \'"ports"\'',
      'NODE_PORT=$(kubectl get svc nginx -o jsonpath=\'{.spec.ports[0].nodePort}\')',
      'curl -s 172.18.0.3:$NODE_PORT | grep title',
      'ssh node01',
      'iptables-save -t nat | grep nginx',
      'exit',
      'KUBE_EDITOR="sed -i \'s/mode: \\"\\"/mode: \\"ipvs\\"/\'" kubectl edit cm kube-proxy -n kube-system',
      'kubectl delete pod -n kube-system -l k8s-app=kube-proxy',
      'sleep 20',
      'ssh node01',
      'ipvsadm -Ln',
      'ipvsadm -ln -t 10.96.0.10:53',
      'exit',
    ]);
    expect(t).toContain('error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee \'kubectl exec -h\' for help and examples\n');
    expect(t).toContain('<title>Welcome to nginx!</title>');
    await expect(t).toMatchFileSnapshot('./__golden__/seed-004.txt');
  });
});
