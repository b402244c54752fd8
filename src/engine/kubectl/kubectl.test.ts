import { describe, expect, it } from 'vitest';
import { ShellSession } from '../shell/ShellSession';
import { Simulation } from '../sim/Simulation';
import { kubectlTool } from './index';

function setup(place: 'controlplane' | 'node01' = 'controlplane') {
  const sim = new Simulation({ seed: 'kubectl' });
  const s = new ShellSession({ now: () => sim.clock.now(), advance: (ms) => sim.advance(ms) });
  s.commands.register('kubectl', kubectlTool({ sim, place: { kind: 'node', node: place } }));
  return { sim, s };
}

const run = (s: ShellSession, line: string) => s.execute(line);

const SD = `apiVersion: v1
kind: Namespace
metadata:
  name: dev
---
apiVersion: v1
kind: Service
metadata:
  name: ent
  namespace: dev
spec:
  selector:
    app: enterprise
  ports:
  - port: 8080
`;

describe('kubectl dispatcher', () => {
  it('reports unknown commands with cobra suggestions', () => {
    const { s } = setup();
    const r = run(s, 'kubectl gett pods');
    expect(r.output).toBe('error: unknown command "gett" for "kubectl"\n\nDid you mean this?\n\tget\n\tset\n');
    expect(r.exitCode).toBe(1);
  });

  it('reports unknown flags and missing arguments like pflag', () => {
    const { s } = setup();
    expect(run(s, 'kubectl get pods --foo').output).toBe("error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n");
    expect(run(s, 'kubectl get pods -n').output).toBe("error: flag needs an argument: 'n' in -n\nSee 'kubectl get --help' for usage.\n");
    expect(run(s, 'kubectl get pods -z').output).toBe("error: unknown shorthand flag: 'z' in -z\nSee 'kubectl get --help' for usage.\n");
  });

  it('asks for a resource type and rejects unknown ones', () => {
    const { s } = setup();
    expect(run(s, 'kubectl get').output).toBe(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples\n',
    );
    const r = run(s, 'kubectl get x');
    expect(r.output).toBe('error: the server doesn\'t have a resource type "x"\n');
    expect(r.exitCode).toBe(1);
  });

  it('fails like real kubectl without a kubeconfig (worker node)', () => {
    const { s } = setup('node01');
    const r = run(s, 'kubectl get pods');
    expect(r.output).toBe('The connection to the server localhost:8080 was refused - did you specify the right host or port?\n');
    expect(r.exitCode).toBe(1);
  });

  it('accepts flags before the verb and in every pflag spelling', () => {
    const { s } = setup();
    const a = run(s, 'kubectl -n kube-system get svc -l k8s-app=kube-dns').output;
    expect(a).toMatch(/^NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE\nkube-dns\s+ClusterIP\s+10\.96\.0\.10\s+<none>\s+53\/UDP,53\/TCP,9153\/TCP\s+5d\n$/);
    expect(run(s, 'kubectl get svc -nkube-system -lk8s-app=kube-dns').output).toBe(a);
    expect(run(s, 'kubectl get --namespace=kube-system svc --selector k8s-app=kube-dns').output).toBe(a);
  });
});

