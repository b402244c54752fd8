/**
 * The engine worker's boot image: the default cluster, bootstrapped and settled, computed when the
 * app is built instead of on the learner's machine at every page load.
 *
 * Why: `new Simulation()` runs kubeadm's bootstrap and a minute of virtual time before the learner
 * arrives (~50-130 ms in node, several hundred on a loaded 2-core laptop), in the same second as
 * the page parses Monaco and the YAML worker starts. Restoring the settled cluster takes 3-10 ms
 * and gives the same cluster: the constructor restores that snapshot either way
 * (Simulation.test.ts holds them equal).
 *
 * The worker imports `virtual:kubelab-boot-image`. In a build it is the image as JSON; the dev
 * server gives `undefined` (engine sources change under it; the worker then boots live).
 */
import { runnerImport, type Plugin } from 'vite';
import type { SimulationSnapshot } from '../engine/sim/Simulation';

export const BOOT_IMAGE_MODULE = 'virtual:kubelab-boot-image';
const RESOLVED = `\0${BOOT_IMAGE_MODULE}`;

/** Runs the engine's own sources (through Vite's module runner) for the default config's image. */
export async function computeBootImage(root: string): Promise<SimulationSnapshot> {
  const { module } = await runnerImport<typeof import('../engine/sim/Simulation')>('/src/engine/sim/Simulation.ts', {
    root,
    logLevel: 'error',
  });
  return module.Simulation.bootImage();
}

/** The module's text: the image as a JSON string literal, which V8 scans far faster than an object literal. */
export function bootImageModule(image: SimulationSnapshot | undefined): string {
  if (!image) return 'export default undefined;\n';
  return `export default JSON.parse(${JSON.stringify(JSON.stringify(image))});\n`;
}

export function bootImagePlugin(): Plugin {
  let root = process.cwd();
  let building = false;
  return {
    name: 'kubelab:boot-image',
    configResolved(config) {
      root = config.root;
      building = config.command === 'build';
    },
    resolveId(id) {
      return id === BOOT_IMAGE_MODULE ? RESOLVED : undefined;
    },
    async load(id) {
      if (id !== RESOLVED) return undefined;
      return bootImageModule(building ? await computeBootImage(root) : undefined);
    },
  };
}
