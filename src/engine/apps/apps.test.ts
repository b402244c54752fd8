import { describe, expect, it } from 'vitest';
import { parseImageRef, resolveImage, runExec, startProcess, NGINX_WELCOME_PAGE } from './index';
import { planScript } from './script';
import type { ContainerLaunch } from './types';

const launch = (image: string, extra: Partial<ContainerLaunch> = {}): ContainerLaunch => ({
  image,
  tty: false,
  stdin: false,
  containerPorts: [],
  env: {},
  startedAt: Date.UTC(2026, 0, 15, 9, 0, 0),
  hostname: 'web-1',
  ...extra,
});
const req = { method: 'GET', path: '/', host: '10.244.1.2', userAgent: 'curl/8.5.0', remoteAddr: '10.244.2.3', remotePort: 40000, headers: {}, at: Date.UTC(2026, 0, 15, 9, 1, 2) };

describe('parseImageRef', () => {
  it.each([
    ['nginx', 'docker.io', 'library/nginx', 'latest'],
    ['nginx:1.27', 'docker.io', 'library/nginx', '1.27'],
    ['gcr.io/kuar-demo/kuard-amd64:blue', 'gcr.io', 'kuar-demo/kuard-amd64', 'blue'],
    ['nigelpoulton/k8sbook:text-dev', 'docker.io', 'nigelpoulton/k8sbook', 'text-dev'],
    ['localhost:5000/app', 'localhost:5000', 'app', 'latest'],
  ])('%s', (image, registry, repository, tag) => {
    expect(parseImageRef(image)).toMatchObject({ registry, repository, tag });
  });
});

describe('image profiles', () => {
  it.each([
    ['nginx', 'nginx'],
    ['gcr.io/kuar-demo/kuard-amd64:blue', 'kuard'],
    ['nigelpoulton/k8sbook:text-prod', 'k8sbook-text'],
    ['busybox:1.36', 'busybox'],
    ['registry.k8s.io/e2e-test-images/jessie-dnsutils:1.3', 'dnsutils'],
    ['registry.k8s.io/coredns/coredns:v1.12.1', 'coredns'],
    ['example.com/whatever:1', 'generic'],
  ])('%s is %s', (image, name) => expect(resolveImage(image).profile.name).toBe(name));

  it('nginx serves its welcome page and 404s, and logs in the main format', () => {
    const plan = startProcess(launch('nginx'));
    expect(plan.listens).toEqual([{ port: 80, protocol: 'TCP' }]);
    const ok = plan.http!(80, req)!;
    expect(ok.status).toBe(200);
    expect(ok.body).toBe(NGINX_WELCOME_PAGE);
    expect(NGINX_WELCOME_PAGE.length).toBe(615);
    const missing = plan.http!(80, { ...req, path: '/nope' })!;
    expect(missing.body).toBe('<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.29.1</center>\r\n</body>\r\n</html>\r\n');
    expect(plan.accessLog!(req, ok)).toBe('10.244.2.3 - - [15/Jan/2026:09:01:02 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/8.5.0" "-"');
    expect(plan.steps.at(-1)).toEqual({ atMs: 0, kind: 'log', line: '2026/01/15 09:00:00 [notice] 1#1: start worker process 30' });
  });

  it('k8sbook answers per namespace flavour', () => {
    expect(startProcess(launch('nigelpoulton/k8sbook:text-dev')).http!(8080, req)!.body).toBe('Hello from the Dev Namespace!\n');
    expect(startProcess(launch('nigelpoulton/k8sbook:text-prod')).http!(8080, req)!.body).toBe('Hello from the PROD Namespace!\n');
  });

  it('kuard reports healthy and ready and prints its banner', () => {
    const plan = startProcess(launch('gcr.io/kuar-demo/kuard-amd64:blue'));
    expect(plan.http!(8080, { ...req, path: '/ready' })!.body).toBe('ok');
    expect(plan.steps[0]).toEqual({ atMs: 0, kind: 'log', line: '2026/01/15 09:00:00 Starting kuard version: v0.10.0-blue' });
  });

  it('ubuntu exits at once without a terminal and stays with tty+stdin', () => {
    expect(startProcess(launch('ubuntu')).steps).toEqual([{ atMs: 0, kind: 'exit', code: 0 }]);
    expect(startProcess(launch('ubuntu', { tty: true, stdin: true })).steps).toEqual([]);
  });

  it('busybox sleep runs for its time, unknown binaries fail to start', () => {
    expect(startProcess(launch('busybox', { command: ['sleep', '3600'] })).steps).toEqual([{ atMs: 3_600_000, kind: 'exit', code: 0 }]);
    // A tool other than those modelled runs in the container (the cluster's process hook does it).
    expect(startProcess(launch('busybox', { args: ['nslookup', 'kubernetes'] }))).toEqual({ listens: [], steps: [], listenAfterMs: 0, onSigterm: 'ignore', command: ['nslookup', 'kubernetes'] });
    const script = ['sh', '-c', 'nslookup kubernetes; wget -qO- http://web'];
    expect(startProcess(launch('busybox', { command: script })).command).toEqual(script);
    // Scripts the reader models, and endless ones, keep their timeline.
    expect(startProcess(launch('busybox', { command: ['sh', '-c', 'echo hi; sleep 2'] })).command).toBeUndefined();
    expect(startProcess(launch('busybox', { command: ['sh', '-c', 'nslookup kubernetes; sleep infinity'] })).command).toBeUndefined();
    expect(startProcess(launch('busybox', { command: ['curl'] })).startError).toContain('exec: "curl": executable file not found in $PATH');
  });

  it('postgres without a password exits 1', () => {
    const plan = startProcess(launch('postgres'));
    expect(plan.steps.at(-1)).toEqual({ atMs: 0, kind: 'exit', code: 1 });
    expect(startProcess(launch('postgres', { env: { POSTGRES_PASSWORD: 'x' } })).listens).toEqual([{ port: 5432, protocol: 'TCP' }]);
  });

  it('unknown images listen on their container ports', () => {
    const plan = startProcess(launch('example.com/app', { containerPorts: [{ port: 9000, protocol: 'TCP' }] }));
    expect(plan.listens).toEqual([{ port: 9000, protocol: 'TCP' }]);
    expect(plan.http!(9000, req)!.status).toBe(200);
  });
});

