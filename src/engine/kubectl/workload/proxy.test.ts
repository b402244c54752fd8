import { describe, expect, it } from 'vitest';
import { localHttp } from '../../network/localListeners';
import { workloadRig } from './testing/harness';

function nginxRig() {
  const rig = workloadRig({}, { timeFlows: true });
  rig.run('kubectl create deployment nginx --image=nginx --port=80');
  rig.run('kubectl expose deployment nginx');
  rig.sim.runUntilSettled();
  // nginx accepts connections a moment after its container starts.
  rig.sim.advance(10_000);
  return rig;
}

describe('kubectl proxy and port-forward', () => {
  it('proxy serves API objects and reaches the Service pods until Ctrl+C', () => {
    const rig = nginxRig();
    const started = rig.shell.execute('kubectl proxy');
    expect(started.output).toBe('Starting to serve on 127.0.0.1:8001\n');
    expect(started.running).toBe(true);
    const obj = localHttp(rig.sim, 'controlplane', 8001, '/api/v1/namespaces/default/services/nginx')!;
    expect(obj.status).toBe(200);
    expect(JSON.parse(obj.body)).toMatchObject({ kind: 'Service', apiVersion: 'v1', metadata: { name: 'nginx' } });
    expect(obj.body.startsWith('{\n  "kind": "Service",\n  "apiVersion": "v1",\n  "metadata": {\n')).toBe(true);
    for (const path of ['/api/v1/namespaces/default/services/nginx:80/proxy/', '/api/v1/namespaces/default/services/http:nginx:/proxy/']) {
      const page = localHttp(rig.sim, 'controlplane', 8001, path)!;
      expect(page.status).toBe(200);
      expect(page.body).toContain('Welcome to nginx!');
    }
    const missing = localHttp(rig.sim, 'controlplane', 8001, '/api/v1/namespaces/default/services/nope')!;
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body)).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'services "nope" not found', reason: 'NotFound', details: { name: 'nope', kind: 'services' }, code: 404 });
    const noPort = localHttp(rig.sim, 'controlplane', 8001, '/api/v1/namespaces/default/services/nginx:81/proxy/')!;
    expect(JSON.parse(noPort.body).message).toBe('no service port 81 found for service "nginx"');
    expect(rig.shell.interrupt().output).toBe('^C\n');
    expect(localHttp(rig.sim, 'controlplane', 8001, '/api')).toBeUndefined();
  });

  it('port-forward prints the forwarding lines, translates service ports and logs each connection', () => {
    const rig = nginxRig();
    const started = rig.shell.execute('kubectl port-forward svc/nginx 8080:80');
    expect(started.output).toBe('Forwarding from 127.0.0.1:8080 -> 80\nForwarding from [::1]:8080 -> 80\n');
    const res = localHttp(rig.sim, 'controlplane', 8080, '/')!;
    expect(res.body).toContain('Welcome to nginx!');
    expect(rig.shell.poll().output).toBe('Handling connection for 8080\n');
    rig.shell.interrupt();
    expect(localHttp(rig.sim, 'controlplane', 8080, '/')).toBeUndefined();
  });

  it.each([
    ['kubectl port-forward deploy/nginx', "error: TYPE/NAME and list of ports are required for port-forward\nSee 'kubectl port-forward -h' for help and examples\n"],
    ['kubectl port-forward svc/nginx 8080:81', 'error: Service "nginx" does not have a service port 81\n'],
    ['kubectl port-forward pod/nope 8080:80', 'Error from server (NotFound): pods "nope" not found\n'],
  ])('%s', (line, expected) => expect(nginxRig().run(line)).toBe(expected));
});
