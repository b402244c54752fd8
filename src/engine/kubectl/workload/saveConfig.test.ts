/**
 * `--save-config` on every generator: the last-applied annotation is the typed object as
 * scheme.DefaultJSONEncoder writes it (Go struct field order, kind before apiVersion, trailing
 * newline), put on before a client dry-run (create, run) or only on what is sent (expose).
 * The golden was derived from the struct orders of k8s.io/api types.go and checked line by line.
 */
import { describe, expect, it } from 'vitest';
import { workloadRig } from './testing/harness';
import { LAST_APPLIED, typedJson, withSavedConfig } from './typedJson';

const ANNOTATION = `-o jsonpath='{.metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration}'`;

describe('--save-config', () => {
  it('writes the typed configuration each generator built (golden)', async () => {
    const rig = workloadRig();
    const lines = [
      'kubectl create deployment web --image=nginx --port=80 --replicas=2 --save-config',
      `kubectl get deploy web ${ANNOTATION}`,
      `kubectl create deployment multi --image=busybox:1.36 --image=nginx -n kube-public --save-config --dry-run=client ${ANNOTATION}`,
      `kubectl create service clusterip api --tcp=80:8080 --tcp=443 --save-config --dry-run=client ${ANNOTATION}`,
      `kubectl create service nodeport np --tcp=80 --node-port=30080 --save-config --dry-run=client ${ANNOTATION}`,
      `kubectl create service externalname ext --external-name=example.com --save-config --dry-run=client ${ANNOTATION}`,
      `kubectl create service clusterip headless --clusterip=None --save-config --dry-run=client ${ANNOTATION}`,
      `kubectl create namespace team --save-config --dry-run=client ${ANNOTATION}`,
      `kubectl create serviceaccount bot --save-config --dry-run=client ${ANNOTATION}`,
      `kubectl create configmap cfg --from-literal=b=2 --from-literal=a=1 --save-config --dry-run=client ${ANNOTATION}`,
      `kubectl create role reader --verb=get,list --resource=pods,deployments.apps --resource-name=x --save-config --dry-run=client ${ANNOTATION}`,
      `kubectl create clusterrole agg --aggregation-rule=rbac.example.com/aggregate=true --save-config --dry-run=client ${ANNOTATION}`,
      `kubectl create clusterrole urls --verb=get --non-resource-url=/healthz --save-config --dry-run=client ${ANNOTATION}`,
      `kubectl create rolebinding rb --role=reader --user=ann --group=devs --serviceaccount=default:bot --save-config --dry-run=client ${ANNOTATION}`,
      `kubectl create clusterrolebinding crb --clusterrole=view --user=ann --save-config --dry-run=client ${ANNOTATION}`,
      `kubectl run tmp --image=busybox --env=A=1 --labels=tier=debug --port=8080 --restart=Never --save-config --dry-run=client ${ANNOTATION} -- sleep 3600`,
      'kubectl run api --image=nginx --port=80 --expose --save-config',
      `kubectl get svc api ${ANNOTATION}`,
      `kubectl get pod api ${ANNOTATION}`,
      'kubectl expose deployment web --name=web-svc --port=8080 --target-port=80 --type=NodePort --save-config',
      `kubectl get svc web-svc ${ANNOTATION}`,
      `kubectl expose deployment web --name=dry --port=80 --save-config --dry-run=client -o jsonpath='{.metadata.annotations}'`,
    ];
    await expect(rig.transcript(lines)).toMatchFileSnapshot('./__golden__/save-config.txt');
  });

  it('makes the next apply a clean three-way merge: no missing-annotation warning', () => {
    const rig = workloadRig();
    rig.run('kubectl create deployment web --image=nginx --save-config');
    rig.run('kubectl create deployment web --image=nginx --replicas=3 --dry-run=client -o yaml > web.yaml');
    expect(rig.transcript(['kubectl apply -f web.yaml', 'kubectl get deploy web -o jsonpath={.spec.replicas}'])).toBe(
      'controlplane:~$ kubectl apply -f web.yaml\ndeployment.apps/web configured\ncontrolplane:~$ kubectl get deploy web -o jsonpath={.spec.replicas}\n3',
    );
    // Without --save-config kubectl apply warns, as on a real cluster.
    rig.run('kubectl create deployment bare --image=nginx');
    rig.run('kubectl create deployment bare --image=nginx --dry-run=client -o yaml > bare.yaml');
    expect(rig.run('kubectl apply -f bare.yaml')).toContain('Warning: resource deployments.apps/bare is missing the kubectl.kubernetes.io/last-applied-configuration annotation');
  });

  it('keeps other annotations, replaces an old configuration and refuses fields outside the struct', () => {
    const obj = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'a', annotations: { team: 'x', [LAST_APPLIED]: 'old' } } };
    const saved = withSavedConfig(obj);
    expect(saved.metadata.annotations).toEqual({ team: 'x', [LAST_APPLIED]: '{"kind":"ServiceAccount","apiVersion":"v1","metadata":{"name":"a","annotations":{"team":"x"}}}\n' });
    expect(() => typedJson({ ...obj, spec: {} })).toThrow('fields outside the typed shape: spec');
  });
});
