/**
 * kubectl's root command: finds the verb the way cobra does (flags may come first), parses
 * flags with pflag's rules, resolves kubeconfig/in-cluster identity, runs the verb, and turns
 * errors into kubectl's `error: ...` / `Error from server (...)` lines and exit codes.
 */
import type { ApiServer } from '../../api/ApiServer';
import type { ApiServerClient } from '../../api/ApiServerClient';
import { ApiError, type ApiClient } from '../../api/types';
import type { ToolEnv } from '../../cluster/tools';
import type { CommandContext, CommandOutcome } from '../../shell/types';
import { formatApiError } from '../print';
import type { FlagDef, KubectlContext, Verb } from '../verb';
import { KubeconfigError } from '../config/kubeconfig';
import { resolveConnection, type Connection } from '../config/connection';
import { FlagError, parseArgv, positionalWords } from './flags';
import { GLOBAL_FLAGS } from './globalFlags';
import { optionsHelp, ROOT_HELP, unknownCommandMessage, verbHelp } from './help';
import { warningClient } from './warningClient';
import { refusedClient, ConnectionRefused, UsageError, CommandFailed } from './errors';

/** The global flags a verb inherits: cobra skips a persistent flag the verb defines itself (`create rolebinding --user`). */
const inheritedFlags = (verb: Verb): FlagDef[] => GLOBAL_FLAGS.filter((g) => !verb.flags.some((f) => f.name === g.name));

/** Every top-level command name kubectl 1.34 has (for suggestions), from its help. */
const KUBECTL_COMMANDS = [...ROOT_HELP.matchAll(/^ {2}([a-z-]+) {2,}/gm)].map((m) => m[1]!).concat(['help', 'options']);

function findVerb(verbs: Verb[], name: string): Verb | undefined {
  return verbs.find((v) => v.name === name || v.aliases?.includes(name));
}

/** Removes the first occurrence of each command word (verb, sub-verb) from argv. */
function withoutWords(argv: string[], words: string[]): string[] {
  const out = [...argv];
  for (const w of words) {
    const i = out.indexOf(w);
    if (i >= 0) out.splice(i, 1);
  }
  return out;
}

/** The connection the verb's client goes through, or a client that fails like an unreachable server. */
function clientFor(env: ToolEnv, conn: Connection, as: string, asGroups: string[], warn: (w: string) => void): ApiClient {
  if (conn.kind === 'refused') return refusedClient(`The connection to the server ${conn.hostPort} was refused - did you specify the right host or port?`);
  if (conn.kind === 'unauthorized') return refusedClient('error: You must be logged in to the server (Unauthorized)');
  const connect = (server: ApiServer): ApiServerClient => {
    const base = server.client(conn.user);
    return as || asGroups.length > 0 ? base.impersonate({ name: as, groups: asGroups }) : base;
  };
  // kubectl talks to an address, not to one server: after a rewind replaces the API server, the
  // requests of a command still running (a watch re-listing, a wait polling) reach the new one.
  let server = env.sim.api;
  let client = connect(server);
  return warningClient(() => {
    if (env.sim.api !== server) {
      server = env.sim.api;
      client = connect(server);
    }
    return client;
  }, warn);
}

