/**
 * Installing the areas' {@link ToolSet}s on a machine: by name, so a container gets exactly the
 * executables its image ships and a tool nobody has written yet is simply absent.
 */
import { dnsTools } from '../dnsIntegration';
import { kubectlTool } from '../kubectl';
import { nodeTools as networkNodeTools, podTools as networkPodTools } from '../network/tools';
import type { CommandRegistry } from '../shell/CommandRegistry';
import { coreCommands } from '../shell/machines';
import type { Place, ToolEnv, ToolSet } from './tools';

// Functions, not constants: kubectl imports this area back (exec builds container machines), and
// a module-level array would be evaluated before the cycle has finished loading.

/** Every command other areas contribute to containers, by the name an image profile lists. */
export function containerToolSets(): ToolSet[] {
  return [networkPodTools, dnsTools, { kubectl: kubectlTool }];
}

/** Every command other areas contribute to nodes (kubeadm installs kubectl on every node). */
export function nodeToolSets(): ToolSet[] {
  return [networkNodeTools, dnsTools, { kubectl: kubectlTool }];
}

/** The factory for `name` in the first set that has it. */
export function findTool(sets: readonly ToolSet[], name: string): ToolSet[string] | undefined {
  for (const set of sets) {
    const f = set[name];
    if (f) return f;
  }
  return undefined;
}

/**
 * Registers `names` (or every tool of `sets` when omitted) on `registry`, built for `env`.
 * Names no set provides are skipped: the image's base tools come from the shell area instead.
 */
export function installTools(registry: CommandRegistry, env: ToolEnv, sets: readonly ToolSet[], names?: readonly string[], dir = '/usr/bin'): void {
  const wanted = names ?? [...new Set(sets.flatMap((s) => Object.keys(s)))];
  for (const name of wanted) {
    const factory = findTool(sets, name);
    if (factory) registry.register(name, factory(env), { dir });
  }
}

/** A {@link ToolEnv} for a place in `sim`. */
export function toolEnv(sim: ToolEnv['sim'], place: Place): ToolEnv {
  return { sim, place };
}

/**
 * Installs the commands a package brings (`apt-get install curl jq`): an area's tool if one
 * exists, else the shell's own implementation (jq, coreutils), else nothing.
 */
export function installPackageTools(registry: CommandRegistry, env: ToolEnv, names: readonly string[]): void {
  const core = coreCommands();
  for (const name of names) {
    const factory = findTool(containerToolSets(), name);
    if (factory) registry.register(name, factory(env), { dir: '/usr/bin' });
    else if (core.has(name)) registry.register(name, core.get(name)!, { dir: '/usr/bin' });
  }
}
