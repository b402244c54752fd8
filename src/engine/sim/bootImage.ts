/**
 * Boot images: the settled cluster `new Simulation(config)` computes before the learner arrives,
 * taken once (at build time for the browser, src/build/bootImage.ts) and handed back to the
 * constructor, which then skips kubeadm's bootstrap and the minute of settling. The constructor
 * moves that snapshot to `startTime` either way, so the cluster is the same.
 */
import type { SimulationConfig, SimulationSnapshot } from './Simulation';

/** How the constructor gets its settled cluster: computed (the default) or from a boot image. */
export interface BootOptions {
  /** `Simulation.bootImage(config)` of this very config; any other config's image is ignored. */
  image?: SimulationSnapshot;
  /** Hears the settled cluster before it is moved to `startTime` (how bootImage takes it). */
  capture?: (settled: SimulationSnapshot) => void;
}

/** An image fits when it was taken for exactly this config by this snapshot format. */
export function bootImageFits(image: SimulationSnapshot, config: SimulationConfig): boolean {
  return image.version === 1 && JSON.stringify(image.config) === JSON.stringify(config);
}

