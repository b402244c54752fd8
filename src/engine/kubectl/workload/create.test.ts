import { describe, expect, it } from 'vitest';
import { workloadRig } from './testing/harness';

const rigFor = () => workloadRig();

describe('kubectl create generators', () => {
  it('create deployment --dry-run=client -o yaml prints the generated object', () => {
    const rig = rigFor();
    expect(rig.run('kubectl create deployment web --image=nginx --dry-run=client -o yaml')).toBe(`apiVersion: apps/v1
kind: Deployment
metadata:
  labels:
    app: web
  name: web
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  strategy: {}
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - image: nginx
        name: nginx
        resources: {}
status: {}
`);
    expect(rig.sim.api.admin().tryGet('deployments.apps', 'default', 'web')).toBeUndefined();
  });

  it('takes the container name from the last path segment of the image, without tag, and puts --port on the first container', () => {
    const rig = rigFor();
    const out = rig.run('kubectl create deployment alpaca-prod --image=gcr.io/kuar-demo/kuard-amd64:blue --port=8080 --replicas=2 -n kube-public --dry-run=client -o json');
    const obj = JSON.parse(out) as { metadata: { namespace: string }; spec: { replicas: number; template: { spec: { containers: { name: string; ports: unknown }[] } } } };
    expect(obj.metadata.namespace).toBe('kube-public');
    expect(obj.spec.replicas).toBe(2);
    expect(obj.spec.template.spec.containers[0]).toEqual({ name: 'kuard-amd64', image: 'gcr.io/kuar-demo/kuard-amd64:blue', ports: [{ containerPort: 8080 }], resources: {} });
  });

  it('sanitizes image names with dots or underscores and adds a random suffix', () => {
    const rig = rigFor();
    const out = rig.run('kubectl create deployment x --image=registry.k8s.io/my_app.v2:1.0 -o name --dry-run=client');
    expect(out).toBe('deployment.apps/x\n');
    const yaml = rig.run('kubectl create deployment x --image=registry.k8s.io/my_app.v2:1.0 -o yaml --dry-run=client');
    expect(yaml).toMatch(/name: my-app-v2-[bcdfghjklmnpqrstvwxz2456789]{5}\n/);
  });

  it('create service clusterip names ports after the --tcp pair', () => {
    const rig = rigFor();
    expect(rig.run('kubectl create service clusterip web --tcp=80:8080 --dry-run=client -o yaml')).toBe(`apiVersion: v1
kind: Service
metadata:
  labels:
    app: web
  name: web
spec:
  ports:
  - name: 80-8080
    port: 80
    protocol: TCP
    targetPort: 8080
  selector:
    app: web
  type: ClusterIP
status:
  loadBalancer: {}
`);
    expect(rig.run('kubectl create service clusterip web --tcp=80:8080')).toBe('service/web created\n');
  });

  it('create service nodeport --node-port and externalname --external-name', () => {
    const rig = rigFor();
    expect(rig.run('kubectl create service nodeport np --tcp=80 --node-port=30080')).toBe('service/np created\n');
    const np = rig.sim.api.admin().get('services', 'default', 'np') as unknown as { spec: { ports: { name: string; nodePort: number; targetPort: number }[] } };
    expect(np.spec.ports[0]).toMatchObject({ name: '80', nodePort: 30080, targetPort: 80 });
    expect(rig.run('kubectl create service externalname ext --external-name api.example.com --dry-run=client -o yaml')).toBe(`apiVersion: v1
kind: Service
metadata:
  labels:
    app: ext
  name: ext
spec:
  externalName: api.example.com
  selector:
    app: ext
  type: ExternalName
status:
  loadBalancer: {}
`);
    expect(rig.run('kubectl create service loadbalancer lb --tcp=443:8443')).toBe('service/lb created\n');
  });

  it('create namespace, serviceaccount and configmap', () => {
    const rig = rigFor();
    rig.shell.machine.fs.writeFile('/root/app.properties', 'color=blue\n');
    expect(rig.run('kubectl create namespace dev --dry-run=client -o yaml')).toBe('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: dev\nspec: {}\nstatus: {}\n');
    expect(
      rig.transcript([
        'kubectl create namespace dev',
        'kubectl create namespace dev',
        'kubectl create serviceaccount robot -n dev',
        'kubectl create configmap cfg --from-literal=a=1 --from-literal=b=x=y --from-file=app.properties -n dev',
        'kubectl create configmap bad --from-literal=a',
        'kubectl create configmap bad --from-file=missing.txt',
        'kubectl create configmap dup --from-literal=a=1 --from-literal=a=2',
      ]),
    ).toBe(`controlplane:~$ kubectl create namespace dev
namespace/dev created
controlplane:~$ kubectl create namespace dev
Error from server (AlreadyExists): namespaces "dev" already exists
controlplane:~$ kubectl create serviceaccount robot -n dev
serviceaccount/robot created
controlplane:~$ kubectl create configmap cfg --from-literal=a=1 --from-literal=b=x=y --from-file=app.properties -n dev
configmap/cfg created
controlplane:~$ kubectl create configmap bad --from-literal=a
error: invalid literal source a, expected key=value
controlplane:~$ kubectl create configmap bad --from-file=missing.txt
error: error reading missing.txt: no such file or directory
controlplane:~$ kubectl create configmap dup --from-literal=a=1 --from-literal=a=2
error: cannot add key "a", another key by that name already exists in Data for ConfigMap "dup"
`);
    const cm = rig.sim.api.admin().get('configmaps', 'dev', 'cfg') as unknown as { data: Record<string, string> };
    expect(cm.data).toEqual({ a: '1', b: 'x=y', 'app.properties': 'color=blue\n' });
  });

  it.each([
    ['kubectl create deployment web', 'error: required flag(s) "image" not set\n'],
    ['kubectl create deployment --image=nginx', "error: exactly one NAME is required, got 0\nSee 'kubectl create deployment -h' for help and examples\n"],
    ['kubectl create deployment a b --image=nginx', "error: exactly one NAME is required, got 2\nSee 'kubectl create deployment -h' for help and examples\n"],
    ['kubectl create deployment Web --image=nginx', 'error: failed to create deployment: Deployment.apps "Web" is invalid: metadata.name: Invalid value: "Web": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character (e.g. \'example.com\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\')\n'],
    ['kubectl create deployment web --image=nginx --dry-run=maybe', 'error: Invalid dry-run value (maybe). Must be "none", "server", or "client".\n'],
    ['kubectl create deployment web --image=nginx --dry-run=server', 'deployment.apps/web created (server dry run)\n'],
    ['kubectl create deployment web --image=nginx --dry-run=client', 'deployment.apps/web created (dry run)\n'],
    ['kubectl create service clusterip web', 'error: at least one tcp port specifier must be provided\n'],
    ['kubectl create service nodeport web --tcp=80 --node-port=80', 'error: failed to create NodePort service: Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767\n'],
    ['kubectl create service externalname web', 'error: required flag(s) "external-name" not set\n'],
    ['kubectl create service externalname web --external-name=Bad_Name', 'error: invalid service external name Bad_Name\n'],
    ['kubectl create service clusterip web --tcp=80:8080 --clusterip=None', 'service/web created\n'],
  ])('%s', (line, expected) => {
    expect(rigFor().run(line)).toBe(expected);
  });
});
