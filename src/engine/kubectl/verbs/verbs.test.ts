import { describe, expect, it } from 'vitest';
import { kubectlSession, transcript } from '../testing/session';
import { ShellSession } from '../../shell/ShellSession';
import { kubectlTool } from '../index';

describe('discovery and cluster information', () => {
  it('api-resources, api-versions, version', () => {
    const { s } = kubectlSession();
    expect(transcript(s, ['kubectl api-versions', 'kubectl version', 'kubectl version --client', 'kubectl api-resources --namespaced=false'])).toBe(`controlplane:~$ kubectl api-versions
apps/v1
discovery.k8s.io/v1
rbac.authorization.k8s.io/v1
v1
controlplane:~$ kubectl version
Client Version: v1.34.1
Kustomize Version: v5.7.1
Server Version: v1.34.1
controlplane:~$ kubectl version --client
Client Version: v1.34.1
Kustomize Version: v5.7.1
controlplane:~$ kubectl api-resources --namespaced=false
NAME                  SHORTNAMES   APIVERSION                     NAMESPACED   KIND
namespaces            ns           v1                             false        Namespace
nodes                 no           v1                             false        Node
clusterrolebindings                rbac.authorization.k8s.io/v1   false        ClusterRoleBinding
clusterroles                       rbac.authorization.k8s.io/v1   false        ClusterRole
`);
  });

  it('cluster-info colours only a terminal', () => {
    const { s } = kubectlSession();
    expect(s.execute('kubectl cluster-info').output).toBe(
      "\x1b[0;32mKubernetes control plane\x1b[0m is running at \x1b[0;33mhttps://172.18.0.2:6443\x1b[0m\n\x1b[0;32mCoreDNS\x1b[0m is running at \x1b[0;33mhttps://172.18.0.2:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\x1b[0m\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
    );
    expect(s.execute('kubectl cluster-info | cat').output).toBe(
      "Kubernetes control plane is running at https://172.18.0.2:6443\nCoreDNS is running at https://172.18.0.2:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
    );
  });
});

describe('kubeconfig', () => {
  it('views, lists and switches contexts', () => {
    const { s } = kubectlSession();
    expect(transcript(s, ['kubectl config view --minify', 'kubectl config get-contexts', 'kubectl config set-context --current --namespace=kube-system', 'kubectl get svc', 'kubectl config use-context nope', 'kubectl config current-context'])).toBe(`controlplane:~$ kubectl config view --minify
apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: DATA+OMITTED
    server: https://172.18.0.2:6443
  name: kubernetes
contexts:
- context:
    cluster: kubernetes
    user: kubernetes-admin
  name: kubernetes-admin@kubernetes
current-context: kubernetes-admin@kubernetes
kind: Config
preferences: {}
users:
- name: kubernetes-admin
  user:
    client-certificate-data: DATA+OMITTED
    client-key-data: DATA+OMITTED
controlplane:~$ kubectl config get-contexts
CURRENT   NAME                          CLUSTER      AUTHINFO           NAMESPACE
*         kubernetes-admin@kubernetes   kubernetes   kubernetes-admin   
controlplane:~$ kubectl config set-context --current --namespace=kube-system
Context "kubernetes-admin@kubernetes" modified.
controlplane:~$ kubectl get svc
NAME       TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)                  AGE
kube-dns   ClusterIP   10.96.0.10   <none>        53/UDP,53/TCP,9153/TCP   5d
controlplane:~$ kubectl config use-context nope
error: no context exists with the name: "nope"
controlplane:~$ kubectl config current-context
kubernetes-admin@kubernetes
`);
  });

  it('refuses when the kubeconfig is gone and honours --kubeconfig errors', () => {
    const { s } = kubectlSession();
    expect(s.execute('kubectl get ns -o name').output).toBe('namespace/default\nnamespace/kube-node-lease\nnamespace/kube-public\nnamespace/kube-system\n');
    s.execute('rm /root/.kube/config');
    expect(s.execute('kubectl get ns').output).toBe('The connection to the server localhost:8080 was refused - did you specify the right host or port?\n');
    expect(s.execute('kubectl version').output).toBe('Client Version: v1.34.1\nKustomize Version: v5.7.1\nThe connection to the server localhost:8080 was refused - did you specify the right host or port?\n');
    expect(s.execute('kubectl get ns --kubeconfig /nope').output).toBe('error: stat /nope: no such file or directory\n');
  });
});

