/** `kubectl config`: view, get-contexts, current-context, use-context, set-context. */
import { TABLE_TABWRITER, TabWriter } from '../print/tabwriter';
import { toJson, toYaml } from '../print';
import type { KubectlContext, Verb } from '../verb';
import { CommandFailed } from '../cli/errors';
import { defaultSubCommandRun } from '../cli/help';
import type { Connection } from '../config/connection';
import type { Kubeconfig } from '../config/kubeconfig';

type ConfigContext = KubectlContext & { connection: Connection };

function loaded(k: KubectlContext): { config: Kubeconfig | undefined; path: string } {
  const c = (k as ConfigContext).connection;
  const home = k.cmd.env.get('HOME') ?? k.cmd.machine.home;
  return { config: c.config, path: c.configPath ?? k.cmd.env.get('KUBECONFIG')?.split(':')[0] ?? `${home}/.kube/config` };
}

function emptyConfig(): Kubeconfig {
  return { apiVersion: 'v1', kind: 'Config', clusters: [], contexts: [], users: [], 'current-context': '', preferences: {} };
}

function save(k: KubectlContext, path: string, config: Kubeconfig): void {
  const dir = path.slice(0, path.lastIndexOf('/')) || '/';
  if (!k.cmd.fs.exists(dir)) k.cmd.fs.mkdir(dir, true);
  k.cmd.fs.writeFile(path, toYaml(config));
}

/** `ShortenConfig`/`RedactSecrets` of `config view` without `--raw`. */
function redacted(config: Kubeconfig): Kubeconfig {
  const c = JSON.parse(JSON.stringify(config)) as Kubeconfig;
  for (const cl of c.clusters) if (cl.cluster?.['certificate-authority-data']) cl.cluster['certificate-authority-data'] = 'DATA+OMITTED';
  for (const u of c.users) {
    if (u.user?.['client-certificate-data']) u.user['client-certificate-data'] = 'DATA+OMITTED';
    if (u.user?.['client-key-data']) u.user['client-key-data'] = 'DATA+OMITTED';
    if (u.user?.token) u.user.token = 'REDACTED';
    if (u.user?.password) u.user.password = 'REDACTED';
  }
  return c;
}

function view(k: KubectlContext): number {
  let config = loaded(k).config ?? emptyConfig();
  if (k.flags.get<boolean>('minify')) {
    const name = config['current-context'];
    if (!name) throw new CommandFailed('current-context must exist in order to minify');
    const ctx = config.contexts.find((c) => c.name === name);
    if (!ctx) throw new CommandFailed(`cannot locate context ${name}`);
    config = { ...config, contexts: [ctx], clusters: config.clusters.filter((c) => c.name === ctx.context.cluster), users: config.users.filter((u) => u.name === ctx.context.user) };
  }
  if (!k.flags.get<boolean>('raw')) config = redacted(config);
  const wire = { ...config, clusters: config.clusters.length ? config.clusters : null, contexts: config.contexts.length ? config.contexts : null, users: config.users.length ? config.users : null };
  const output = k.flags.get<string>('output') || 'yaml';
  k.cmd.stdout(output === 'json' ? toJson(wire) : toYaml(wire));
  return 0;
}

function getContexts(k: KubectlContext): number {
  const config = loaded(k).config ?? emptyConfig();
  const wanted = k.args;
  const missing = wanted.filter((n) => !config.contexts.some((c) => c.name === n));
  if (missing.length > 0) throw new CommandFailed(`context ${missing[0]} not found`);
  const rows = config.contexts.filter((c) => wanted.length === 0 || wanted.includes(c.name)).sort((a, b) => a.name.localeCompare(b.name));
  if (k.flags.get<string>('output') === 'name') {
    k.cmd.stdout(rows.map((r) => `${r.name}\n`).join(''));
    return 0;
  }
  const w = new TabWriter(TABLE_TABWRITER);
  if (!k.flags.get<boolean>('no-headers')) w.write('CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE\n');
  for (const r of rows) w.write(`${r.name === config['current-context'] ? '*' : ''}\t${r.name}\t${r.context.cluster ?? ''}\t${r.context.user ?? ''}\t${r.context.namespace ?? ''}\n`);
  k.cmd.stdout(w.flush());
  return 0;
}

