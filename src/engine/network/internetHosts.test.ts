/** The web outside the cluster: pods reach it through their node's masquerade, names through CoreDNS's forward. */
import { describe, expect, it } from 'vitest';
import type { Place } from '../cluster/tools';
import { clusterDns } from '../dnsIntegration/resolveFromPod';
import { EXAMPLE_COM_PAGE } from './internetHosts';
import { labCluster } from './testing/labCluster';
import { curlTool } from './tools/curl';
import { podTools } from './tools/index';
import { runTool } from './tools/testing';

const client: Place = { kind: 'container', namespace: 'default', pod: 'client', container: 'client', node: 'node01' };

describe('hosts on the Internet', () => {
  const lab = labCluster();
  clusterDns(lab.sim);
  lab.sim.advance(2000);
  const curl = (place: Place, ...argv: string[]) => runTool(lab.sim, place, curlTool, ['curl', ...argv]);

  it('example.com serves its well-known 1256-byte page, over HTTP and HTTPS', () => {
    expect(EXAMPLE_COM_PAGE).toHaveLength(1256);
    expect(curl(client, '-s', 'example.com').stdout).toBe(EXAMPLE_COM_PAGE);
    expect(curl(client, '-s', '-o', '/dev/null', '-w', '%{http_code} %{size_download} %{http_version}', 'https://www.example.com/').stdout).toBe('200 1256 2');
    expect(curl({ kind: 'node', node: 'node02' }, '-sI', 'http://example.com').stdout).toMatch(/^HTTP\/1\.1 200 OK\r\nAccept-Ranges: bytes\r\n.*Content-Length: 1256\r\n\r\n$/s);
  });

  it('busybox wget speaks TLS without checking the certificate, and says so', () => {
    const r = runTool(lab.sim, client, podTools['wget']!, ['wget', '-qO-', 'https://example.com/']);
    expect(r.stderr).toBe('wget: note: TLS certificate validation not implemented\n');
    expect(r.stdout).toBe(EXAMPLE_COM_PAGE);
  });

  it('HTTPS-only sites redirect plain HTTP; -L follows to the page', () => {
    const r = curl(client, '-sI', 'http://kubernetes.io/docs/');
    expect(r.stdout).toContain('HTTP/1.1 301 Moved Permanently\r\n');
    expect(r.stdout).toContain('Location: https://kubernetes.io/docs/\r\n');
    expect(curl(client, '-sIL', 'http://kubernetes.io/').stdout).toContain('HTTP/2 200 \r\n');
  });

  it('the request leaves the pod\'s node masqueraded, and unknown names still fail', () => {
    curl(client, '-s', '-o', '/dev/null', 'http://example.com/');
    const trace = lab.net.recentTraces().at(-1)!;
    const masq = trace.hops.find((h) => h.where.chain === 'POSTROUTING' && h.where.machine === 'node01' && h.after.src === '172.18.0.3');
    expect(masq?.before.src).toMatch(/^10\.244\.1\./);
    expect(trace.outcome).toMatchObject({ kind: 'delivered', machine: 'outside:example.com' });
    expect(curl(client, '-sS', 'http://nope.example.org').stderr).toBe('curl: (6) Could not resolve host: nope.example.org\n');
  });
});