describe('authorization', () => {
  it('answers can-i for the admin and for an impersonated service account', () => {
    const { s } = kubectlSession();
    expect(transcript(s, ['kubectl auth can-i get pods', 'kubectl auth can-i delete services --as=system:serviceaccount:default:default'])).toBe(`controlplane:~$ kubectl auth can-i get pods
yes
controlplane:~$ kubectl auth can-i delete services --as=system:serviceaccount:default:default
no
`);
    expect(s.lastExitCode).toBe(1);
  });
});

describe('label, annotate, patch, edit', () => {
  it('labels with --overwrite and key- removal, and refuses silent overwrites', () => {
    const { s } = kubectlSession();
    expect(transcript(s, ['kubectl label svc kubernetes tier=api', 'kubectl label svc kubernetes tier=web', 'kubectl label svc kubernetes tier=web --overwrite', 'kubectl label svc kubernetes tier=web --overwrite', 'kubectl label svc kubernetes tier-', 'kubectl annotate svc kubernetes note=hi', 'kubectl get svc kubernetes -o jsonpath={.metadata.annotations.note}'])).toBe(`controlplane:~$ kubectl label svc kubernetes tier=api
service/kubernetes labeled
controlplane:~$ kubectl label svc kubernetes tier=web
error: 'tier' already has a value (api), and --overwrite is false
controlplane:~$ kubectl label svc kubernetes tier=web --overwrite
service/kubernetes labeled
controlplane:~$ kubectl label svc kubernetes tier=web --overwrite
service/kubernetes not labeled
controlplane:~$ kubectl label svc kubernetes tier-
service/kubernetes labeled
controlplane:~$ kubectl annotate svc kubernetes note=hi
service/kubernetes annotated
controlplane:~$ kubectl get svc kubernetes -o jsonpath={.metadata.annotations.note}
hi`);
  });

  it('patches with every patch type and reports no-op patches', () => {
    const { s } = kubectlSession();
    expect(transcript(s, [
      `kubectl patch svc kubernetes -p '{"metadata":{"labels":{"x":"y"}}}'`,
      `kubectl patch svc kubernetes --type merge -p '{"metadata":{"labels":{"x":"y"}}}'`,
      `kubectl patch svc kubernetes --type json -p '[{"op":"remove","path":"/metadata/labels/x"}]'`,
      `kubectl patch svc kubernetes --type foo -p '{}'`,
    ])).toBe(`controlplane:~$ kubectl patch svc kubernetes -p '{"metadata":{"labels":{"x":"y"}}}'
service/kubernetes patched
controlplane:~$ kubectl patch svc kubernetes --type merge -p '{"metadata":{"labels":{"x":"y"}}}'
service/kubernetes patched (no change)
controlplane:~$ kubectl patch svc kubernetes --type json -p '[{"op":"remove","path":"/metadata/labels/x"}]'
service/kubernetes patched
controlplane:~$ kubectl patch svc kubernetes --type foo -p '{}'
error: --type must be one of [json merge strategic], not "foo"
`);
  });

  it('edits through $EDITOR, cancels unchanged edits and reports invalid ones', () => {
    const { s } = kubectlSession();
    expect(s.execute("EDITOR='sed -i s/9153/9154/' kubectl edit svc kube-dns -n kube-system").output).toBe('service/kube-dns edited\n');
    expect(s.execute("kubectl get svc kube-dns -n kube-system -o jsonpath='{.spec.ports[*].port}'").output).toBe('53 53 9154');
    expect(s.execute('EDITOR=true kubectl edit svc kube-dns -n kube-system').output).toBe('Edit cancelled, no changes made.\n');
    const bad = s.execute("EDITOR='sed -i s/9154/70000/' kubectl edit svc kube-dns -n kube-system");
    expect(bad.output).toMatch(/^The Service "kube-dns" is invalid: \n\* spec\.ports\[2\]\.port: Invalid value: 70000: must be between 1 and 65535, inclusive\n\* spec\.ports\[2\]\.targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive\nA copy of your changes has been stored to "\/tmp\/kubectl-edit-\d+\.yaml"\nerror: Edit cancelled, no valid changes were saved\.\n$/);
    expect(bad.exitCode).toBe(1);
  });

  it('runs an $EDITOR with spaces through $SHELL -c, so quoting and backslashes work as in bash', () => {
    const { s } = kubectlSession();
    expect(s.execute(`KUBE_EDITOR='sed -i s/mode:\\ ""/mode:\\ "ipvs"/' kubectl edit cm kube-proxy -n kube-system`).output).toBe('configmap/kube-proxy edited\n');
    expect(s.execute('kubectl get cm kube-proxy -n kube-system -o yaml | grep "mode:"').output).toBe('    mode: ipvs""\n');
    expect(s.execute(`EDITOR="sed -i 's/mode: ipvs\\"\\"/mode: \\"iptables\\"/'" kubectl edit cm kube-proxy -n kube-system`).output).toBe('configmap/kube-proxy edited\n');
    expect(s.execute('kubectl get cm kube-proxy -n kube-system -o yaml | grep "mode:"').output).toBe('    mode: "iptables"\n');
    const failed = s.execute(`EDITOR='false "x y"' kubectl edit cm kube-proxy -n kube-system`);
    expect(failed.output).toBe('error: there was a problem with the editor "/bin/bash -c false \\"x y\\""\n');
    expect(failed.exitCode).toBe(1);
  });

  it('opens interactive editors in the editor pane and applies the saved file', () => {
    const { s } = kubectlSession();
    const r = s.execute('kubectl edit svc kubernetes');
    expect(r.running).toBe(true);
    const path = r.openInEditor!.path;
    expect(s.machine.fs.readFile(path).startsWith("# Please edit the object below. Lines beginning with a '#' will be ignored,\n")).toBe(true);
    s.machine.fs.writeFile(path, s.machine.fs.readFile(path).replace('provider: kubernetes', 'provider: lab'));
    const done = s.poll();
    expect(done.output).toBe('service/kubernetes edited\n');
    expect(s.execute('kubectl get svc kubernetes -o jsonpath={.metadata.labels.provider}').output).toBe('lab');
  });
});

