/**
 * The seed chapters' kubectl commands, typed exactly as the books print them, through a real
 * ShellSession on a real Simulation. Golden transcripts live in `__golden__/`; the formats were
 * checked against REFERENCE.md §5–§6 (tables, Endpoints warning, 1.34 delete lines) before being
 * frozen. Regenerate with `UPDATE_GOLDEN=1 npx vitest run src/engine/kubectl/seeds.test.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kubectlSession, transcript } from './testing/session';

const golden = (name: string) => new URL(`./__golden__/${name}`, import.meta.url);

function expectGolden(name: string, actual: string): void {
  if (process.env.UPDATE_GOLDEN) writeFileSync(golden(name), actual);
  expect(actual).toBe(readFileSync(golden(name), 'utf8'));
}

describe('seed chapters', () => {
  it('Service discovery deep dive: sd-example and the cluster DNS objects', () => {
    const { s } = kubectlSession('seeds');
    s.machine.fs.writeFile('/root/sd-example.yml', readFileSync(golden('sd-example.yml'), 'utf8'));
    expectGolden(
      'sd-example.txt',
      transcript(s, [
        'kubectl apply -f sd-example.yml',
        'kubectl get pods -n dev',
        'sleep 30',
        'kubectl get pods -n dev -o wide',
        'kubectl get svc -n dev',
        'kubectl get endpoint ent',
        'kubectl get deploy -n kube-system -l k8s-app=kube-dns',
        'kubectl get pods -n kube-system -l k8s-app=kube-dns',
        'kubectl get svc -n kube-system -l k8s-app=kube-dns',
        'kubectl get endpointslice -n kube-system -l k8s-app=kube-dns',
        'kubectl get endpoints -n kube-system -l k8s-app=kube-dns',
        'kubectl get svc kube-dns -n kube-system  ',
        'kubectl delete pod -n kube-system -l k8s-app=kube-dns',
        'kubectl get pods -n kube-system -l k8s-app=kube-dns',
        'kubectl get all -n dev',
      ]),
    );
  });

  it('the manifest as the notes print it (page-break damage) fails like kubectl', () => {
    const { s } = kubectlSession('seeds');
    s.machine.fs.writeFile('/root/sd-example.yml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: enterprise\nspec:\n  template:\n    spec: containers:\n      - image: nginx\n');
    expect(s.execute('kubectl apply -f sd-example.yml').output).toBe('error: error parsing sd-example.yml: error converting YAML to JSON: yaml: line 7: mapping values are not allowed in this context\n');
  });

  it('Kubernetes: Up and Running: alpaca-prod, expose, Endpoints', () => {
    const { s } = kubectlSession('seeds');
    expectGolden(
      'alpaca.txt',
      transcript(s, [
        'kubectl create deployment alpaca-prod \\',
        '--image=gcr.io/kuar-demo/kuard-amd64:blue \\',
        '--port=8080',
        'kubectl scale deployment alpaca-prod --replicas 3',
        'kubectl expose deployment alpaca-prod',
        'sleep 30',
        'kubectl get services -o wide',
        'kubectl describe endpoints alpaca-prod',
        'kubectl get svc alpaca-prod -o yaml',
      ]),
    );
  });
});
