import { describe, expect, it } from 'vitest';
import { kubectlSession } from '../testing/session';

describe('kubectl top without a metrics-server', () => {
  it('stops at discovery with top.go\'s error; alone it prints its help on stderr and exits 1 (DefaultSubCommandRun)', () => {
    const { s } = kubectlSession();
    for (const line of ['kubectl top pods', 'kubectl top pod -A', 'kubectl top node', 'kubectl top no node01']) {
      expect(s.execute(line)).toMatchObject({ output: 'error: Metrics API not available\n', exitCode: 1 });
    }
    expect(s.execute('kubectl top 2>/dev/null')).toMatchObject({ output: '', exitCode: 1 });
    const help = s.execute('kubectl top 2>&1').output;
    expect(help.startsWith('Display resource (CPU/memory) usage.\n\n The top command allows you to see the resource consumption for nodes or pods.\n')).toBe(true);
    expect(help).toContain('\nAvailable Commands:\n  node  Display resource (CPU/memory) usage of nodes\n  pod   Display resource (CPU/memory) usage of pods\n');
    expect(help).not.toContain('Examples:');
  });

  it('group commands (rollout, set, config, auth, create service) alone print their help on stderr; other words are a usage error', () => {
    const { s } = kubectlSession();
    for (const group of ['rollout', 'set', 'config', 'auth', 'create service']) expect(s.execute(`kubectl ${group} 2>/dev/null`)).toMatchObject({ output: '', exitCode: 1 });
    expect(s.execute('kubectl rollout foo bar')).toMatchObject({ output: `error: unknown command "foo bar"\nSee 'kubectl rollout -h' for help and examples\n`, exitCode: 1 });
    expect(s.execute('kubectl create service foo x').output).toBe(`error: unknown command "foo x"\nSee 'kubectl create service -h' for help and examples\n`);
    const help = s.execute('kubectl rollout 2>&1').output;
    expect(help).toContain('\nAvailable Commands:\n  history  View rollout history\n');
    expect(help).toContain('Use "kubectl rollout <command> --help" for more information about a given command.\n');
  });
});
