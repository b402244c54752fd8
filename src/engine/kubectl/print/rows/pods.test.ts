import { describe, expect, it } from 'vitest';
import type { ContainerStatus, Pod, PodStatus } from 'kubernetes-types/core/v1';
import { podStatusCells } from './pods';
import { ago, NOW } from '../testing/fixtures';

function pod(status: PodStatus, extra: Partial<Pod> = {}): Pod {
  return {
    metadata: { name: 'p', creationTimestamp: ago(600) },
    spec: { containers: [{ name: 'app', image: 'busybox' }], ...(extra.spec ?? {}) },
    status,
    ...(extra.metadata ? { metadata: extra.metadata } : {}),
  };
}

function cs(state: ContainerStatus['state'], extra: Partial<ContainerStatus> = {}): ContainerStatus {
  return { name: 'app', image: 'busybox', imageID: '', ready: false, restartCount: 0, state, ...extra };
}

describe('pod STATUS, READY and RESTARTS (printPod)', () => {
  it.each<[string, Pod, string, string, string]>([
    ['unscheduled', pod({ phase: 'Pending' }), '0/1', 'Pending', '0'],
    ['creating', pod({ phase: 'Pending', containerStatuses: [cs({ waiting: { reason: 'ContainerCreating' } })] }), '0/1', 'ContainerCreating', '0'],
    ['image pull error', pod({ phase: 'Pending', containerStatuses: [cs({ waiting: { reason: 'ErrImagePull' } })] }), '0/1', 'ErrImagePull', '0'],
    ['image pull back-off', pod({ phase: 'Pending', containerStatuses: [cs({ waiting: { reason: 'ImagePullBackOff' } })] }), '0/1', 'ImagePullBackOff', '0'],
    ['running and ready', pod({ phase: 'Running', containerStatuses: [cs({ running: { startedAt: ago(500) } }, { ready: true })] }), '1/1', 'Running', '0'],
    ['running, not ready', pod({ phase: 'Running', containerStatuses: [cs({ running: { startedAt: ago(500) } })] }), '0/1', 'Running', '0'],
    [
      'crash loop with restarts and last restart age',
      pod({
        phase: 'Running',
        containerStatuses: [
          cs({ waiting: { reason: 'CrashLoopBackOff' } }, { restartCount: 5, lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(160) } } }),
        ],
      }),
      '0/1',
      'CrashLoopBackOff',
      '5 (2m40s ago)',
    ],
    ['completed', pod({ phase: 'Succeeded', containerStatuses: [cs({ terminated: { exitCode: 0, reason: 'Completed' } })] }), '0/1', 'Completed', '0'],
    ['error', pod({ phase: 'Failed', containerStatuses: [cs({ terminated: { exitCode: 1, reason: 'Error' } })] }), '0/1', 'Error', '0'],
    ['exit code without reason', pod({ phase: 'Failed', containerStatuses: [cs({ terminated: { exitCode: 137 } })] }), '0/1', 'ExitCode:137', '0'],
    [
      'init container running',
      pod(
        { phase: 'Pending', initContainerStatuses: [cs({ running: { startedAt: ago(5) } }, { name: 'init' })], containerStatuses: [cs({ waiting: { reason: 'PodInitializing' } })] },
        { spec: { initContainers: [{ name: 'init' }], containers: [{ name: 'app' }] } },
      ),
      '0/1',
      'Init:0/1',
      '0',
    ],
    [
      'init container crash looping',
      pod(
        { phase: 'Pending', initContainerStatuses: [cs({ waiting: { reason: 'CrashLoopBackOff' } }, { name: 'init', restartCount: 3 })] },
        { spec: { initContainers: [{ name: 'init' }], containers: [{ name: 'app' }] } },
      ),
      '0/1',
      'Init:CrashLoopBackOff',
      '3',
    ],
    [
      'terminating',
      pod({ phase: 'Running', containerStatuses: [cs({ running: { startedAt: ago(500) } }, { ready: true })] }, { metadata: { name: 'p', creationTimestamp: ago(600), deletionTimestamp: ago(0) } }),
      '1/1',
      'Terminating',
      '0',
    ],
    [
      'sidecar counts as a container',
      pod(
        {
          phase: 'Running',
          initContainerStatuses: [cs({ running: { startedAt: ago(50) } }, { name: 'proxy', started: true, ready: true })],
          containerStatuses: [cs({ running: { startedAt: ago(40) } }, { ready: true })],
        },
        { spec: { initContainers: [{ name: 'proxy', restartPolicy: 'Always' }], containers: [{ name: 'app' }] } },
      ),
      '2/2',
      'Running',
      '0',
    ],
  ])('%s', (_name, p, ready, status, restarts) => {
    expect(podStatusCells(p, NOW)).toEqual({ ready, status, restarts });
  });
});
