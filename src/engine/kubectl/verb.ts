/**
 * The contract between kubectl's dispatcher (flag parsing, kubeconfig, global options) and its
 * verbs. The dispatcher parses argv the way cobra/pflag do, resolves the namespace and the user
 * (kubeconfig, --as/--as-group) and calls {@link Verb.run} with everything a verb needs.
 */
import type { ApiServer } from '../api/ApiServer';
import type { ApiClient } from '../api/types';
import type { CommandContext, CommandOutcome } from '../shell/types';
import type { Simulation } from '../sim/Simulation';

export type FlagKind = 'string' | 'bool' | 'int' | 'stringArray' | 'duration';
export type FlagValue = string | boolean | number | string[];

/** One flag as `kubectl <verb> --help` lists it. */
export interface FlagDef {
  name: string;
  /** One-letter shorthand (`n` for `-n`). */
  short?: string;
  kind: FlagKind;
  default?: FlagValue;
  /** pflag's NoOptDefVal: the value a bare `--flag` (no `=value`) takes, instead of eating the next word. */
  noOptDefault?: string;
  usage: string;
}

/** Parsed flags of one invocation (global flags and the verb's own). */
export interface ParsedFlags {
  /** The value given, or the flag's default. Durations are milliseconds. */
  get<T extends FlagValue = FlagValue>(name: string): T | undefined;
  /** Whether the learner set the flag explicitly. */
  has(name: string): boolean;
}

export interface KubectlContext {
  /** The shell command context: stdin, stdout/stderr writers, filesystem, env, cwd, jobs. */
  cmd: CommandContext;
  sim: Simulation;
  /** Discovery and resource mapping (`resources()`, `resolveResource`, `resourceFor`). */
  server: ApiServer;
  /** A client for the kubeconfig's user, impersonating `--as`/`--as-group` when given. */
  api: ApiClient;
  /** `-n/--namespace`, else the current context's namespace, else `default`. */
  namespace: string;
  /** True when `-n` was given (some messages and defaults depend on it). */
  namespaceExplicit: boolean;
  flags: ParsedFlags;
  /** Positional arguments after the verb (and sub-verb). */
  args: string[];
  /** Arguments after `--` (for exec, run). */
  afterDash: string[];
  /** Virtual time now (ms since the epoch). */
  now(): number;
}

/** A kubectl verb (`get`), or a verb group with sub-verbs (`rollout status`, `create deployment`). */
export interface Verb {
  name: string;
  aliases?: string[];
  /** The one-line summary `kubectl --help` lists. */
  short: string;
  /** The `Usage:` line of `kubectl <verb> --help`. */
  usage: string;
  flags: FlagDef[];
  subcommands?: Verb[];
  run(ctx: KubectlContext): CommandOutcome;
}
