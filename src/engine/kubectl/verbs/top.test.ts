import { describe, expect, it } from 'vitest';
import { kubectlSession } from '../testing/session';

describe('kubectl top without a metrics-server', () => {
  it('stops at discovery with top.go\'s error; alone it prints its help', () => {
    const { s } = kubectlSession();
    for (const line of ['kubectl top pods', 'kubectl top pod -A', 'kubectl top node', 'kubectl top no node01']) {
      expect(s.execute(line)).toMatchObject({ output: 'error: Metrics API not available\n', exitCode: 1 });
    }
    const help = s.execute('kubectl top').output;
    expect(help.startsWith('Display resource (CPU/memory) usage.\n\n The top command allows you to see the resource consumption for nodes or pods.\n')).toBe(true);
    expect(help).toContain('\nAvailable Commands:\n  node  Display resource (CPU/memory) usage of nodes\n  pod   Display resource (CPU/memory) usage of pods\n');
    expect(help).not.toContain('Examples:');
  });

  it('rollout without a sub-command prints rollout\'s help, as cobra does', () => {
    const { s } = kubectlSession();
    const help = s.execute('kubectl rollout').output;
    expect(help).toContain('\nAvailable Commands:\n  history  View rollout history\n');
    expect(help).toContain('Use "kubectl rollout <command> --help" for more information about a given command.\n');
  });
});