describe('get -w', () => {
  it('streams rows as the cluster changes until the request timeout', () => {
    const { s } = kubectlSession();
    const out = s.execute('kubectl get pods -n kube-system -l k8s-app=kube-dns -w --request-timeout=30s & kubectl delete pod -n kube-system -l k8s-app=kube-dns --wait=false').output;
    expect(out).toMatch(/deleted from kube-system namespace/);
  });
});

describe('delete', () => {
  it('waits in virtual time for graceful pod deletion, as --wait does by default', () => {
    const { sim, s } = kubectlSession();
    const before = sim.clock.now();
    const out = s.execute('kubectl delete pod -n kube-system -l k8s-app=kube-dns').output;
    expect(out).toMatch(/^pod "coredns-\w+-\w+" deleted from kube-system namespace\npod "coredns-\w+-\w+" deleted from kube-system namespace\n$/);
    expect(sim.clock.now() - before).toBeGreaterThan(0);
    expect(s.execute('kubectl get pods -n kube-system -l k8s-app=kube-dns -o name').output).not.toBe('');
  });

  it('asks for names, supports --dry-run and --ignore-not-found', () => {
    const { s } = kubectlSession();
    expect(transcript(s, ['kubectl delete svc', 'kubectl delete', 'kubectl delete svc kubernetes --dry-run=client', 'kubectl delete svc nope', 'kubectl delete svc nope --ignore-not-found'])).toBe(`controlplane:~$ kubectl delete svc
error: resource(s) were provided, but no name was specified
controlplane:~$ kubectl delete
error: You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'
controlplane:~$ kubectl delete svc kubernetes --dry-run=client
service "kubernetes" deleted (dry run) from default namespace
controlplane:~$ kubectl delete svc nope
Error from server (NotFound): services "nope" not found
controlplane:~$ kubectl delete svc nope --ignore-not-found
`);
  });
});

