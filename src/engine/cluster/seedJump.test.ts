import { expect, it } from 'vitest';
import { ShellSession } from '../shell/ShellSession';
import type { PodObject } from '../sim/kinds';
import { Simulation } from '../sim/Simulation';
import { containerMachine } from './containerMachine';
import { createLearnerSession } from './learnerSession';
import { SD_EXAMPLE } from './journeys/sdExample';
import { transcript } from './testing/pods';


it('the seed\'s jump pod: resolv.conf, apt-get (typo first), then curl to ent in dev and prod', async () => {
  const sim = new Simulation({ seed: 'seed-jump' });
  const node = createLearnerSession(sim, { advance: (ms) => sim.advance(ms) });
  node.machine.fs.writeFile('/root/sd-example.yml', SD_EXAMPLE);
  const setup = transcript(node, ['kubectl apply -f sd-example.yml', 'sleep 60', 'kubectl get pod jump -n dev -o name']);
  expect(setup).toContain('pod/jump created\n');
  expect(setup.endsWith('pod/jump\n')).toBe(true);
  const pod = sim.api.admin().get<PodObject>('pods', 'dev', 'jump');
  const machine = containerMachine(sim, { namespace: 'dev', pod: 'jump', container: 'jump', node: pod.spec!.nodeName! })!;
  const jump = new ShellSession({ machine, now: () => sim.clock.now(), advance: (ms) => sim.advance(ms) });
  const t = transcript(jump, [
    'cat /etc/resolv.conf',
    'curl ent:8080',
    'apt-get update && apt-get instal curl -y',
    'apt-get install curl -y > /dev/null',
    'curl ent:8080',
    'curl ent.prod.svc.cluster.local:8080',
  ]);
  expect(t).toContain('root@jump:/# curl ent:8080\nbash: curl: command not found\n');
  expect(t).toContain('Reading package lists... Done\nE: Invalid operation instal\n');
  expect(t).toMatch(/root@jump:\/# curl ent:8080\nHello from the Dev Namespace!\n/);
  expect(t).toMatch(/root@jump:\/# curl ent\.prod\.svc\.cluster\.local:8080\nHello from the PROD Namespace!\n$/);
  await expect(t).toMatchFileSnapshot('./__golden__/seed-jump.txt');
});
