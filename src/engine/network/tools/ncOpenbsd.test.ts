/** OpenBSD netcat's messages (netcat-openbsd on Ubuntu images and on the nodes). */
import { describe, expect, it } from 'vitest';
import type { Service } from 'kubernetes-types/core/v1';
import type { Place } from '../../cluster/tools';
import { labCluster, service } from '../testing/labCluster';
import { podTools } from './index';
import { runTool } from './testing';

const web = service('web', { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80 }] });
const nobody = service('nobody', { selector: { app: 'nobody' }, ports: [{ port: 80 }] });
const node: Place = { kind: 'node', node: 'node01' };

describe('nc (OpenBSD)', () => {
  const lab = labCluster([web, nobody]);
  const ip = (n: string) => (lab.sim.api.admin().get('services', 'default', n) as unknown as Service).spec!.clusterIP!;
  const nc = (...argv: string[]) => {
    const r = runTool(lab.sim, node, podTools['nc']!, ['nc', ...argv]);
    return { stderr: r.stderr, exitCode: r.exitCode };
  };

  it('-zv reports success with the service name, failures only with -v', () => {
    expect(nc('-zv', ip('web'), '80')).toEqual({ stderr: `Connection to ${ip('web')} 80 port [tcp/http] succeeded!\n`, exitCode: 0 });
    expect(nc('-z', ip('web'), '80')).toEqual({ stderr: '', exitCode: 0 });
    expect(nc('-zv', ip('nobody'), '80')).toEqual({ stderr: `nc: connect to ${ip('nobody')} port 80 (tcp) failed: Connection refused\n`, exitCode: 1 });
    expect(nc('-z', ip('nobody'), '80')).toEqual({ stderr: '', exitCode: 1 });
    expect(nc('-zv', '-w', '2', ip('web'), '81')).toEqual({ stderr: `nc: connect to ${ip('web')} port 81 (tcp) timed out: Operation now in progress\n`, exitCode: 1 });
    expect(nc('-zvn', ip('web'), '80').stderr).toBe(`Connection to ${ip('web')} 80 port [tcp/*] succeeded!\n`);
    expect(nc('-zv', 'nope', '80')).toEqual({ stderr: 'nc: getaddrinfo for host "nope" port 80: Name or service not known\n', exitCode: 1 });
    expect(nc('-zv').stderr).toMatch(/^usage: nc \[-46CDdFhklNnrStUuvZz\]/);
  });
});