function setContext(k: KubectlContext): number {
  const { config: existing, path } = loaded(k);
  const config = existing ?? emptyConfig();
  const current = k.flags.get<boolean>('current');
  if (current && k.args.length > 0) throw new CommandFailed('you cannot specify both a context name and --current');
  const name = current ? config['current-context'] : k.args[0];
  if (!name) throw new CommandFailed(current ? 'no current context is set' : 'you must specify a non-empty context name or --current');
  let ctx = config.contexts.find((c) => c.name === name);
  const created = !ctx;
  if (!ctx) {
    ctx = { name, context: {} };
    config.contexts.push(ctx);
  }
  for (const [flag, field] of [['cluster', 'cluster'], ['user', 'user'], ['namespace', 'namespace']] as const) {
    if (k.flags.has(flag)) ctx.context[field] = k.flags.get<string>(flag)!;
  }
  save(k, path, config);
  k.cmd.stdout(`Context "${name}" ${created ? 'created' : 'modified'}.\n`);
  return 0;
}

function useContext(k: KubectlContext): number {
  const { config: existing, path } = loaded(k);
  const name = k.args[0];
  if (!name) throw new CommandFailed('Unexpected args: []');
  const config = existing ?? emptyConfig();
  if (!config.contexts.some((c) => c.name === name)) throw new CommandFailed(`no context exists with the name: ${JSON.stringify(name)}`);
  config['current-context'] = name;
  save(k, path, config);
  k.cmd.stdout(`Switched to context "${name}".\n`);
  return 0;
}

const sub = (name: string, short: string, usage: string, run: (k: KubectlContext) => number, flags: Verb['flags'] = []): Verb => ({ name, short, usage, flags, run });

export const configVerb: Verb = {
  name: 'config',
  short: 'Modify kubeconfig files using subcommands like "kubectl config set current-context my-context".',
  usage: 'kubectl config SUBCOMMAND [options]',
  flags: [],
  subcommands: [
    sub('view', 'Display merged kubeconfig settings or a specified kubeconfig file.', 'kubectl config view [flags] [options]', view, [
      { name: 'minify', kind: 'bool', default: false, usage: 'Remove all information not used by current-context from the output' },
      { name: 'raw', kind: 'bool', default: false, usage: 'Display raw byte data and sensitive data' },
      { name: 'flatten', kind: 'bool', default: false, usage: 'Flatten the resulting kubeconfig file into self-contained output (useful for creating portable kubeconfig files)' },
      { name: 'output', short: 'o', kind: 'string', default: 'yaml', usage: 'Output format. One of: (json, yaml).' },
    ]),
    sub('get-contexts', 'Describe one or many contexts.', 'kubectl config get-contexts [(-o|--output=)name)] [options]', getContexts, [
      { name: 'no-headers', kind: 'bool', default: false, usage: "When using the default or custom-column output format, don't print headers (default print headers)." },
      { name: 'output', short: 'o', kind: 'string', default: '', usage: 'Output format. One of: (name).' },
    ]),
    sub('current-context', 'Display the current-context.', 'kubectl config current-context [options]', (k) => {
      const name = loaded(k).config?.['current-context'];
      if (!name) throw new CommandFailed('current-context is not set');
      k.cmd.stdout(`${name}\n`);
      return 0;
    }),
    sub('use-context', 'Set the current-context in a kubeconfig file.', 'kubectl config use-context CONTEXT_NAME [options]', useContext),
    sub('set-context', 'Set a context entry in kubeconfig.', 'kubectl config set-context [NAME | --current] [--cluster=cluster_nickname] [--user=user_nickname] [--namespace=namespace] [options]', setContext, [
      { name: 'current', kind: 'bool', default: false, usage: 'Modify the current context' },
    ]),
  ],
  run: defaultSubCommandRun('kubectl config', () => configVerb),
};
