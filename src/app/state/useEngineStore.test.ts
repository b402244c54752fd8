import { beforeEach, describe, expect, it, vi } from 'vitest';

// A fake worker: the store calls it as it would the Comlink proxy.
const remote = {
  rewind: vi.fn(),
  checkpoints: vi.fn(),
  step: vi.fn(),
  resume: vi.fn(),
};
vi.mock('../client/engineClient', () => ({ engine: () => remote, Comlink: {}, onEngineRestart: () => () => {} }));
const { STEP_MS, useEngineStore } = await import('./useEngineStore');

const at = Date.UTC(2026, 0, 15, 9, 3, 12);
const checkpoint = { id: 3, at, label: 'kubectl delete deployment web' };

beforeEach(() => {
  vi.clearAllMocks();
  useEngineStore.setState({ clock: undefined, checkpoints: [], clockStatus: '', error: undefined });
});

describe('the clock store', () => {
  it('steps the worker by one second and shows the clock it answers', async () => {
    remote.step.mockResolvedValue({ now: at + 1_000, paused: true, speed: 1 });
    useEngineStore.setState({ clockStatus: 'Rewound to …' });
    await useEngineStore.getState().step();
    expect(remote.step).toHaveBeenCalledWith(STEP_MS);
    expect(STEP_MS).toBe(1_000);
    expect(useEngineStore.getState()).toMatchObject({ clock: { now: at + 1_000 }, clockStatus: '' });
  });

  it('lists the checkpoints, and a rewind says where the cluster went and that it is paused', async () => {
    remote.checkpoints.mockResolvedValue([checkpoint]);
    await useEngineStore.getState().loadCheckpoints();
    expect(useEngineStore.getState().checkpoints).toEqual([checkpoint]);
    remote.rewind.mockResolvedValue({ ok: true, value: { clock: { now: at, paused: true, speed: 1 }, checkpoint } });
    await useEngineStore.getState().rewind(checkpoint);
    expect(remote.rewind).toHaveBeenCalledWith(3);
    expect(useEngineStore.getState()).toMatchObject({
      clock: { now: at, paused: true },
      checkpoints: [],
      clockStatus: 'Rewound to 09:03:12, before “kubectl delete deployment web”. The clock is paused.',
    });
  });

  it('says so when the worker cannot rewind', async () => {
    remote.rewind.mockResolvedValue({ ok: false, error: 'no checkpoint 3: it was dropped or never taken' });
    await useEngineStore.getState().rewind(checkpoint);
    expect(useEngineStore.getState()).toMatchObject({ clock: undefined, clockStatus: 'Could not rewind: no checkpoint 3: it was dropped or never taken' });
  });
});
