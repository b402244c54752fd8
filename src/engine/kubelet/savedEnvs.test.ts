import { describe, expect, it } from 'vitest';
import type { ContainerLaunch } from '../apps';
import type { ContainerRuntime, PodRuntime } from './runtimeTypes';
import { restorePods, savePods } from './savedEnvs';

const launch = (env: Record<string, string>): ContainerLaunch => ({ image: 'nginx', tty: false, stdin: false, containerPorts: [], env, startedAt: 1, hostname: 'web' });
const container = (name: string, env?: Record<string, string>): ContainerRuntime => ({
  name,
  image: 'nginx',
  state: 'running',
  restartCount: 0,
  ready: true,
  started: true,
  backoffMs: 0,
  files: [],
  logs: [],
  previousLogs: [],
  probes: {},
  loopRound: 0,
  ...(env ? { launch: launch(env) } : {}),
});
const pod = (uid: string, containers: ContainerRuntime[], initContainers: ContainerRuntime[] = []): PodRuntime => ({
  uid,
  namespace: 'default',
  name: uid,
  hostNetwork: false,
  startTime: 0,
  sandboxReady: true,
  containers,
  initContainers,
  resolvConf: '',
  hosts: '',
  hostname: uid,
});

describe('saved container environments', () => {
  const shared = Object.freeze({ WEB_SERVICE_HOST: '10.96.0.20', KUBERNETES_SERVICE_HOST: '10.96.0.1' });
  const own = { ...shared, MODE: 'debug' };
  const pods = [pod('a', [container('c', shared), container('sidecar', own)], [container('init', shared)]), pod('b', [container('c', shared), container('waiting')])];

  it('keeps each distinct environment object once, however many containers share it', () => {
    const saved = savePods(pods);
    expect(saved.envs).toEqual([shared, own]);
    expect(JSON.stringify(saved).split('WEB_SERVICE_HOST')).toHaveLength(3);
  });

  it('gives back the same pods, sharing (frozen) environments as before', () => {
    const back = restorePods(savePods(pods));
    expect(back).toEqual(pods);
    const [a, b] = back;
    expect(b!.containers[0]!.launch!.env).toBe(a!.containers[0]!.launch!.env);
    expect(a!.initContainers[0]!.launch!.env).toBe(a!.containers[0]!.launch!.env);
    expect(Object.isFrozen(a!.containers[0]!.launch!.env)).toBe(true);
    expect(b!.containers[1]!.launch).toBeUndefined();
  });

  it('is plain JSON, and restoring neither changes nor keeps the saved data', () => {
    const saved = savePods(pods);
    const text = JSON.stringify(saved);
    expect(JSON.parse(text)).toEqual(saved);
    const back = restorePods(saved);
    back[0]!.containers[0]!.logs.push({ at: 1, line: 'x' });
    expect(JSON.stringify(saved)).toBe(text);
  });

  it('names a missing environment instead of starting a container without one', () => {
    const saved = savePods(pods);
    saved.envs.pop();
    expect(() => restorePods(saved)).toThrow(/container sidecar names environment 1/);
  });
});
