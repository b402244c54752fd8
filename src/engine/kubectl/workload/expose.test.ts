import { describe, expect, it } from 'vitest';
import { workloadRig } from './testing/harness';

const rigFor = () => workloadRig();

describe('kubectl expose and scale', () => {
  it('seed: alpaca-prod is created, scaled and exposed with the deployment selector and port', () => {
    const rig = rigFor();
    expect(
      rig.transcript([
        'kubectl create deployment alpaca-prod --image=gcr.io/kuar-demo/kuard-amd64:blue --port=8080',
        'kubectl scale deployment alpaca-prod --replicas 3',
        'kubectl expose deployment alpaca-prod',
      ]),
    ).toBe(`controlplane:~$ kubectl create deployment alpaca-prod --image=gcr.io/kuar-demo/kuard-amd64:blue --port=8080
deployment.apps/alpaca-prod created
controlplane:~$ kubectl scale deployment alpaca-prod --replicas 3
deployment.apps/alpaca-prod scaled
controlplane:~$ kubectl expose deployment alpaca-prod
service/alpaca-prod exposed
`);
    const svc = rig.sim.api.admin().get('services', 'default', 'alpaca-prod') as unknown as { metadata: { labels: unknown }; spec: { selector: unknown; ports: unknown[]; type: string } };
    expect(svc.metadata.labels).toEqual({ app: 'alpaca-prod' });
    expect(svc.spec.selector).toEqual({ app: 'alpaca-prod' });
    expect(svc.spec.ports).toEqual([{ port: 8080, protocol: 'TCP', targetPort: 8080 }]);
    expect(svc.spec.type).toBe('ClusterIP');
    const d = rig.sim.api.admin().get('deployments.apps', 'default', 'alpaca-prod') as unknown as { spec: { replicas: number } };
    expect(d.spec.replicas).toBe(3);
  });

  it('seed: expose deployment/nginx --port=80 --type=NodePort allocates a node port', () => {
    const rig = rigFor();
    rig.run('kubectl create deployment nginx --image=nginx');
    expect(rig.run('kubectl expose deployment/nginx --port=80 --type=NodePort')).toBe('service/nginx exposed\n');
    const svc = rig.sim.api.admin().get('services', 'default', 'nginx') as unknown as { spec: { type: string; ports: { port: number; nodePort: number; targetPort: number }[] } };
    expect(svc.spec.type).toBe('NodePort');
    expect(svc.spec.ports[0]!.port).toBe(80);
    expect(svc.spec.ports[0]!.targetPort).toBe(80);
    expect(svc.spec.ports[0]!.nodePort).toBeGreaterThanOrEqual(30000);
  });

  it('client dry-run prints the Service kubectl would send', () => {
    const rig = rigFor();
    rig.run('kubectl create deployment web --image=nginx --port=80 -n kube-public');
    expect(rig.run('kubectl expose deploy web -n kube-public --port=8080 --target-port=http --name=front --dry-run=client -o yaml')).toBe(`apiVersion: v1
kind: Service
metadata:
  labels:
    app: web
  name: front
  namespace: kube-public
spec:
  ports:
  - port: 8080
    protocol: TCP
    targetPort: http
  selector:
    app: web
status:
  loadBalancer: {}
`);
    expect(rig.run('kubectl get-nothing')).toContain('unknown command');
    expect(rig.sim.api.admin().tryGet('services', 'kube-public', 'front')).toBeUndefined();
  });

  it('names several introspected ports port-1, port-2 and takes their protocols', () => {
    const rig = rigFor();
    rig.sim.api.admin().create('pods', 'default', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'dns', labels: { app: 'dns', tier: 'x' } },
      spec: { containers: [{ name: 'dns', image: 'coredns/coredns', ports: [{ containerPort: 53, protocol: 'UDP' }, { containerPort: 9153 }] }] },
    });
    expect(rig.run('kubectl expose pod dns --dry-run=client -o yaml --selector=app=dns')).toBe(`apiVersion: v1
kind: Service
metadata:
  labels:
    app: dns
    tier: x
  name: dns
spec:
  ports:
  - name: port-1
    port: 53
    protocol: UDP
    targetPort: 53
  - name: port-2
    port: 9153
    protocol: TCP
    targetPort: 9153
  selector:
    app: dns
status:
  loadBalancer: {}
`);
  });

  it.each([
    ['kubectl expose deployment nope', 'Error from server (NotFound): deployments.apps "nope" not found\n'],
    ['kubectl expose deployment noports', "error: couldn't find port via --port flag or introspection\n"],
    ['kubectl expose node controlplane --port=80', 'error: cannot expose a Node\n'],
    ['kubectl expose deployment noports --port=80 --session-affinity=Sticky', 'error: unknown session affinity: Sticky\n'],
    ['kubectl expose deployment noports --port=80 -o wide', 'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n'],
    ['kubectl expose', "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n"],
    ['kubectl expose foo bar', 'error: the server doesn\'t have a resource type "foo"\n'],
    ['kubectl scale deployment noports', 'error: required flag(s) "replicas" not set\n'],
    ['kubectl scale deployment noports --replicas=-2', 'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n'],
    ['kubectl scale deployment noports --replicas=2 --current-replicas=3', 'error: Expected replicas to be 3, was 1\n'],
    ['kubectl scale deployment noports --replicas=2 --dry-run=server', 'deployment.apps/noports scaled (server dry run)\n'],
    ['kubectl scale deployment/noports --replicas=2 -o name', 'deployment.apps/noports\n'],
  ])('%s', (line, expected) => {
    const rig = rigFor();
    rig.run('kubectl create deployment noports --image=nginx');
    expect(rig.run(line)).toBe(expected);
  });

  it('expose of a second service with the same name reports AlreadyExists', () => {
    const rig = rigFor();
    rig.run('kubectl create deployment web --image=nginx --port=80');
    rig.run('kubectl expose deployment web');
    expect(rig.run('kubectl expose deployment web')).toBe('Error from server (AlreadyExists): services "web" already exists\n');
  });
});
