import { describe, expect, it } from 'vitest';
import { buildTable } from './tables';
import { printTable, TablePrinter } from './tablePrinter';
import { ago, DAY, kubernetesSlice, kubernetesSvc, namespace, NOW, pod, service, webDeployment, webEndpoints, webPods, webSlice, webSvc } from './testing/fixtures';
import type { KubeObject } from '../../api/types';

const get = (kind: string, objs: KubeObject[], opts = {}) => printTable(buildTable(kind, objs, NOW), opts);

describe('REFERENCE §6.4 samples, verbatim', () => {
  it('kubectl get svc', () => {
    expect(get('Service', [kubernetesSvc, webSvc])).toBe(
      `NAME         TYPE        CLUSTER-IP     EXTERNAL-IP   PORT(S)   AGE
kubernetes   ClusterIP   10.96.0.1      <none>        443/TCP   5d
web          ClusterIP   10.96.100.10   <none>        80/TCP    12s
`,
    );
  });

  it('kubectl get svc -o wide', () => {
    expect(get('Service', [kubernetesSvc, webSvc], { wide: true })).toBe(
      `NAME         TYPE        CLUSTER-IP     EXTERNAL-IP   PORT(S)   AGE   SELECTOR
kubernetes   ClusterIP   10.96.0.1      <none>        443/TCP   5d    <none>
web          ClusterIP   10.96.100.10   <none>        80/TCP    12s   app=web
`,
    );
  });

  it('kubectl get svc with mixed types', () => {
    const svcs = [
      service('db', { type: 'ClusterIP', clusterIP: 'None', clusterIPs: ['None'], ports: [{ port: 5432, protocol: 'TCP' }] }, 182),
      service('ext', { type: 'ExternalName', externalName: 'api.example.com' }, 45),
      service('lb', { type: 'LoadBalancer', clusterIPs: ['10.96.200.7'], ports: [{ port: 80, nodePort: 31544, protocol: 'TCP' }] }, 120),
      service('web-np', { type: 'NodePort', clusterIPs: ['10.96.55.3'], ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }, { port: 443, nodePort: 30443, protocol: 'TCP' }] }, 18 * 3600),
    ];
    expect(get('Service', svcs)).toBe(
      `NAME     TYPE           CLUSTER-IP    EXTERNAL-IP       PORT(S)                      AGE
db       ClusterIP      None          <none>            5432/TCP                     3m2s
ext      ExternalName   <none>        api.example.com   <none>                       45s
lb       LoadBalancer   10.96.200.7   <pending>         80:31544/TCP                 2m
web-np   NodePort       10.96.55.3    <none>            80:30080/TCP,443:30443/TCP   18h
`,
    );
  });

  it('kubectl get endpoints web', () => {
    expect(get('Endpoints', [webEndpoints])).toBe(
      `NAME   ENDPOINTS                         AGE
web    10.244.1.5:8080,10.244.2.7:8080   12s
`,
    );
  });

  it('kubectl get endpointslices', () => {
    expect(get('EndpointSlice', [kubernetesSlice, webSlice])).toBe(
      `NAME         ADDRESSTYPE   PORTS   ENDPOINTS               AGE
kubernetes   IPv4          6443    172.18.0.2              5d
web-7xk2p    IPv4          8080    10.244.1.5,10.244.2.7   12s
`,
    );
  });

  it('kubectl get pods -o wide', () => {
    expect(get('Pod', webPods, { wide: true })).toBe(
      `NAME                   READY   STATUS    RESTARTS   AGE   IP           NODE      NOMINATED NODE   READINESS GATES
web-5d78c9b8f6-2xkqz   1/1     Running   0          30s   10.244.1.5   worker1   <none>           <none>
web-5d78c9b8f6-h7v4n   1/1     Running   0          30s   10.244.2.7   worker2   <none>           <none>
`,
    );
  });

  it('kubectl get deploy', () => {
    expect(get('Deployment', [webDeployment])).toBe(
      `NAME   READY   UP-TO-DATE   AVAILABLE   AGE
web    2/2     2            2           30s
`,
    );
  });

  it('kubectl get ns', () => {
    const nss = ['default', 'kube-node-lease', 'kube-public', 'kube-system'].map((n) => namespace(n, 5 * DAY));
    expect(get('Namespace', nss)).toBe(
      `NAME              STATUS   AGE
default           Active   5d
kube-node-lease   Active   5d
kube-public       Active   5d
kube-system       Active   5d
`,
    );
  });

  it('kubectl get svc -n kube-system', () => {
    const dns = service(
      'kube-dns',
      {
        type: 'ClusterIP',
        clusterIPs: ['10.96.0.10'],
        ports: [
          { name: 'dns', port: 53, protocol: 'UDP' },
          { name: 'dns-tcp', port: 53, protocol: 'TCP' },
          { name: 'metrics', port: 9153, protocol: 'TCP' },
        ],
      },
      5 * DAY,
    );
    expect(get('Service', [dns])).toBe(
      `NAME       TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)                  AGE
kube-dns   ClusterIP   10.96.0.10   <none>        53/UDP,53/TCP,9153/TCP   5d
`,
    );
  });

  it('endpoints truncation as captured on a real cluster', () => {
    const ep: KubeObject = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'kube-dns', namespace: 'kube-system', creationTimestamp: ago(DAY) },
      subsets: [
        {
          addresses: [{ ip: '10.244.0.16' }, { ip: '10.244.0.17' }],
          ports: [
            { name: 'dns', port: 53, protocol: 'UDP' },
            { name: 'dns-tcp', port: 53, protocol: 'TCP' },
            { name: 'metrics', port: 9153, protocol: 'TCP' },
          ],
        },
      ],
    };
    expect(buildTable('Endpoints', [ep], NOW).rows[0]!.cells[1]).toBe('10.244.0.16:53,10.244.0.17:53,10.244.0.16:53 + 3 more...');
  });
});

