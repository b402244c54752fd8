/**
 * curl's --write-out after failed transfers too (tool_operate.c post_per_transfer calls
 * ourWriteOut whatever the result): `000`, empty remote address, port 0, the meter's zero line.
 */
import { describe, expect, it } from 'vitest';
import type { Service } from 'kubernetes-types/core/v1';
import type { Place } from '../../cluster/tools';
import { labCluster, service } from '../testing/labCluster';
import { curlTool } from './curl';
import { writeOut } from './curlWriteOut';
import type { TransferInfo } from './curlWriteOut';
import { runTool } from './testing';

const web = service('web', { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80 }] });
const nobody = service('nobody', { selector: { app: 'nobody' }, ports: [{ port: 80 }] });
const client: Place = { kind: 'container', namespace: 'default', pod: 'client', container: 'client', node: 'node01' };

describe('curl -w', () => {
  const lab = labCluster([web, nobody]);
  const ip = (n: string) => (lab.sim.api.admin().get('services', 'default', n) as unknown as Service).spec!.clusterIP!;
  const curl = (...argv: string[]) => runTool(lab.sim, client, curlTool, ['curl', ...argv]);

  it('prints 000 for a refused connection, after the error line', () => {
    const r = curl('-sS', '-o', '/dev/null', '-w', '%{http_code}\\n', `http://${ip('nobody')}`);
    expect(r.output).toBe(`curl: (7) Failed to connect to ${ip('nobody')} port 80 after 0 ms: Couldn't connect to server\n000\n`);
    expect(r.exitCode).toBe(7);
  });

  it('prints 000 for a name that does not resolve and for a time-out', () => {
    expect(curl('-s', '-w', '%{http_code} %{exitcode}', 'http://nope').stdout).toBe('000 6');
    const t = curl('-s', '-m', '2', '-w', '%{http_code} %{time_total} %{errormsg}', `http://${ip('web')}:81`);
    expect(t.stdout).toBe('000 2.001000 Connection timed out after 2001 milliseconds');
    expect(t.exitCode).toBe(28);
  });

  it('knows nothing of the remote end when it never connected; everything after a success', () => {
    const vars = '%{remote_ip}:%{remote_port} %{local_port} %{size_download} %{num_connects} %{url_effective} %{method} %{http_version}';
    expect(curl('-s', '-w', vars, `http://${ip('nobody')}`).stdout).toBe(`:0 0 0 0 http://${ip('nobody')}/ GET 0`);
    const ok = curl('-s', '-o', '/dev/null', '-w', vars, `http://${ip('web')}`).stdout;
    expect(ok).toMatch(new RegExp(`^${ip('web').replace(/\./g, '\\.')}:80 \\d+ 615 1 http://${ip('web').replace(/\./g, '\\.')}/ GET 1\\.1$`));
  });

  it('without -s the meter shows its zero line before the error', () => {
    const r = curl('-o', '/dev/null', '-w', '%{http_code}\\n', `http://${ip('nobody')}`);
    expect(r.stderr).toBe(
      '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
        '                                 Dload  Upload   Total   Spent    Left  Speed\n' +
        '  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0\n' +
        `curl: (7) Failed to connect to ${ip('nobody')} port 80 after 0 ms: Couldn't connect to server\n`,
    );
    expect(r.stdout).toBe('000\n');
  });

  it('reads the format from a file with @', () => {
    const run = runTool(lab.sim, client, (env) => (ctx) => {
      ctx.fs.writeFile('/root/fmt.txt', 'code=%{response_code}\\n');
      return curlTool(env)(ctx);
    }, ['curl', '-s', '-o', '/dev/null', '-w', '@fmt.txt', `http://${ip('web')}`]);
    expect(run.stdout).toBe('code=200\n');
  });
});

describe('writeOut', () => {
  const failed: TransferInfo = {
    httpCode: 0, sizeDownload: 0, sizeHeader: 0, sizeRequest: 0, url: 'x', urlEffective: 'http://x/', numRedirects: 0, numConnects: 0, method: 'GET', headers: [],
    times: { namelookup: 0, connect: 0, appconnect: 0, pretransfer: 0, starttransfer: 0, total: 12 }, exitCode: 6, errorMessage: 'Could not resolve host: x', sslVerifyResult: 0, httpVersion: '0',
  };
  const run = (fmt: string, t = failed) => {
    let out = '';
    let err = '';
    writeOut(fmt, t, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
    return { out, err };
  };

  it('escapes, unknown variables, streams and onerror as tool_writeout.c', () => {
    expect(run('100%% %{bogus}\\t\\q\\n')).toEqual({ out: '100% \t\\q\n', err: "curl: unknown --write-out variable: 'bogus'\n" });
    expect(run('%{stderr}%{errormsg}\\n%{stdout}%{exitcode}')).toEqual({ out: '6', err: 'Could not resolve host: x\n' });
    expect(run('a%{onerror}b')).toEqual({ out: 'ab', err: '' });
    expect(run('a%{onerror}b', { ...failed, exitCode: 0 })).toEqual({ out: 'a', err: '' });
    expect(run('%{time_total} %{http_code} %{response_code}')).toEqual({ out: '0.012000 000 000', err: '' });
    expect(run('%{unterminated')).toEqual({ out: '%{unterminated', err: '' });
  });
});
