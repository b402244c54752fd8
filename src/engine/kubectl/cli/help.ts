/** kubectl's help texts: the root command groups and the per-verb Options/Usage layout. */
import type { FlagDef, KubectlContext, Verb } from '../verb';
import { UsageError } from './errors';
import { GLOBAL_FLAGS } from './globalFlags';
import { HELP_TEXTS } from './helpTexts';

/** `kubectl --help` of kubectl 1.34 (commands this lab does not serve are still listed, as the binary lists them). */
export const ROOT_HELP = `kubectl controls the Kubernetes cluster manager.

 Find more information at: https://kubernetes.io/docs/reference/kubectl/

Basic Commands (Beginner):
  create          Create a resource from a file or from stdin
  expose          Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service
  run             Run a particular image on the cluster
  set             Set specific features on objects

Basic Commands (Intermediate):
  explain         Get documentation for a resource
  get             Display one or many resources
  edit            Edit a resource on the server
  delete          Delete resources by file names, stdin, resources and names, or by resources and label selector

Deploy Commands:
  rollout         Manage the rollout of a resource
  scale           Set a new size for a deployment, replica set, or replication controller
  autoscale       Auto-scale a deployment, replica set, stateful set, or replication controller

Cluster Management Commands:
  certificate     Modify certificate resources
  cluster-info    Display cluster information
  top             Display resource (CPU/memory) usage
  cordon          Mark node as unschedulable
  uncordon        Mark node as schedulable
  drain           Drain node in preparation for maintenance
  taint           Update the taints on one or more nodes

Troubleshooting and Debugging Commands:
  describe        Show details of a specific resource or group of resources
  logs            Print the logs for a container in a pod
  attach          Attach to a running container
  exec            Execute a command in a container
  port-forward    Forward one or more local ports to a pod
  proxy           Run a proxy to the Kubernetes API server
  cp              Copy files and directories to and from containers
  auth            Inspect authorization
  debug           Create debugging sessions for troubleshooting workloads and nodes
  events          List events

Advanced Commands:
  diff            Diff the live version against a would-be applied version
  apply           Apply a configuration to a resource by file name or stdin
  patch           Update fields of a resource
  replace         Replace a resource by file name or stdin
  wait            Experimental: Wait for a specific condition on one or many resources
  kustomize       Build a kustomization target from a directory or URL

Settings Commands:
  label           Update the labels on a resource
  annotate        Update the annotations on a resource
  completion      Output shell completion code for the specified shell (bash, zsh, fish, or powershell)

Other Commands:
  api-resources   Print the supported API resources on the server
  api-versions    Print the supported API versions on the server, in the form of "group/version"
  config          Modify kubeconfig files
  plugin          Provides utilities for interacting with plugins
  version         Print the client and server version information

Usage:
  kubectl [flags] [options]

Use "kubectl <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

function defaultText(f: FlagDef): string {
  const d = f.default;
  if (f.kind === 'stringArray') return `[${Array.isArray(d) ? d.join(',') : ''}]`;
  if (f.kind === 'string') return `'${d ?? ''}'`;
  if (f.kind === 'bool') return String(d ?? false);
  if (f.kind === 'duration') return typeof d === 'number' ? `${d / 1000}s` : '0s';
  return String(d ?? 0);
}

/**
 * `kubectl <verb> --help` (kubectl's MainHelpTemplate/MainUsageTemplate): the long description
 * (or the summary), Examples, sub-commands, Options, Usage and the global-options hint.
 */
export function verbHelp(path: string, verb: Verb): string {
  const text = HELP_TEXTS[path];
  let out = `${text?.long ?? verb.short}\n`;
  if (text?.examples) out += `\nExamples:\n${text.examples}\n`;
  if (verb.subcommands?.length) {
    out += `\nAvailable Commands:\n`;
    const width = Math.max(...verb.subcommands.map((s) => s.name.length)) + 2;
    for (const s of [...verb.subcommands].sort((a, b) => a.name.localeCompare(b.name))) out += `  ${s.name.padEnd(width)}${s.short}\n`;
  }
  const flags = [...verb.flags].sort((a, b) => a.name.localeCompare(b.name));
  if (flags.length > 0) {
    out += '\nOptions:\n';
    for (const f of flags) out += `    ${f.short ? `-${f.short}, ` : ''}--${f.name}=${defaultText(f)}:\n\t${f.usage}\n\n`;
  } else out += '\n';
  out += `Usage:\n  ${verb.usage.startsWith('kubectl') ? verb.usage : `${path} ${verb.usage}`}\n\n`;
  if (verb.subcommands?.length) out += `Use "${path} <command> --help" for more information about a given command.\n`;
  out += 'Use "kubectl options" for a list of global command-line options (applies to all commands).\n';
  return out;
}

/** cobra's Levenshtein distance for "Did you mean this?". */
export function levenshtein(a: string, b: string): number {
  const d: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0]!;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j]!;
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length]!;
}

/** cobra `SuggestionsFor`: distance ≤ 2 (case-insensitive) or a name with the typed prefix. */
export function suggestionsFor(typed: string, names: string[]): string[] {
  const t = typed.toLowerCase();
  return [...names].sort().filter((n) => levenshtein(t, n.toLowerCase()) <= 2 || n.toLowerCase().startsWith(t));
}

/** cobra's unknown-command error (kubectl prints it after `error: `). */
export function unknownCommandMessage(typed: string, path: string, names: string[]): string {
  const s = suggestionsFor(typed, names);
  const suffix = s.length > 0 ? `\n\nDid you mean this?\n${s.map((n) => `\t${n}\n`).join('')}` : '';
  return `unknown command ${JSON.stringify(typed)} for ${JSON.stringify(path)}${suffix}`;
}

/** `kubectl options`: the global flags every command accepts. */
export function optionsHelp(): string {
  let out = 'The following options can be passed to any command:\n\n';
  for (const f of [...GLOBAL_FLAGS].filter((g) => g.name !== 'help').sort((a, b) => a.name.localeCompare(b.name))) {
    out += `    ${f.short ? `-${f.short}, ` : ''}--${f.name}=${defaultText(f)}:\n\t${f.usage}\n\n`;
  }
  return out;
}

/**
 * cmdutil.DefaultSubCommandRun(ErrOut), the Run of a command that only groups others (rollout,
 * top, config, auth, set): alone it prints its help on stderr and exits 1; with other words it is
 * a usage error, `unknown command "foo bar"`.
 */
export function defaultSubCommandRun(path: string, verb: () => Verb): (k: KubectlContext) => number {
  return (k) => {
    if (k.args.length > 0) throw new UsageError(`unknown command ${JSON.stringify(k.args.join(' '))}`);
    k.cmd.stderr(verbHelp(path, verb()));
    return 1;
  };
}
