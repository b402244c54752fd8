/**
 * The contract between the areas that provide commands (kubectl, network tools, DNS tools, node
 * tools) and the area that builds machines (nodes and containers) for the learner's shell.
 * Each area exports a {@link ToolSet}; `src/engine/cluster/` installs the right tools on each
 * machine (a container gets only what its image ships, see `apps/` image profiles).
 */
import type { Command } from '../shell/types';
import type { Simulation } from '../sim/Simulation';

/** Where a command runs: on a node's host network, or inside one container of a pod. */
export type Place =
  | { kind: 'node'; node: string }
  | { kind: 'container'; namespace: string; pod: string; container: string; node: string };

/** What a tool is built with: the live cluster and the place it is installed in. */
export interface ToolEnv {
  sim: Simulation;
  place: Place;
}

/** Builds the command for one machine; called once per machine (cheap: capture, don't compute). */
export type ToolFactory = (env: ToolEnv) => Command;

/** Commands an area contributes, by the name the learner types. */
export type ToolSet = Record<string, ToolFactory>;
