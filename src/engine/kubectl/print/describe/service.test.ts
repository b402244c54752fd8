import { describe, expect, it } from 'vitest';
import type { Event, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { describeService, formatEndpointSlices } from './service';
import { ago, NOW, webSlice, webSvc } from '../testing/fixtures';

const web = webSvc as unknown as Service;
const slice = webSlice as unknown as EndpointSlice;

describe('kubectl describe svc', () => {
  it('REFERENCE §6.5 verbatim', () => {
    expect(describeService(web, [slice], [], NOW)).toBe(`Name:                     web
Namespace:                default
Labels:                   app=web
Annotations:              <none>
Selector:                 app=web
Type:                     ClusterIP
IP Family Policy:         SingleStack
IP Families:              IPv4
IP:                       10.96.100.10
IPs:                      10.96.100.10
Port:                     http  80/TCP
TargetPort:               8080/TCP
Endpoints:                10.244.1.5:8080,10.244.2.7:8080
Session Affinity:         None
Internal Traffic Policy:  Cluster
Events:                   <none>
`);
  });

  it('NodePort with an unnamed port, no ready endpoints, several labels, events (real capture layout)', () => {
    const svc: Service = {
      ...web,
      metadata: { name: 'frontend', namespace: 'default', labels: { app: 'guestbook', tier: 'frontend' } },
      spec: {
        ...web.spec,
        type: 'NodePort',
        selector: { app: 'guestbook', tier: 'frontend' },
        clusterIP: '10.43.123.109',
        clusterIPs: ['10.43.123.109'],
        externalTrafficPolicy: 'Cluster',
        ports: [{ port: 80, protocol: 'TCP', targetPort: 80, nodePort: 30009 }],
      },
    };
    const notReady: EndpointSlice = {
      ...slice,
      ports: [{ name: '', port: 80, protocol: 'TCP' }],
      endpoints: [{ addresses: ['10.244.1.9'], conditions: { ready: false } }],
    };
    const events: Event[] = [
      {
        metadata: { name: 'frontend.1' },
        involvedObject: {},
        type: 'Normal',
        reason: 'Type',
        message: 'ClusterIP -> NodePort',
        source: { component: 'service-controller' },
        firstTimestamp: ago(90),
        lastTimestamp: ago(90),
        count: 1,
      },
    ];
    expect(describeService(svc, [notReady], events, NOW)).toBe(`Name:                     frontend
Namespace:                default
Labels:                   app=guestbook
                          tier=frontend
Annotations:              <none>
Selector:                 app=guestbook,tier=frontend
Type:                     NodePort
IP Family Policy:         SingleStack
IP Families:              IPv4
IP:                       10.43.123.109
IPs:                      10.43.123.109
Port:                     <unset>  80/TCP
TargetPort:               80/TCP
NodePort:                 <unset>  30009/TCP
Endpoints:                
Session Affinity:         None
External Traffic Policy:  Cluster
Internal Traffic Policy:  Cluster
Events:
  Type    Reason  Age   From                Message
  ----    ------  ----  ----                -------
  Normal  Type    90s   service-controller  ClusterIP -> NodePort
`);
  });

  it('LoadBalancer ingress with ipMode and two named ports', () => {
    const svc: Service = {
      ...web,
      spec: {
        ...web.spec,
        type: 'LoadBalancer',
        externalTrafficPolicy: 'Cluster',
        ports: [
          { name: 'http', port: 80, protocol: 'TCP', targetPort: 8080, nodePort: 32411 },
          { name: 'https', port: 443, protocol: 'TCP', targetPort: 8080, nodePort: 32141 },
        ],
      },
      status: { loadBalancer: { ingress: [{ ip: '10.32.50.40', ipMode: 'VIP' }] } },
    };
    const out = describeService(svc, [slice], undefined, NOW);
    expect(out).toContain('LoadBalancer Ingress:     10.32.50.40 (VIP)\nPort:                     http  80/TCP\n');
    expect(out).toContain('NodePort:                 https  32141/TCP\nEndpoints:                <none>\n'.replace('<none>', ''));
    expect(out).not.toContain('Events:');
  });

  it('formatEndpointSlices: none, truncation and the not-ready-after-three quirk', () => {
    expect(formatEndpointSlices([])).toBe('<none>');
    const many: EndpointSlice = {
      ...slice,
      endpoints: ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4'].map((ip) => ({ addresses: [ip], conditions: { ready: true } })),
    };
    expect(formatEndpointSlices([many], new Set(['http']))).toBe('10.0.0.1:8080,10.0.0.2:8080,10.0.0.3:8080 + 1 more...');
    const quirk: EndpointSlice = { ...many, endpoints: [...many.endpoints.slice(0, 3), { addresses: ['10.0.0.9'], conditions: { ready: false } }] };
    expect(formatEndpointSlices([quirk], new Set(['http']))).toBe('10.0.0.1:8080,10.0.0.2:8080,10.0.0.3:8080 + 0 more...');
  });
});

describe('several descriptions', () => {
  it('are separated by a blank line pair, as in real `kubectl describe svc` captures', async () => {
    const { joinDescriptions } = await import('./common');
    expect(joinDescriptions(['Name: a\n', 'Name: b\n'])).toBe('Name: a\n\n\nName: b\n');
  });
});