describe('kubectl verbs on a live cluster', () => {
  it('applies a multi-document manifest, then reports unchanged and configured', () => {
    const { s } = setup();
    s.machine.fs.writeFile('/root/sd.yml', SD);
    expect(run(s, 'kubectl apply -f sd.yml').output).toBe('namespace/dev created\nservice/ent created\n');
    expect(run(s, 'kubectl apply -f sd.yml').output).toBe('namespace/dev unchanged\nservice/ent unchanged\n');
    s.machine.fs.writeFile('/root/sd.yml', SD.replace('port: 8080', 'port: 8081'));
    expect(run(s, 'kubectl apply -f sd.yml').output).toBe('namespace/dev unchanged\nservice/ent configured\n');
    expect(run(s, 'kubectl get svc ent -n dev -o jsonpath={.spec.ports[0].port}').output).toBe('8081');
  });

  it('warns when applying over an object created without apply', () => {
    const { s } = setup();
    s.machine.fs.writeFile('/root/sd.yml', SD);
    expect(run(s, 'kubectl create -f sd.yml').output).toBe('namespace/dev created\nservice/ent created\n');
    const r = run(s, 'kubectl apply -f sd.yml').output;
    expect(r).toContain('Warning: resource services/ent is missing the kubectl.kubernetes.io/last-applied-configuration annotation');
    expect(run(s, 'kubectl create -f sd.yml').output).toBe(
      'Error from server (AlreadyExists): error when creating "sd.yml": namespaces "dev" already exists\nError from server (AlreadyExists): error when creating "sd.yml": services "ent" already exists\n',
    );
  });

  it('prints YAML errors, unknown kinds and namespace mismatches as kubectl does', () => {
    const { s } = setup();
    s.machine.fs.writeFile('/root/x.yaml', 'apiVersion: v1\nkind: Service\nmetadata: name: x\n');
    expect(run(s, 'kubectl apply -f x.yaml').output).toBe('error: error parsing x.yaml: error converting YAML to JSON: yaml: line 3: mapping values are not allowed in this context\n');
    s.machine.fs.writeFile('/root/x.yaml', 'apiVersion: v1\nkind: X\nmetadata:\n  name: x\n');
    expect(run(s, 'kubectl apply -f x.yaml').output).toBe('error: resource mapping not found for name: "x" namespace: "" from "x.yaml": no matches for kind "X" in version "v1"\nensure CRDs are installed first\n');
    s.machine.fs.writeFile('/root/x.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  namespace: a\n');
    expect(run(s, 'kubectl apply -n b -f x.yaml').output).toBe("error: the namespace from the provided object \"a\" does not match the namespace \"b\". You must pass '--namespace=a' to perform this operation.\n");
    s.machine.fs.writeFile('/root/x.yaml', 'metadata:\n  name: x\n');
    expect(run(s, 'kubectl apply -f x.yaml').output).toBe('error: error validating "x.yaml": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false\n');
    s.machine.fs.writeFile('/root/x.yaml', 'apiVersion: v1\n\u0001\u0002garbage\u0000');
    expect(run(s, 'kubectl apply -f x.yaml').output).toBe('error: error parsing x.yaml: error converting YAML to JSON: yaml: control characters are not allowed\n');
  });

  it('lists, deletes by label and prints the 1.34 delete lines (seed commands)', () => {
    const { s } = setup();
    const pods = run(s, 'kubectl get pods -n kube-system -l k8s-app=kube-dns').output;
    expect(pods.split('\n')[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
    expect(pods.split('\n').filter((l) => l.startsWith('coredns-'))).toHaveLength(2);
    const eps = run(s, 'kubectl get endpoints -n kube-system -l k8s-app=kube-dns').output;
    expect(eps.startsWith('Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\nNAME ')).toBe(true);
    const del = run(s, 'kubectl delete pod -n kube-system -l k8s-app=kube-dns').output;
    expect(del).toMatch(/^pod "coredns-[a-z0-9]+-[a-z0-9]+" deleted from kube-system namespace\npod "coredns-[a-z0-9]+-[a-z0-9]+" deleted from kube-system namespace\n$/);
    expect(run(s, 'kubectl get svc -n nope').output).toBe('No resources found in nope namespace.\n');
    expect(run(s, 'kubectl get svc nope').output).toBe('Error from server (NotFound): services "nope" not found\n');
  });

  it('describes a service', () => {
    const { s } = setup();
    const out = run(s, 'kubectl describe svc kube-dns -n kube-system').output;
    expect(out).toMatch(/^Name:\s+kube-dns\nNamespace:\s+kube-system\n/);
  });

  it('applies a 10,000-object manifest', () => {
    const { s } = setup();
    const doc = Array.from({ length: 10_000 }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\ndata:\n  k: v\n`).join('---\n');
    s.machine.fs.writeFile('/root/big.yaml', doc);
    const out = run(s, 'kubectl apply -f big.yaml').output.split('\n');
    expect(out).toHaveLength(10_001);
    expect(out[9_999]).toBe('configmap/c9999 created');
  });

  it('parses 50 flags', () => {
    const { s } = setup();
    const flags = Array.from({ length: 50 }, (_, i) => (i % 2 ? '--no-headers' : '-n kube-system')).join(' ');
    const r = run(s, `kubectl get svc ${flags}`);
    expect(r.output).toMatch(/^kube-dns\s+ClusterIP/);
  });
});