describe('get -w in the browser', () => {
  it('prints the table, then one row per change, until Ctrl+C', () => {
    const { sim, s } = kubectlSession('watch', { kind: 'node', node: 'controlplane' }, { browser: true });
    const first = s.execute('kubectl get svc -w');
    expect(first.running).toBe(true);
    expect(first.output).toMatch(/^NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE\nkubernetes\s+ClusterIP\s+10\.96\.0\.1\s+<none>\s+443\/TCP\s+5d\n$/);
    sim.api.admin().create('services', 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
    sim.advance(1000);
    const next = s.poll();
    expect(next.running).toBe(true);
    expect(next.output).toMatch(/^web\s+ClusterIP\s+10\.\d+\.\d+\.\d+\s+<none>\s+80\/TCP\s+0s\n$/);
    // Rows line up with the table printed before them (remembered widths).
    expect(next.output.indexOf('ClusterIP')).toBe(first.output.split('\n')[1]!.indexOf('ClusterIP'));
    expect(s.interrupt().output).toBe('^C\n');
    expect(s.lastExitCode).toBe(130);
  });
});

describe('tab completion', () => {
  it('completes verbs, resource types and object names', () => {
    const { s } = kubectlSession();
    expect(s.complete('kubectl ge').candidates).toEqual(['get ']);
    expect(s.complete('kubectl get endpointsl').candidates).toEqual(['endpointslices ']);
    expect(s.complete('kubectl get svc -n kube-system kube').candidates).toEqual(['kube-dns ']);
    expect(s.complete('kubectl get svc --no-h').candidates).toEqual(['--no-headers ']);
  });
});

describe('kubectl inside a pod', () => {
  it('uses the service-account token and is bound by RBAC', () => {
    const { sim } = kubectlSession('pod');
    sim.api.admin().create('pods', 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'tools' }, spec: { containers: [{ name: 'tools', image: 'bitnami/kubectl' }] } });
    sim.advance(30_000);
    const s = new ShellSession({ now: () => sim.clock.now(), advance: (ms) => sim.advance(ms) });
    s.frame.set('KUBERNETES_SERVICE_HOST', '10.96.0.1', true);
    s.frame.set('KUBERNETES_SERVICE_PORT', '443', true);
    s.commands.register('kubectl', kubectlTool({ sim, place: { kind: 'container', namespace: 'default', pod: 'tools', container: 'tools', node: 'node01' } }));
    expect(s.execute('kubectl get pods').output).toBe('Error from server (Forbidden): pods is forbidden: User "system:serviceaccount:default:default" cannot list resource "pods" in API group "" in the namespace "default"\n');
    expect(s.execute('kubectl auth can-i list pods').output).toBe('no\n');
  });
});

describe('--dry-run without a value', () => {
  it('is refused as kubectl refuses it, instead of swallowing the next word', () => {
    const { s } = kubectlSession();
    expect(transcript(s, ['kubectl delete svc kubernetes --dry-run', 'kubectl create deployment web --image=nginx --dry-run', 'kubectl get svc kubernetes -o name'])).toBe(`controlplane:~$ kubectl delete svc kubernetes --dry-run
error: --dry-run flag without a value was specified. A value must be set: "none", "server", or "client".
controlplane:~$ kubectl create deployment web --image=nginx --dry-run
error: --dry-run flag without a value was specified. A value must be set: "none", "server", or "client".
controlplane:~$ kubectl get svc kubernetes -o name
service/kubernetes
`);
  });
});
