/**
 * `kubectl create <generator>`: deployment, service clusterip|nodeport|loadbalancer|externalname,
 * namespace, configmap, serviceaccount (the RBAC generators live in createRbac.ts). The `create -f` verb itself belongs to the resource
 * verbs; these are its sub-commands.
 */
import type { KubeObject } from '../../api/types';
import type { FlagDef, Verb } from '../verb';
import { UsageError } from '../cli/errors';
import { generatedNamespace, guarded, nameArg, requireFlags, sliceFlag } from './common';
import { CREATE_FLAGS, submit } from './createCommon';
import { configMapData } from './configMapSources';
import { rbacCreateSubcommands } from './createRbac';
import { generateDeployment, generateNamespace, generateService, generateServiceAccount } from './generators';

const COMMON = CREATE_FLAGS;

const createDeployment: Verb = {
  name: 'deployment',
  aliases: ['deploy'],
  short: 'Create a deployment with the specified name',
  usage: 'kubectl create deployment NAME --image=image -- [COMMAND] [args...] [options]',
  flags: [
    ...COMMON,
    { name: 'image', kind: 'stringArray', usage: 'Image names to run. A deployment can have multiple images set for multi-container pod.' },
    { name: 'port', kind: 'int', default: -1, usage: 'The containerPort that this deployment exposes.' },
    { name: 'replicas', short: 'r', kind: 'int', default: 1, usage: 'Number of replicas to create. Default is 1.' },
  ],
  run: (ctx) =>
    guarded(ctx, () => {
      requireFlags(ctx, 'image');
      const name = nameArg(ctx, 'create deployment');
      const images = sliceFlag(ctx, 'image');
      if (images.length > 1 && ctx.afterDash.length > 0) throw new Error('cannot specify multiple --image options and command');
      const obj = generateDeployment(
        { name, images, replicas: ctx.flags.get<number>('replicas') ?? 1, port: ctx.flags.get<number>('port') ?? -1, command: ctx.afterDash, ...generatedNamespace(ctx) },
        ctx.sim.rng,
      );
      submit(ctx, 'deployments.apps', true, obj, 'failed to create deployment');
    }),
};

function serviceVerb(name: string, type: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName', usage: string, extra: FlagDef[]): Verb {
  return {
    name,
    short: `Create a${type === 'ExternalName' ? 'n' : ''} ${type} service`,
    usage,
    flags: [...COMMON, { name: 'tcp', kind: 'stringArray', default: [], usage: "Port pairs can be specified as '<port>:<targetPort>'." }, ...extra],
    run: (ctx) =>
      guarded(ctx, () => {
        if (type === 'ExternalName') requireFlags(ctx, 'external-name');
        const svcName = nameArg(ctx, `create service ${name}`);
        const clusterIP = ctx.flags.get<string>('clusterip');
        const nodePort = ctx.flags.get<number>('node-port');
        const externalName = ctx.flags.get<string>('external-name');
        const obj = generateService({
          name: svcName,
          type,
          tcp: sliceFlag(ctx, 'tcp'),
          ...(clusterIP ? { clusterIP } : {}),
          ...(nodePort ? { nodePort } : {}),
          ...(externalName ? { externalName } : {}),
          ...generatedNamespace(ctx),
        });
        submit(ctx, 'services', true, obj, `failed to create ${type} service`);
      }),
  };
}

const SERVICE_TYPES: Verb[] = [
  serviceVerb('clusterip', 'ClusterIP', 'kubectl create service clusterip NAME [--tcp=<port>:<targetPort>] [--dry-run=server|client|none] [options]', [
    { name: 'clusterip', kind: 'string', default: '', usage: "Assign your own ClusterIP or set to 'None' for a 'headless' service (no loadbalancing)." },
  ]),
  serviceVerb('externalname', 'ExternalName', 'kubectl create service externalname NAME --external-name external.name [--dry-run=server|client|none] [options]', [
    { name: 'external-name', kind: 'string', default: '', usage: 'External name of service' },
  ]),
  serviceVerb('loadbalancer', 'LoadBalancer', 'kubectl create service loadbalancer NAME [--tcp=port:targetPort] [--dry-run=server|client|none] [options]', []),
  serviceVerb('nodeport', 'NodePort', 'kubectl create service nodeport NAME [--tcp=port:targetPort] [--dry-run=server|client|none] [options]', [
    { name: 'node-port', kind: 'int', default: 0, usage: 'Port used to expose the service on each node in a cluster.' },
  ]),
];

