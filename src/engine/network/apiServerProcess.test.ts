/**
 * kube-apiserver reached over the network (static pod on controlplane:6443, host network): through
 * the `kubernetes` Service from a pod, with kubeadm's anonymous auth and default RBAC, TLS as
 * curl 8.5 verifies it, and the scheduler's loopback-only secure port.
 */
import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import type { Place, ToolFactory } from '../cluster/tools';
import { volumeFiles } from '../cluster/volumeFiles';
import { labCluster } from './testing/labCluster';
import { curlTool } from './tools/curl';
import { verifyCert } from './tools/curlTls';
import { runTool } from './tools/testing';
import { apiServerCert } from '../apps';
import { clusterDns } from '../dnsIntegration/resolveFromPod';

const client: Place = { kind: 'container', namespace: 'default', pod: 'client', container: 'client', node: 'node01' };
const SA = '/var/run/secrets/kubernetes.io/serviceaccount';

describe('kube-apiserver on the network', () => {
  const lab = labCluster();
  // Names resolve through CoreDNS, as in every pod of a real cluster.
  clusterDns(lab.sim);
  lab.sim.advance(2000);
  const pod = lab.sim.api.admin().get('pods', 'default', 'client') as unknown as Pod;
  const files = volumeFiles(lab.sim.api.admin(), pod, 'client');
  /** curl in the client pod, with its projected service-account files on disk. */
  const curl = (...argv: string[]) => {
    const withFiles: ToolFactory = (env) => (ctx) => {
      for (const [path, content] of Object.entries(files)) {
        ctx.fs.mkdir(path.slice(0, path.lastIndexOf('/')), true);
        ctx.fs.writeFile(path, content);
      }
      return curlTool(env)(ctx);
    };
    return runTool(lab.sim, client, withFiles, ['curl', ...argv]);
  };

  it('projects the service-account token, the cluster CA and the namespace into the pod', () => {
    expect(Object.keys(files).sort()).toEqual([`${SA}/ca.crt`, `${SA}/namespace`, `${SA}/token`]);
    expect(files[`${SA}/namespace`]).toBe('default');
    expect(files[`${SA}/ca.crt`]).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
    expect(files[`${SA}/token`]!.split('.')).toHaveLength(3);
  });

  it('anonymous: /version and the health endpoints answer, everything else is Forbidden', () => {
    const version = JSON.parse(curl('-sk', 'https://kubernetes.default/version').stdout) as Record<string, string>;
    expect(Object.keys(version)).toEqual(['major', 'minor', 'emulationMajor', 'emulationMinor', 'minCompatibilityMajor', 'minCompatibilityMinor', 'gitVersion', 'gitCommit', 'gitTreeState', 'buildDate', 'goVersion', 'compiler', 'platform']);
    expect(version.gitVersion).toBe('v1.34.1');
    expect(curl('-sk', 'https://10.96.0.1/livez').stdout).toBe('ok');
    expect(curl('-sk', 'https://10.96.0.1/').stdout).toBe(`{
  "kind": "Status",
  "apiVersion": "v1",
  "metadata": {},
  "status": "Failure",
  "message": "forbidden: User \\"system:anonymous\\" cannot get path \\"/\\"",
  "reason": "Forbidden",
  "details": {},
  "code": 403
}
`);
    const pods = JSON.parse(curl('-sk', 'https://kubernetes.default.svc.cluster.local/api/v1/namespaces/default/pods').stdout) as { message: string; details: unknown };
    expect(pods.message).toBe('pods is forbidden: User "system:anonymous" cannot list resource "pods" in API group "" in the namespace "default"');
    expect(pods.details).toEqual({ kind: 'pods' });
  });

  it('a service-account token authenticates; RBAC decides as it does for kubectl', () => {
    const token = files[`${SA}/token`]!;
    const as = (path: string) => JSON.parse(curl('-s', '--cacert', `${SA}/ca.crt`, '-H', `Authorization: Bearer ${token}`, `https://kubernetes.default.svc${path}`).stdout) as Record<string, unknown>;
    expect(as('/api')).toEqual({ kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '172.18.0.2:6443' }] });
    expect(as('/api/v1/namespaces/default/services/kubernetes').message).toBe('services "kubernetes" is forbidden: User "system:serviceaccount:default:default" cannot get resource "services" in API group "" in the namespace "default"');
    expect(curl('-s', '-k', '-H', 'Authorization: Bearer nope', 'https://10.96.0.1/api').stdout).toContain('"message": "Unauthorized"');
  });

  it('TLS as curl sees it: the cluster CA is not in the system bundle; --cacert fixes it; plain HTTP gets Go\'s 400', () => {
    const bad = curl('https://kubernetes.default/healthz');
    expect(bad.stderr).toBe(
      'curl: (60) SSL certificate problem: unable to get local issuer certificate\nMore details here: https://curl.se/docs/sslcerts.html\n\n' +
        'curl failed to verify the legitimacy of the server and therefore could not\nestablish a secure connection to it. To learn more about this situation and\nhow to fix it, please visit the web page mentioned above.\n',
    );
    expect(bad.exitCode).toBe(60);
    expect(curl('--cacert', `${SA}/ca.crt`, 'https://kubernetes.default.svc/healthz').stdout).toBe('ok');
    expect(curl('-sS', '--cacert', '/nope.crt', 'https://10.96.0.1/healthz')).toMatchObject({ stderr: 'curl: (77) error setting certificate file: /nope.crt\n', exitCode: 77 });
    const plain = curl('-si', 'http://10.96.0.1:443/');
    expect(plain.stdout).toBe('HTTP/1.0 400 Bad Request\r\n\r\nClient sent an HTTP request to an HTTPS server.\n');
    const web = curl('-sS', '-k', 'https://10.96.0.1:443/version', '-o', '/dev/null', '-w', '%{http_version} %{http_code}\\n');
    expect(web.stdout).toBe('2 200\n');
    expect(curl('-sik', 'https://10.96.0.1/livez').stdout).toMatch(/^HTTP\/2 200 \r\naudit-id: [0-9a-f-]{36}\r\ncache-control: no-cache, private\r\ncontent-type: text\/plain; charset=utf-8\r\n/);
  });

  it('the certificate names: kubeadm\'s SANs pass, others fail the host check', () => {
    const cert = apiServerCert({ image: 'kube-apiserver', command: ['kube-apiserver', '--advertise-address=172.18.0.2', '--service-cluster-ip-range=10.96.0.0/12'], tty: false, stdin: false, containerPorts: [], env: {}, startedAt: 0, hostname: 'controlplane' });
    expect(cert.ips).toEqual(['10.96.0.1', '172.18.0.2']);
    for (const host of ['kubernetes', 'kubernetes.default.svc.cluster.local', 'controlplane', '10.96.0.1']) expect(verifyCert(cert, host, ['kubernetes'])).toBeUndefined();
    expect(verifyCert(cert, 'api.example.com', ['kubernetes'])?.message).toBe("SSL: no alternative certificate subject name matches target host name 'api.example.com'");
  });

  it('kube-scheduler listens on 127.0.0.1:10259 only, with its self-signed pair', () => {
    const cp: Place = { kind: 'node', node: 'controlplane' };
    const run = (...argv: string[]) => runTool(lab.sim, cp, curlTool, ['curl', ...argv]);
    expect(run('-sk', 'https://127.0.0.1:10259/healthz').stdout).toBe('ok');
    expect(run('-sS', 'https://127.0.0.1:10259/healthz').stderr).toContain('curl: (60) SSL certificate problem: self-signed certificate in certificate chain\n');
    expect(run('-sS', 'https://172.18.0.2:10259/healthz').stderr).toBe("curl: (7) Failed to connect to 172.18.0.2 port 10259 after 0 ms: Couldn't connect to server\n");
    expect(run('-sk', 'https://127.0.0.1:10259/metrics').stdout).toContain('cannot get path \\"/metrics\\"');
  });
});
