/**
 * Golden output of the network tools on a running cluster (seeded, so names, IPs, ports and
 * times are reproducible). Review `__golden__/*.txt` by hand after `vitest -u`.
 */
import { describe, expect, it } from 'vitest';
import type { Service } from 'kubernetes-types/core/v1';
import type { Place, ToolFactory } from '../../cluster/tools';
import { labCluster, service } from '../testing/labCluster';
import { curlTool } from './curl';
import { nodeTools, podTools } from './index';
import { runTool } from './testing';

const web = service('web', { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 80 }] });
const nobody = service('nobody', { selector: { app: 'nobody' }, ports: [{ port: 80 }] });
const badport = service('badport', { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] });
const client: Place = { kind: 'container', namespace: 'default', pod: 'client', container: 'client', node: 'node01' };
const node01: Place = { kind: 'node', node: 'node01' };

function session(lab: ReturnType<typeof labCluster>, steps: [Place, string, ToolFactory, string[]][]): string {
  let out = '';
  for (const [place, label, tool, argv] of steps) {
    const r = runTool(lab.sim, place, tool, argv);
    out += `${label}$ ${argv.join(' ')}\n${r.output}[exit ${r.exitCode}]\n`;
  }
  return out;
}

describe('network tools, iptables mode', () => {
  const lab = labCluster([web, nobody, badport]);
  const ip = (n: string) => (lab.sim.api.admin().get('services', 'default', n) as unknown as Service).spec!.clusterIP!;
  const webIP = lab.pods('app=web').find((p) => p.spec!.nodeName === 'node02')!.status!.podIP!;
  const pod = (tool: string, argv: string[]): [Place, string, ToolFactory, string[]] => [client, 'client ', podTools[tool]!, [tool, ...argv]];
  const node = (tool: string, argv: string[]): [Place, string, ToolFactory, string[]] => [node01, 'node01 ', nodeTools[tool]!, [tool, ...argv]];

  it('curl: body, status code, verbose, HEAD and every failure curl reports', async () => {
    const text = session(lab, [
      pod('curl', ['-s', `http://${ip('web')}`]),
      pod('curl', ['-sS', '-o', '/dev/null', '-w', '%{http_code}\\n', `${ip('web')}:80`]),
      pod('curl', ['-o', '/dev/null', `${ip('web')}`]),
      pod('curl', ['-I', ip('web')]),
      pod('curl', ['-v', `http://${webIP}/`]),
      pod('curl', [`http://${ip('nobody')}`]),
      pod('curl', ['-sS', `http://${ip('badport')}`]),
      pod('curl', ['-m', '5', `http://${ip('web')}:81`]),
      pod('curl', ['http://web']),
      pod('curl', ['-s', 'http://web']),
    ]);
    await expect(text).toMatchFileSnapshot('__golden__/curl.txt');
  });

  it('curl exact errors (REFERENCE §1.6)', () => {
    const r = runTool(lab.sim, client, curlTool, ['curl', `http://${ip('nobody')}`]);
    expect(r.stderr).toBe(`curl: (7) Failed to connect to ${ip('nobody')} port 80 after 0 ms: Couldn't connect to server\n`);
    expect(r.exitCode).toBe(7);
    const t = runTool(lab.sim, client, curlTool, ['curl', '-m', '5', `http://${ip('web')}:81`]);
    expect(t.stderr).toBe('curl: (28) Connection timed out after 5001 milliseconds\n');
    expect(t.exitCode).toBe(28);
    expect(runTool(lab.sim, client, curlTool, ['curl', 'x']).stderr).toBe('curl: (6) Could not resolve host: x\n');
  });

  it('a tool\'s request is published as a trace for the packet player', () => {
    const seen: string[] = [];
    const stop = lab.net.onTrace((t) => seen.push(`${t.request.dst}:${t.request.dport} ${t.outcome.kind}`));
    runTool(lab.sim, client, curlTool, ['curl', '-s', `http://${ip('nobody')}`]);
    stop();
    runTool(lab.sim, client, curlTool, ['curl', '-s', `http://${ip('web')}`]);
    expect(seen).toEqual([`${ip('nobody')}:80 refused`]);
    expect(lab.net.recentTraces().at(-1)!.outcome.kind).toBe('delivered');
  });

  it('wget, nc, ping (busybox in busybox images, iputils on nodes), ip', async () => {
    const text = session(lab, [
      pod('wget', ['-qO-', `http://${ip('web')}`]),
      pod('wget', [`http://${ip('web')}/`]),
      pod('wget', [`http://${ip('nobody')}/`]),
      pod('nc', ['-zv', ip('web'), '80']),
      pod('nc', ['-zv', ip('badport'), '80']),
      pod('ping', ['-c', '2', webIP]),
      pod('ping', ['-c', '2', ip('web')]),
      node('ping', ['-c', '2', webIP]),
      node('ping', ['-c', '1', '-W', '1', ip('web')]),
      pod('ip', ['addr']),
      pod('ip', ['route']),
      node('ip', ['route']),
      node('ip', ['a', 'show', 'cni0']),
      node('ip', ['addr', 'show', 'nope']),
      pod('traceroute', ['-n', webIP]),
      pod('traceroute', [lab.pods('app=web').find((p) => p.spec!.nodeName === 'node01')!.status!.podIP!]),
      pod('traceroute', ['-n', '-m', '4', ip('web')]),
    ]);
    await expect(text).toMatchFileSnapshot('__golden__/pod-and-node-tools.txt');
  });

  it('conntrack -L shows the DNAT of the connections made so far', async () => {
    lab.net.flushConntrack('node01');
    runTool(lab.sim, client, curlTool, ['curl', '-s', `http://${ip('web')}`]);
    runTool(lab.sim, node01, curlTool, ['curl', '-s', `http://${ip('web')}`]);
    const text = session(lab, [node('conntrack', ['-L']), node('iptables', ['-t', 'nat', '-S', 'KUBE-SERVICES']), node('iptables', ['-L', 'NOPE'])]);
    await expect(text).toMatchFileSnapshot('__golden__/conntrack-iptables.txt');
  });
});

