import { describe, expect, it } from 'vitest';
import { ShellSession } from '../shell/ShellSession';
import { Simulation } from '../sim/Simulation';
import { containerMachine, imageExecutables } from './containerMachine';
import { startPod, transcript } from './testing/pods';
import { resolveImage } from '../apps';

function shellIn(sim: Simulation, place: Parameters<typeof containerMachine>[1]): ShellSession {
  const machine = containerMachine(sim, place);
  if (!machine) throw new Error('container not running');
  return new ShellSession({ machine, now: () => sim.clock.now(), advance: (ms) => sim.advance(ms) });
}

describe('containerMachine', () => {
  it('an ubuntu pod in dev: prompt, resolv.conf (REFERENCE §3.3), hostname', () => {
    const sim = new Simulation({ seed: 'machines' });
    const place = startPod(sim, 'dev', 'jump', { image: 'ubuntu', tty: true, stdin: true });
    const s = shellIn(sim, place);
    expect(transcript(s, ['cat /etc/resolv.conf', 'hostname'])).toBe(
      [
        'root@jump:/# cat /etc/resolv.conf',
        'search dev.svc.cluster.local svc.cluster.local cluster.local',
        'nameserver 10.96.0.10',
        'options ndots:5',
        'root@jump:/# hostname',
        'jump',
        '',
      ].join('\n'),
    );
  });

  it('curl is missing until apt-get installs it; the typo gets apt\'s own error', () => {
    const sim = new Simulation({ seed: 'machines' });
    const place = startPod(sim, 'dev', 'jump', { image: 'ubuntu', tty: true, stdin: true });
    const s = shellIn(sim, place);
    const t = transcript(s, ['curl ent:8080', 'apt-get install -y curl', 'apt-get update && apt-get instal curl -y', 'echo $?']);
    expect(t).toContain('root@jump:/# curl ent:8080\nbash: curl: command not found\n');
    expect(t).toContain('Reading state information... Done\nE: Unable to locate package curl\n');
    expect(t).toContain('Reading package lists... Done\nE: Invalid operation instal\nroot@jump:/# echo $?\n100\n');
    const before = sim.clock.now();
    const install = transcript(s, ['apt-get install -y curl', 'which curl']);
    expect(sim.clock.now()).toBeGreaterThan(before);
    expect(install).toMatch(/^root@jump:\/# apt-get install -y curl\nReading package lists\.\.\. Done\nBuilding dependency tree\.\.\. Done\nReading state information\.\.\. Done\nThe following additional packages will be installed:\n {2}/);
    expect(install).toContain('Setting up curl (8.5.0-2ubuntu10.6) ...\n');
    expect(install).toMatch(/root@jump:\/# which curl\n\/usr\/bin\/curl\n$/);
  });

  it('in the browser (time flows) apt-get runs as a job and installs when time gets there', () => {
    const sim = new Simulation({ seed: 'machines' });
    const place = startPod(sim, 'dev', 'jump', { image: 'ubuntu', tty: true, stdin: true });
    const s = new ShellSession({ machine: containerMachine(sim, place)!, now: () => sim.clock.now() });
    const r = s.execute('apt-get update');
    expect(r.running).toBe(true);
    expect(r.output).toBe('');
    sim.advance(1_000);
    expect(s.poll().output).toMatch(/^Get:1 http:\/\/archive\.ubuntu\.com\/ubuntu noble InRelease \[256 kB\]\n/);
    sim.advance(10_000);
    const done = s.poll();
    expect(done.output.endsWith('Reading package lists... Done\n')).toBe(true);
    expect(done.running).toBeUndefined();
  });

  it('keeps the container\'s state between execs, and forgets it when the container restarts', () => {
    const sim = new Simulation({ seed: 'machines' });
    const place = startPod(sim, 'default', 'jump', { image: 'ubuntu', tty: true, stdin: true });
    const a = containerMachine(sim, place)!;
    expect(containerMachine(sim, place)).toBe(a);
    a.fs.writeFile('/tmp/x', 'y');
    expect(containerMachine(sim, place)!.fs.exists('/tmp/x')).toBe(true);
  });

  it('busybox: ash prompt and errors, only the applets busybox has', () => {
    const sim = new Simulation({ seed: 'machines' });
    const place = startPod(sim, 'default', 'busybox', { image: 'busybox:1.28', command: ['sleep', '3600'] });
    const s = shellIn(sim, place);
    expect(transcript(s, ['jq', 'apt-get update'])).toBe('/ # jq\nsh: jq: not found\n/ # apt-get update\nsh: apt-get: not found\n');
  });

  it('is undefined for a container that is not running', () => {
    const sim = new Simulation({ seed: 'machines' });
    expect(containerMachine(sim, { namespace: 'default', pod: 'nope', container: 'nope', node: 'node01' })).toBeUndefined();
  });

  it.each([
    ['ubuntu', ['apt-get', 'getent', 'ls'], ['curl', 'nslookup']],
    ['busybox', ['wget', 'nslookup', 'ping', 'vi'], ['curl', 'apt-get', 'dig']],
    ['gcr.io/kubernetes-e2e-test-images/dnsutils:1.3', ['dig', 'nslookup', 'host'], ['curl']],
  ])('%s ships %j and not %j', (image, has, hasNot) => {
    const names = imageExecutables(resolveImage(image).profile);
    for (const n of has) expect(names).toContain(n);
    for (const n of hasNot) expect(names).not.toContain(n);
  });
});
