import { describe, expect, it } from 'vitest';
import type { ShellResult } from '../shell/types';
import { Simulation } from '../sim/Simulation';
import { createLearnerSession } from './learnerSession';
import { startPod } from './testing/pods';

/**
 * In the browser time flows by itself and the shell never moves the clock: a command run in a
 * pod (`kubectl exec`) or on a node (`ssh node01 CMD`) that waits for time must keep running
 * there, not be cut short as if Ctrl+C had been pressed.
 */
function browserLike(seed: string) {
  const sim = new Simulation({ seed });
  const shell = createLearnerSession(sim);
  /** Runs a line, then lets time flow 100 ms at a time, polling as the terminal does. */
  const type = (line: string): { output: string; status: string } => {
    let r: ShellResult = shell.execute(line);
    let output = r.output;
    for (let i = 0; i < 600 && r.running; i++) {
      sim.advance(100);
      r = shell.poll();
      output += r.output;
    }
    return { output, status: shell.execute('echo $?').output.trim() };
  };
  return { sim, shell, type };
}

describe('commands run elsewhere keep running while they wait for time', () => {
  it('kubectl exec POD -- ping -c 3 sends all three echoes', () => {
    const { sim, type } = browserLike('remote-ping');
    const client = startPod(sim, 'default', 'client', { image: 'busybox', command: ['sleep', '3600'] });
    const r = type(`kubectl exec client -- ping -c 3 10.244.0.1`);
    expect(r.output).toMatch(/^PING 10\.244\.0\.1 \(10\.244\.0\.1\): 56 data bytes\n(64 bytes from 10\.244\.0\.1: seq=[012] ttl=\d+ time=[\d.]+ ms\n){3}\n--- 10\.244\.0\.1 ping statistics ---\n3 packets transmitted, 3 packets received, 0% packet loss\n/);
    expect(r.status).toBe('0');
    expect(client.pod).toBe('client');
  });

  it("kubectl exec reports a remote failure once the command ends, with the command's status", () => {
    const { sim, type } = browserLike('remote-fail');
    startPod(sim, 'default', 'client', { image: 'busybox', command: ['sleep', '3600'] });
    const r = type('kubectl exec client -- sh -c "sleep 2; exit 3"');
    expect(r.output).toBe('command terminated with exit code 3\n');
    expect(r.status).toBe('3');
  });

  it('ssh node01 sleep 2 waits two seconds of virtual time', () => {
    const { sim, type } = browserLike('remote-ssh');
    const start = sim.clock.now();
    const r = type('ssh node01 sleep 2');
    expect(r.status).toBe('0');
    expect(sim.clock.now() - start).toBeGreaterThanOrEqual(2000);
  });

  it('kubectl exec -i POD -- sh runs the script piped in; without input the shell just ends', () => {
    const { sim, type } = browserLike('remote-stdin');
    startPod(sim, 'default', 'client', { image: 'busybox', command: ['sleep', '3600'] });
    expect(type('printf "hostname\\nsleep 1; echo done\\n" | kubectl exec -i client -- sh')).toEqual({ output: 'client\ndone\n', status: '0' });
    expect(type('kubectl exec client -- sh')).toEqual({ output: '', status: '0' });
  });
});