describe('planScript', () => {
  it('reads the liveness-exec example', () => {
    expect(planScript('touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600')).toEqual({
      steps: [
        { atMs: 0, kind: 'touch', path: '/tmp/healthy' },
        { atMs: 30_000, kind: 'rm', path: '/tmp/healthy' },
      ],
      endMs: 630_000,
      forever: false,
      unmodelled: false,
    });
  });
  it('says when a command before any loop is not one it models', () => {
    expect(planScript('nslookup kubernetes; sleep 5').unmodelled).toBe(true);
    expect(planScript('echo hi; false').unmodelled).toBe(true);
    expect(planScript('echo hi; true; exit 2').unmodelled).toBe(false);
  });
  it('keeps an endless loop as a loop', () => {
    const p = planScript('while true; do echo hi; sleep 5; done');
    expect(p.forever).toBe(true);
    expect(p.loop).toEqual({ periodMs: 5000, steps: [{ atMs: 0, kind: 'log', line: 'hi' }] });
  });
});

describe('runExec', () => {
  const files = (paths: string[]) => ({ exists: (p: string) => paths.includes(p) });
  const busybox = resolveImage('busybox').profile;
  it('cat of a missing file fails with busybox wording', () => {
    expect(runExec(busybox, files([]), ['cat', '/tmp/healthy'])).toEqual({ exitCode: 1, output: "cat: can't open '/tmp/healthy': No such file or directory\n" });
    expect(runExec(busybox, files(['/tmp/healthy']), ['cat', '/tmp/healthy']).exitCode).toBe(0);
  });
  it('missing binaries are reported as runc does', () => {
    expect(runExec(resolveImage('ubuntu').profile, files([]), ['curl', 'localhost']).output).toBe('OCI runtime exec failed: exec failed: unable to start container process: exec: "curl": executable file not found in $PATH: unknown');
  });
});
