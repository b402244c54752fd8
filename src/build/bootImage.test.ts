import { fileURLToPath } from 'node:url';
import type { PluginContext } from 'rolldown';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../engine/sim/Simulation';
import { BOOT_IMAGE_MODULE, bootImageModule, bootImagePlugin, computeBootImage } from './bootImage';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Evaluates a generated module's text and gives its default export. */
async function defaultExport(code: string): Promise<unknown> {
  const mod = (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as { default: unknown };
  return mod.default;
}

/** Runs the plugin's hooks as Vite would, for a build or the dev server. */
async function loadThroughPlugin(command: 'build' | 'serve'): Promise<string> {
  const plugin = bootImagePlugin();
  const call = <T>(hook: unknown, ...args: unknown[]) => (hook as (this: PluginContext, ...a: unknown[]) => T).call({} as PluginContext, ...args);
  call(plugin.configResolved, { root, command });
  const id = call<string>(plugin.resolveId, BOOT_IMAGE_MODULE);
  return (await call<Promise<string>>(plugin.load, id))!;
}

describe('the engine worker boot image', () => {
  it('is computed from the engine sources: the image Simulation.bootImage gives', async () => {
    expect(await computeBootImage(root)).toEqual(Simulation.bootImage());
  }, 60_000);

  it('reaches the worker as the same JSON in a build, and as nothing under the dev server', async () => {
    expect(await defaultExport(await loadThroughPlugin('build'))).toEqual(Simulation.bootImage());
    expect(await defaultExport(await loadThroughPlugin('serve'))).toBeUndefined();
  }, 60_000);

  it('keeps every character of the snapshot through the module text', async () => {
    const image = Simulation.bootImage();
    const tricky = { ...image, config: { ...image.config, seed: 'quote " backslash \\ newline \n </script> \u2028' } };
    expect(await defaultExport(bootImageModule(tricky))).toEqual(tricky);
  });
});