describe('table options', () => {
  it('-A prepends NAMESPACE, --show-labels appends LABELS', () => {
    expect(get('Deployment', [webDeployment], { withNamespace: true, showLabels: true })).toBe(
      `NAMESPACE   NAME   READY   UP-TO-DATE   AVAILABLE   AGE   LABELS
default     web    2/2     2            2           30s   app=web
`,
    );
  });

  it('--no-headers and -L label columns (header = last path segment)', () => {
    expect(get('Pod', webPods.slice(0, 1), { noHeaders: true, labelColumns: ['app', 'example.com/tier'] })).toBe(
      'web-5d78c9b8f6-2xkqz   1/1   Running   0     30s   web   \n',
    );
    expect(get('Pod', webPods.slice(0, 1), { labelColumns: ['app', 'example.com/tier'] })).toBe(
      `NAME                   READY   STATUS    RESTARTS   AGE   APP   TIER
web-5d78c9b8f6-2xkqz   1/1     Running   0          30s   web   
`,
    );
  });

  it('kubectl get all: kind prefixes and a blank line between kinds, each aligned on its own', () => {
    const p = new TablePrinter();
    const out =
      p.print('pods', buildTable('Pod', webPods, NOW), { kindPrefix: 'pod' }) +
      p.print('services', buildTable('Service', [kubernetesSvc, webSvc], NOW), { kindPrefix: 'service' }) +
      p.print('deployments.apps', buildTable('Deployment', [webDeployment], NOW), { kindPrefix: 'deployment.apps' });
    expect(out).toBe(
      `NAME                       READY   STATUS    RESTARTS   AGE
pod/web-5d78c9b8f6-2xkqz   1/1     Running   0          30s
pod/web-5d78c9b8f6-h7v4n   1/1     Running   0          30s

NAME                 TYPE        CLUSTER-IP     EXTERNAL-IP   PORT(S)   AGE
service/kubernetes   ClusterIP   10.96.0.1      <none>        443/TCP   5d
service/web          ClusterIP   10.96.100.10   <none>        80/TCP    12s

NAME                  READY   UP-TO-DATE   AVAILABLE   AGE
deployment.apps/web   2/2     2            2           30s
`,
    );
  });

  it('-w: later rows print without headers, padded to the widths already printed', () => {
    const p = new TablePrinter();
    const first = p.print('pods', buildTable('Pod', webPods, NOW));
    const shortName = pod('web-x', '10.244.1.9', 'worker1', 0, {
      phase: 'Pending',
      conditions: [],
      containerStatuses: [{ name: 'nginx', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } }],
    });
    const next = p.print('pods', buildTable('Pod', [shortName], NOW));
    expect(first.split('\n')[0]).toBe('NAME                   READY   STATUS    RESTARTS   AGE');
    expect(next).toBe('web-x                  0/1     ContainerCreating   0          0s\n');
  });

  it('multi-line cells are cut at the first line break with "..."', () => {
    const ev: KubeObject = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'web.1', namespace: 'default' },
      involvedObject: { kind: 'Pod', name: 'web' },
      type: 'Warning',
      reason: 'Failed',
      message: 'line one\nline two',
      firstTimestamp: ago(10),
      lastTimestamp: ago(10),
      count: 1,
    };
    expect(get('Event', [ev])).toBe(`LAST SEEN   TYPE      REASON   OBJECT    MESSAGE
10s         Warning   Failed   pod/web   line one...
`);
  });
});