/**
 * `kubectl create service <type>`. kubectl's dispatcher resolves one level of sub-commands
 * (`create service`), so this verb carries the union of its types' flags and picks the type
 * from its first argument; flags that type does not have are rejected as pflag would.
 */
const createService: Verb = {
  name: 'service',
  aliases: ['svc'],
  short: 'Create a service using a specified subcommand',
  usage: 'kubectl create service [flags] [options]',
  flags: [...COMMON, ...SERVICE_TYPES.flatMap((v) => v.flags.filter((f) => !COMMON.includes(f))).filter((f, i, all) => all.findIndex((g) => g.name === f.name) === i)],
  run: (ctx) => {
    const type = SERVICE_TYPES.find((v) => v.name === ctx.args[0]);
    // create service's Run is DefaultSubCommandRun(ErrOut): unknown words are a usage error, none prints help on stderr.
    if (!type && ctx.args.length > 0) throw new UsageError(`unknown command ${JSON.stringify(ctx.args.join(' '))}`);
    if (!type) {
      ctx.cmd.stderr(`Create a service using a specified subcommand.\n\nAvailable Commands:\n${SERVICE_TYPES.map((v) => `  ${v.name.padEnd(14)}${v.short}\n`).join('')}\nUsage:\n  kubectl create service [flags] [options]\n\nUse "kubectl create service <command> --help" for more information about a given command.\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n`);
      return 1;
    }
    const foreign = createService.flags.find((f) => ctx.flags.has(f.name) && !type.flags.some((g) => g.name === f.name));
    if (foreign) {
      ctx.cmd.stderr(`error: unknown flag: --${foreign.name}\nSee 'kubectl create service ${type.name} --help' for usage.\n`);
      return 1;
    }
    return type.run({ ...ctx, args: ctx.args.slice(1) });
  },
};

const createNamespace: Verb = {
  name: 'namespace',
  aliases: ['ns'],
  short: 'Create a namespace with the specified name',
  usage: 'kubectl create namespace NAME [--dry-run=server|client|none] [options]',
  flags: COMMON,
  run: (ctx) => guarded(ctx, () => submit(ctx, 'namespaces', false, generateNamespace(nameArg(ctx, 'create namespace')), undefined)),
};

const createServiceAccount: Verb = {
  name: 'serviceaccount',
  aliases: ['sa'],
  short: 'Create a service account with the specified name',
  usage: 'kubectl create serviceaccount NAME [--dry-run=server|client|none] [options]',
  flags: COMMON,
  run: (ctx) =>
    guarded(ctx, () => submit(ctx, 'serviceaccounts', true, generateServiceAccount(nameArg(ctx, 'create serviceaccount'), generatedNamespace(ctx).namespace), 'failed to create serviceaccount')),
};

const createConfigMap: Verb = {
  name: 'configmap',
  aliases: ['cm'],
  short: 'Create a config map from a local file, directory or literal value',
  usage: 'kubectl create configmap NAME [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none] [options]',
  flags: [
    ...COMMON,
    { name: 'from-literal', kind: 'stringArray', default: [], usage: 'Specify a key and literal value to insert in configmap (i.e. mykey=somevalue)' },
    { name: 'from-file', kind: 'stringArray', default: [], usage: 'Key file can be specified using its file path, in which case file basename will be used as configmap key, or optionally with a key and file path, in which case the given key will be used.  Specifying a directory will iterate each named file in the directory whose basename is a valid configmap key.' },
    { name: 'append-hash', kind: 'bool', default: false, usage: 'Append a hash of the configmap to its name.' },
  ],
  run: (ctx) =>
    guarded(ctx, () => {
      const name = nameArg(ctx, 'create configmap');
      const data = configMapData(ctx, name);
      const obj: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, ...generatedNamespace(ctx) }, ...(Object.keys(data).length ? { data } : {}) };
      submit(ctx, 'configmaps', true, obj, 'failed to create configmap');
    }),
};

/** The generators `kubectl create` lists; the resource verbs' `create` mounts them as sub-commands. */
export const createSubcommands: Verb[] = [...rbacCreateSubcommands, createConfigMap, createDeployment, createNamespace, createService, createServiceAccount].sort((a, b) => (a.name < b.name ? -1 : 1));