describe('network tools, IPVS mode: connections per virtual server', () => {
  const np = service('np', { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80 }] });
  const lab = labCluster([np], { ipvs: true, webReplicas: 1 });

  it('a NodePort request counts under the NodePort virtual server, not also under the ClusterIP one', () => {
    const svc = lab.sim.api.admin().get('services', 'default', 'np') as unknown as Service;
    const nodePort = svc.spec!.ports![0]!.nodePort!;
    expect(runTool(lab.sim, { kind: 'node', node: 'controlplane' }, curlTool, ['curl', '-sS', '-o', '/dev/null', `http://172.18.0.3:${nodePort}`]).output).toBe('');
    const text = runTool(lab.sim, node01, nodeTools['ipvsadm']!, ['ipvsadm', '-Ln']).stdout;
    const inactive = (vs: string) => text.split(`TCP  ${vs} rr\n`)[1]!.split('\n')[0]!.trim().split(/\s+/).at(-1);
    expect(inactive(`172.18.0.3:${nodePort}`)).toBe('1');
    expect(inactive(`${svc.spec!.clusterIP}:80`)).toBe('0');
  });
});

describe('network tools, IPVS mode', () => {
  const lab = labCluster([web, nobody], { ipvs: true });
  const ip = (n: string) => (lab.sim.api.admin().get('services', 'default', n) as unknown as Service).spec!.clusterIP!;

  it('ipvsadm -Ln counts closed connections as InActConn; kube-ipvs0 holds every Service IP', async () => {
    for (let i = 0; i < 3; i++) runTool(lab.sim, client, curlTool, ['curl', '-s', '-o', '/dev/null', `http://${ip('web')}`]);
    const node = (tool: string, argv: string[]): [Place, string, ToolFactory, string[]] => [node01, 'node01 ', nodeTools[tool]!, [tool, ...argv]];
    const text = session(lab, [node('ipvsadm', ['-Ln']), node('ip', ['addr', 'show', 'kube-ipvs0']), [client, 'client ', podTools['ping']!, ['ping', '-c', '1', ip('web')]]]);
    await expect(text).toMatchFileSnapshot('__golden__/ipvs.txt');
  });

  it('ipvsadm accepts -l as -L and clustered flags; -t/-u list one service without the version line', () => {
    const run = (...argv: string[]) => {
      const r = runTool(lab.sim, node01, nodeTools['ipvsadm']!, ['ipvsadm', ...argv]);
      return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
    };
    const all = run('-Ln');
    expect(run('-ln').stdout).toBe(all.stdout);
    expect(run('-L', '-n').stdout).toBe(all.stdout);
    expect(run('--list', '--numeric').stdout).toBe(all.stdout);
    expect(run('-Ln', '-u', '10.96.0.10:53')).toEqual({ stderr: '', stdout: `Prot LocalAddress:Port Scheduler Flags
  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn
UDP  10.96.0.10:53 rr
  -> 10.244.1.2:53                Masq    1      0          0         
  -> 10.244.2.2:53                Masq    1      0          0         
`, exitCode: 0 });
    expect(run('-L', '-n', '--tcp-service', '10.96.0.1:443').stdout).toContain('TCP  10.96.0.1:443 rr\n  -> 172.18.0.2:6443 ');
    expect(run('-Ln', '-t', '10.96.0.10:5353')).toEqual({ stdout: '', stderr: 'No such service\n', exitCode: 1 });
    expect(run('-Ln', '-t')).toEqual({ stdout: '', stderr: "ipvsadm: option requires an argument -- 't'\n", exitCode: 2 });
    expect(run('-Z')).toEqual({ stdout: '', stderr: "ipvsadm: invalid option -- 'Z'\n", exitCode: 2 });
  });
});