/** Runs `kubectl <argv>` on the machine described by `env`. */
export function runKubectl(env: ToolEnv, ctx: CommandContext, verbs: Verb[]): CommandOutcome {
  const argv = ctx.argv.slice(1);
  const words = positionalWords(argv, GLOBAL_FLAGS);
  if (words.length === 0) {
    try {
      parseArgv(argv, GLOBAL_FLAGS);
    } catch (e) {
      if (e instanceof FlagError) return fail(ctx, `${e.message}\nSee 'kubectl --help' for usage.`);
      throw e;
    }
    ctx.stdout(ROOT_HELP);
    return 0;
  }
  const verb = findVerb(verbs, words[0]!);
  if (!verb) {
    if (words[0] === 'options') {
      ctx.stdout(optionsHelp());
      return 0;
    }
    if (words[0] === 'help') {
      const target = words[1] ? findVerb(verbs, words[1]) : undefined;
      ctx.stdout(target ? verbHelp(`kubectl ${target.name}`, target) : ROOT_HELP);
      return 0;
    }
    return fail(ctx, unknownCommandMessage(words[0]!, 'kubectl', KUBECTL_COMMANDS));
  }
  let chosen = verb;
  let path = `kubectl ${verb.name}`;
  const commandWords = [words[0]!];
  if (verb.subcommands?.length) {
    const localWords = positionalWords(withoutWords(argv, commandWords), [...GLOBAL_FLAGS, ...verb.flags]);
    const sub = localWords[0] !== undefined ? findVerb(verb.subcommands, localWords[0]) : undefined;
    if (sub) {
      chosen = sub;
      path += ` ${sub.name}`;
      commandWords.push(localWords[0]!);
    }
  }
  let parsed;
  const inherited = inheritedFlags(chosen);
  try {
    parsed = parseArgv(withoutWords(argv, commandWords), [...chosen.flags, ...inherited]);
  } catch (e) {
    if (e instanceof FlagError) return fail(ctx, `${e.message}\nSee '${path} --help' for usage.`);
    throw e;
  }
  if (parsed.flags.get<boolean>('help')) {
    ctx.stdout(verbHelp(path, chosen));
    return 0;
  }
  // A global flag the verb shadows (`create rolebinding --user`) is the verb's, never the connection's.
  const flags = parsed.flags;
  const globalString = (name: string): string => (inherited.some((f) => f.name === name) ? (flags.get<string>(name) ?? '') : '');
  let conn: Connection;
  try {
    conn = resolveConnection(ctx, env, {
      kubeconfig: globalString('kubeconfig'),
      context: globalString('context'),
      cluster: globalString('cluster'),
      user: globalString('user'),
      server: globalString('server'),
      token: globalString('token'),
      namespace: globalString('namespace'),
    });
  } catch (e) {
    if (e instanceof KubeconfigError) return fail(ctx, e.message);
    throw e;
  }
  const seen = new Set<string>();
  const warn = (w: string): void => {
    if (seen.has(w)) return;
    seen.add(w);
    ctx.stderr(`Warning: ${w}\n`);
  };
  if ((parsed.flags.get<string[]>('as-group') ?? []).length > 0 && !parsed.flags.get<string>('as')) {
    return fail(ctx, 'requesting uid, groups or user-extra for  without impersonating a user');
  }
  const api = clientFor(env, conn, parsed.flags.get<string>('as') ?? '', parsed.flags.get<string[]>('as-group') ?? [], warn);
  const kctx: KubectlContext & { connection: Connection; path: string } = {
    cmd: ctx,
    sim: env.sim,
    // The server of now, as the client's: a rewind during a long command replaces it.
    get server() {
      return env.sim.api;
    },
    api,
    namespace: conn.namespace,
    namespaceExplicit: parsed.flags.has('namespace'),
    flags: parsed.flags,
    args: parsed.args,
    afterDash: parsed.afterDash,
    now: () => ctx.now(),
    connection: conn,
    path,
  };
  try {
    return chosen.run(kctx);
  } catch (e) {
    if (e instanceof ConnectionRefused) {
      ctx.stderr(e.message.endsWith('\n') ? e.message : `${e.message}\n`);
      return 1;
    }
    if (e instanceof UsageError) return fail(ctx, `${e.message}\nSee '${path} -h' for help and examples`);
    if (e instanceof CommandFailed) return fail(ctx, e.message);
    if (e instanceof ApiError) {
      ctx.stderr(formatApiError(e));
      return 1;
    }
    throw e;
  } finally {
    env.sim.drain();
  }
}

/** kubectl's `checkErr`: `error: <msg>` on stderr, exit 1. */
export function fail(ctx: CommandContext, message: string): number {
  const msg = message.startsWith('error: ') ? message : `error: ${message}`;
  ctx.stderr(msg.endsWith('\n') ? msg : `${msg}\n`);
  return 1;
}
