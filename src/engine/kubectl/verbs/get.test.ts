import { describe, expect, it } from 'vitest';
import { kubectlSession, transcript } from '../testing/session';

describe('kubectl get output options', () => {
  it('label columns, sorting, headers, custom columns, field selectors', () => {
    const { s } = kubectlSession();
    expect(
      transcript(s, [
        'kubectl get svc -A --sort-by=.metadata.name --no-headers',
        'kubectl get svc -n kube-system --show-labels',
        'kubectl get svc -A -L k8s-app,kubernetes.io/name',
        'kubectl get svc -A -o custom-columns=NAME:.metadata.name,IP:.spec.clusterIP',
        'kubectl get ns --field-selector metadata.name=default',
        'kubectl get svc,ns -o name',
        'kubectl get svc/kubernetes ns/default -o name',
        'kubectl get -o wide',
        'kubectl get svc kubernetes kube-dns',
        'kubectl get pods -o foo',
      ]),
    ).toBe(`controlplane:~$ kubectl get svc -A --sort-by=.metadata.name --no-headers
kube-system   kube-dns     ClusterIP   10.96.0.10   <none>   53/UDP,53/TCP,9153/TCP   5d
default       kubernetes   ClusterIP   10.96.0.1    <none>   443/TCP                  5d
controlplane:~$ kubectl get svc -n kube-system --show-labels
NAME       TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)                  AGE   LABELS
kube-dns   ClusterIP   10.96.0.10   <none>        53/UDP,53/TCP,9153/TCP   5d    k8s-app=kube-dns,kubernetes.io/cluster-service=true,kubernetes.io/name=CoreDNS
controlplane:~$ kubectl get svc -A -L k8s-app,kubernetes.io/name
NAMESPACE     NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)                  AGE   K8S-APP    NAME
default       kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP                  5d               
kube-system   kube-dns     ClusterIP   10.96.0.10   <none>        53/UDP,53/TCP,9153/TCP   5d    kube-dns   CoreDNS
controlplane:~$ kubectl get svc -A -o custom-columns=NAME:.metadata.name,IP:.spec.clusterIP
NAME         IP
kubernetes   10.96.0.1
kube-dns     10.96.0.10
controlplane:~$ kubectl get ns --field-selector metadata.name=default
NAME      STATUS   AGE
default   Active   5d
controlplane:~$ kubectl get svc,ns -o name
service/kubernetes
namespace/default
namespace/kube-node-lease
namespace/kube-public
namespace/kube-system
controlplane:~$ kubectl get svc/kubernetes ns/default -o name
service/kubernetes
namespace/default
controlplane:~$ kubectl get -o wide
You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.

error: Required resource not specified.
Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).
See 'kubectl get -h' for help and examples
controlplane:~$ kubectl get svc kubernetes kube-dns
NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE
kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   5d
Error from server (NotFound): services "kube-dns" not found
controlplane:~$ kubectl get pods -o foo
error: unable to match a printer suitable for the output format "foo", allowed formats are: json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file, custom-columns, custom-columns-file, wide
`);
  });

  it('-o yaml prints one object bare and several as a List', () => {
    const { s } = kubectlSession();
    expect(s.execute('kubectl get ns default -o yaml').output).toMatch(/^apiVersion: v1\nkind: Namespace\nmetadata:\n/);
    expect(s.execute('kubectl get ns -o yaml').output).toMatch(/^apiVersion: v1\nitems:\n- apiVersion: v1\n {2}kind: Namespace\n[\s\S]*kind: List\nmetadata:\n {2}resourceVersion: ""\n$/);
    expect(s.execute('kubectl get svc -l nope=1 -o json').output).toBe('{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n');
  });
});

describe('kubectl apply variants', () => {
  const CM = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: "1"\n';

  it('dry runs, prints YAML, reads stdin and directories', () => {
    const { s } = kubectlSession();
    s.machine.fs.mkdir('/root/dir', true);
    s.machine.fs.writeFile('/root/dir/a.yaml', CM);
    s.machine.fs.writeFile('/root/dir/b.json', '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"other"}}');
    s.machine.fs.writeFile('/root/dir/notes.txt', 'ignored');
    expect(transcript(s, ['kubectl apply -f dir --dry-run=client', 'kubectl apply -f dir --dry-run=server', 'kubectl get cm -o name', 'cat dir/a.yaml | kubectl apply -f -', 'kubectl apply -f dir', 'kubectl apply -f missing.yaml'])).toBe(`controlplane:~$ kubectl apply -f dir --dry-run=client
configmap/cfg created (dry run)
configmap/other created (dry run)
controlplane:~$ kubectl apply -f dir --dry-run=server
configmap/cfg created (server dry run)
configmap/other created (server dry run)
controlplane:~$ kubectl get cm -o name
configmap/kube-root-ca.crt
controlplane:~$ cat dir/a.yaml | kubectl apply -f -
configmap/cfg created
controlplane:~$ kubectl apply -f dir
configmap/cfg unchanged
configmap/other created
controlplane:~$ kubectl apply -f missing.yaml
error: the path "missing.yaml" does not exist
`);
    const yaml = s.execute('kubectl get cm cfg -o yaml').output;
    expect(yaml).toContain('    kubectl.kubernetes.io/last-applied-configuration: |\n      {"apiVersion":"v1","data":{"a":"1"},"kind":"ConfigMap","metadata":{"annotations":{},"name":"cfg","namespace":"default"}}\n');
  });
});

describe('help', () => {
  it('prints the root help for bare kubectl and verb help for --help', () => {
    const { s } = kubectlSession();
    const root = s.execute('kubectl');
    expect(root.output.startsWith('kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/\n\nBasic Commands (Beginner):\n')).toBe(true);
    expect(root.exitCode).toBe(0);
    expect(s.execute('kubectl --help').output).toBe(root.output);
    const help = s.execute('kubectl delete --help').output;
    expect(help).toContain('Usage:\n  kubectl delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)]) [options]\n\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n');
  });
});

describe('create, replace and apply -o', () => {
  const CM = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: "1"\n';

  it('create --save-config makes the next apply clean; replace swaps the object', () => {
    const { s } = kubectlSession();
    s.machine.fs.writeFile('/root/cm.yaml', CM);
    expect(transcript(s, ['kubectl create -f cm.yaml --save-config', 'kubectl apply -f cm.yaml', "sed -i 's/\"1\"/\"2\"/' cm.yaml", 'kubectl replace -f cm.yaml', 'kubectl get cm cfg -o jsonpath={.data.a}'])).toBe(`controlplane:~$ kubectl create -f cm.yaml --save-config
configmap/cfg created
controlplane:~$ kubectl apply -f cm.yaml
configmap/cfg unchanged
controlplane:~$ sed -i 's/"1"/"2"/' cm.yaml
controlplane:~$ kubectl replace -f cm.yaml
configmap/cfg replaced
controlplane:~$ kubectl get cm cfg -o jsonpath={.data.a}
2`);
  });

  it('apply -o name and -o yaml print the result instead of the action', () => {
    const { s } = kubectlSession();
    s.machine.fs.writeFile('/root/cm.yaml', CM);
    expect(s.execute('kubectl apply -f cm.yaml -o name').output).toBe('configmap/cfg\n');
    expect(s.execute('kubectl apply -f cm.yaml -o yaml').output).toMatch(/^apiVersion: v1\ndata:\n {2}a: "1"\nkind: ConfigMap\nmetadata:\n/);
  });
});
