/**
 * The app's only door to the engine: a Comlink proxy of the worker's EngineApi. The worker is
 * started lazily on first use, so nothing heavy runs before the page has painted.
 *
 * A worker can die (an uncaught error) or hang (a command that never yields). Either way the
 * client says so, throws the worker away and starts a fresh one with a fresh cluster; whoever
 * holds engine state (the feed, the terminal, the editor's mirror of the home folder) listens
 * with {@link onEngineRestart} and starts over. Editor buffers live in the page, not the worker.
 */
import * as Comlink from 'comlink';
import type { EngineApi } from '../../worker/createEngineApi';
import { Watchdog } from './watchdog';

/** How long a ping may go unanswered before the worker counts as hung. */
const HUNG_MS = 15_000;
const PING_EVERY_MS = 2_500;

let remote: Comlink.Remote<EngineApi> | undefined;
let worker: Worker | undefined;
let watchdogTimer: ReturnType<typeof setInterval> | undefined;
const restartListeners = new Set<(reason: string) => void>();

export function engine(): Comlink.Remote<EngineApi> {
  if (!remote) {
    const w = new Worker(new URL('../../worker/engine.worker.ts', import.meta.url), { type: 'module', name: 'kubelab-engine' });
    worker = w;
    remote = Comlink.wrap<EngineApi>(w);
    const api = remote;
    w.addEventListener('error', (e) => {
      e.preventDefault();
      if (worker === w) restartEngine(`the cluster engine crashed (${e.message || 'an error in the worker'})`);
    });
    const dog = new Watchdog(() => api.ping(), () => worker === w && restartEngine('the cluster engine stopped answering'), HUNG_MS);
    // Booting the cluster takes a while on a slow machine: watch only once the worker has answered.
    void api.ping().then(() => {
      if (worker === w) watchdogTimer = setInterval(() => dog.tick(performance.now()), PING_EVERY_MS);
    });
  }
  return remote;
}

/** Throws the worker away and starts a fresh one; listeners hear why. */
export function restartEngine(reason: string): void {
  if (watchdogTimer !== undefined) clearInterval(watchdogTimer);
  worker?.terminate();
  worker = undefined;
  remote = undefined;
  engine();
  for (const listener of restartListeners) listener(reason);
}

/** Hears about a fresh worker (after a crash or a hang); returns the unsubscribe. */
export function onEngineRestart(listener: (reason: string) => void): () => void {
  restartListeners.add(listener);
  return () => restartListeners.delete(listener);
}

export { Comlink };
