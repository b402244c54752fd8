/**
 * The app's only door to the engine: a Comlink proxy of the worker's EngineApi. The worker is
 * started lazily on first use, so nothing heavy runs before the page has painted.
 */
import * as Comlink from 'comlink';
import type { EngineApi } from '../../worker/createEngineApi';

let remote: Comlink.Remote<EngineApi> | undefined;

export function engine(): Comlink.Remote<EngineApi> {
  if (!remote) {
    const worker = new Worker(new URL('../../worker/engine.worker.ts', import.meta.url), { type: 'module', name: 'kubelab-engine' });
    remote = Comlink.wrap<EngineApi>(worker);
  }
  return remote;
}

export { Comlink };
