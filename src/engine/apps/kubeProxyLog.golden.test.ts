/**
 * kube-proxy's log as a learner reads it: the transcript `npx kubelab shell` prints (the CLI's
 * own runner over a fresh default cluster), held in a golden file; and a snapshot keeps it.
 */
import { Readable, Writable } from 'node:stream';
import { expect, it } from 'vitest';
import { runShell } from '../../cli/shell';
import { createLearnerSession } from '../cluster/learnerSession';
import { transcript } from '../cluster/testing/pods';
import { Simulation } from '../sim/Simulation';

async function kubelabShell(lines: string[]): Promise<string> {
  let text = '';
  const out = new Writable({
    write(chunk, _enc, done) {
      text += String(chunk);
      done();
    },
  });
  await runShell([], Readable.from([`${lines.join('\n')}\n`]), out);
  return text;
}

const NODE01_PROXY = '$(kubectl get pods -n kube-system -l k8s-app=kube-proxy --field-selector spec.nodeName=node01 -o name)';

it('kubectl logs of kube-proxy: the v1.34 startup log, then the same after switching the ConfigMap to IPVS and restarting the pods', async () => {
  const t = await kubelabShell([
    'kubectl get pods -n kube-system -l k8s-app=kube-proxy -o wide',
    `kubectl logs -n kube-system ${NODE01_PROXY}`,
    'kubectl logs -n kube-system -l k8s-app=kube-proxy --prefix --tail=1',
    'kubectl get cm kube-proxy -n kube-system -o yaml | sed \'s/mode: ""/mode: "ipvs"/\' | kubectl apply -f - > /dev/null 2>&1',
    'kubectl delete pod -n kube-system -l k8s-app=kube-proxy',
    'sleep 20',
    `kubectl logs -n kube-system ${NODE01_PROXY} | grep -i -e proxier -e ipvs -e mode`,
  ]);
  expect(t).toContain('server_linux.go:53] "Using iptables proxy"\n');
  expect(t).toContain('server_linux.go:189] "Using ipvs Proxier"\n');
  await expect(t).toMatchFileSnapshot('./__golden__/kube-proxy-logs.txt');
});

it('a restored snapshot prints the same log, and keeps the sysctls the first kube-proxy wrote to the node', () => {
  const sim = new Simulation({ seed: 'kube-proxy-log' });
  const s = createLearnerSession(sim, { advance: (ms) => sim.advance(ms) });
  const podOn = (session: typeof s) => transcript(session, ['kubectl get pods -n kube-system -l k8s-app=kube-proxy --field-selector spec.nodeName=node02 -o name']).split('\n')[1]!;
  const pod = podOn(s);
  const before = transcript(s, [`kubectl logs -n kube-system ${pod}`]);
  expect(before).toContain('"Successfully retrieved NodeIPs" NodeIPs=["172.18.0.4"]');
  expect(before).toContain('"Set sysctl" entry="net/netfilter/nf_conntrack_tcp_timeout_close_wait" value=3600');
  sim.restore(JSON.parse(JSON.stringify(sim.snapshot())));
  const restored = createLearnerSession(sim, { advance: (ms) => sim.advance(ms) });
  expect(transcript(restored, [`kubectl logs -n kube-system ${pod}`])).toBe(before);
  // Its successor on the node finds the kernel already set: nothing to write, nothing said.
  transcript(restored, [`kubectl delete -n kube-system ${pod}`, 'sleep 15']);
  const next = podOn(restored);
  expect(next).not.toBe(pod);
  const after = transcript(restored, [`kubectl logs -n kube-system ${next}`]);
  expect(after).toContain('"Setting nf_conntrack_max" nfConntrackMax=131072');
  expect(after).not.toContain('Set sysctl');
});
