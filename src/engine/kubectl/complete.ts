/**
 * Tab completion for kubectl (what `kubectl completion bash` offers): verbs, sub-verbs, flags,
 * resource types, and object names read from the cluster as the machine's kubectl user would.
 */
import type { ToolEnv } from '../cluster/tools';
import type { Completer } from '../shell/types';
import type { Verb } from './verb';
import { GLOBAL_FLAGS } from './cli/globalFlags';
import { positionalWords } from './cli/flags';

const NAME_VERBS = new Set(['get', 'describe', 'delete', 'edit', 'label', 'annotate', 'patch', 'scale', 'expose', 'rollout', 'logs', 'exec']);

/** Builds the completer for `kubectl` on one machine. */
export function kubectlCompleter(env: ToolEnv, verbs: Verb[]): Completer {
  return (words, index) => {
    const current = words[index] ?? '';
    const before = words.slice(1, index);
    const positional = positionalWords(before, GLOBAL_FLAGS);
    const verb = verbs.find((v) => v.name === positional[0] || v.aliases?.includes(positional[0] ?? ''));
    if (current.startsWith('-')) {
      const flags = [...GLOBAL_FLAGS, ...(verb?.flags ?? [])];
      return [...new Set(flags.map((f) => `--${f.name}`))].sort();
    }
    if (!verb) return verbs.map((v) => v.name).sort();
    const rest = positional.slice(1);
    if (verb.subcommands?.length && rest.length === 0) return verb.subcommands.map((s) => s.name).sort();
    if (!NAME_VERBS.has(verb.name)) return [];
    const api = env.sim.api;
    if (rest.length === 0) {
      return [...new Set(api.resources().flatMap((r) => [r.resource, ...r.shortNames]))].sort();
    }
    let info;
    try {
      info = api.resolveResource(rest[0]!);
    } catch {
      return [];
    }
    const nsIndex = before.findIndex((w) => w === '-n' || w === '--namespace');
    const nsInline = before.find((w) => w.startsWith('--namespace='))?.slice('--namespace='.length);
    const namespace = nsInline ?? (nsIndex >= 0 ? before[nsIndex + 1] : undefined) ?? 'default';
    const items = api.store.list(api.resourceKey(info), info.namespaced ? namespace : undefined);
    return items.map((o) => o.metadata.name ?? '').filter(Boolean).sort();
  };
}
