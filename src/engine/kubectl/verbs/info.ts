/** Discovery and cluster information: api-resources, api-versions, version, cluster-info. */
import { TABLE_TABWRITER, TabWriter } from '../print/tabwriter';
import { toJson, toYaml } from '../print';
import type { KubectlContext, Verb } from '../verb';
import { CommandFailed } from '../cli/errors';
import { K8S_VERSION } from '../../sim/bootstrap/versions';
import type { Service } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/types';

function apiResources(k: KubectlContext): number {
  const output = k.flags.get<string>('output')!;
  if (output !== '' && output !== 'wide' && output !== 'name') throw new CommandFailed(`--output ${output} is not available`);
  let rows = k.server.resources();
  if (k.flags.has('namespaced')) rows = rows.filter((r) => r.namespaced === k.flags.get<boolean>('namespaced'));
  if (k.flags.has('api-group')) rows = rows.filter((r) => r.group === k.flags.get<string>('api-group'));
  const verbs = k.flags.get<string[]>('verbs')!.flatMap((v) => v.split(',')).filter(Boolean);
  if (verbs.length > 0) rows = rows.filter((r) => verbs.every((v) => r.verbs.includes(v)));
  const sortBy = k.flags.get<string>('sort-by')!;
  if (sortBy === 'name') rows = [...rows].sort((a, b) => a.resource.localeCompare(b.resource));
  else if (sortBy === 'kind') rows = [...rows].sort((a, b) => a.kind.localeCompare(b.kind));
  else if (sortBy !== '') throw new CommandFailed(`--sort-by accepts only name or kind`);
  if (output === 'name') {
    k.cmd.stdout(rows.map((r) => `${r.group ? `${r.resource}.${r.group}` : r.resource}\n`).join(''));
    return 0;
  }
  const w = new TabWriter(TABLE_TABWRITER);
  const wide = output === 'wide';
  if (!k.flags.get<boolean>('no-headers')) w.write(`NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND${wide ? '\tVERBS\tCATEGORIES' : ''}\n`);
  for (const r of rows) {
    const gv = r.group ? `${r.group}/${r.version}` : r.version;
    const extra = wide ? `\t[${[...r.verbs].sort().join(' ')}]\t${(r.categories ?? []).join(',')}` : '';
    w.write(`${r.resource}\t${r.shortNames.join(',')}\t${gv}\t${r.namespaced}\t${r.kind}${extra}\n`);
  }
  k.cmd.stdout(w.flush());
  return 0;
}

export const apiResourcesVerb: Verb = {
  name: 'api-resources',
  short: 'Print the supported API resources on the server.',
  usage: 'kubectl api-resources [flags] [options]',
  flags: [
    { name: 'api-group', kind: 'string', default: '', usage: 'Limit to resources in the specified API group.' },
    { name: 'cached', kind: 'bool', default: false, usage: 'Use the cached list of resources if available.' },
    { name: 'categories', kind: 'stringArray', usage: 'Limit to resources that belong to the specified categories.' },
    { name: 'namespaced', kind: 'bool', default: true, usage: 'If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.' },
    { name: 'no-headers', kind: 'bool', default: false, usage: "When using the default or custom-column output format, don't print headers (default print headers)." },
    { name: 'output', short: 'o', kind: 'string', default: '', usage: 'Output format. One of: (wide, name).' },
    { name: 'sort-by', kind: 'string', default: '', usage: "If non-empty, sort list of resources using specified field. The field can be either 'name' or 'kind'." },
    { name: 'verbs', kind: 'stringArray', usage: 'Limit to resources that support the specified verbs.' },
  ],
  run: apiResources,
};

export const apiVersionsVerb: Verb = {
  name: 'api-versions',
  short: 'Print the supported API versions on the server, in the form of "group/version".',
  usage: 'kubectl api-versions',
  flags: [],
  run: (k) => {
    const gvs = new Set(k.server.resources().map((r) => (r.group ? `${r.group}/${r.version}` : r.version)));
    k.api.list('namespaces', undefined);
    k.cmd.stdout([...gvs].sort().map((g) => `${g}\n`).join(''));
    return 0;
  },
};

const KUSTOMIZE_VERSION = 'v5.7.1';

function versionInfo(): Record<string, string> {
  const [major, minor] = K8S_VERSION.slice(1).split('.');
  return {
    buildDate: '2025-09-09T19:44:50Z',
    compiler: 'gc',
    gitCommit: '93248f9ae092f571eb870b7664c534bfc7d00f03',
    gitTreeState: 'clean',
    gitVersion: K8S_VERSION,
    goVersion: 'go1.24.6',
    major: major!,
    minor: minor!,
    platform: 'linux/amd64',
  };
}

export const versionVerb: Verb = {
  name: 'version',
  short: 'Print the client and server version information for the current context.',
  usage: 'kubectl version [flags] [options]',
  flags: [
    { name: 'client', kind: 'bool', default: false, usage: 'If true, shows client version only (no server required).' },
    { name: 'output', short: 'o', kind: 'string', default: '', usage: "One of 'yaml' or 'json'." },
  ],
  run: (k) => {
    const output = k.flags.get<string>('output')!;
    if (output !== '' && output !== 'yaml' && output !== 'json') throw new CommandFailed(`--output must be 'yaml' or 'json'`);
    const clientOnly = k.flags.get<boolean>('client');
    const doc: Record<string, unknown> = { clientVersion: versionInfo(), kustomizeVersion: KUSTOMIZE_VERSION };
    let serverError: unknown;
    if (!clientOnly) {
      try {
        k.api.list('namespaces', undefined);
        doc.serverVersion = versionInfo();
      } catch (e) {
        serverError = e;
      }
    }
    if (output === 'yaml') k.cmd.stdout(toYaml(doc));
    else if (output === 'json') k.cmd.stdout(toJson(doc));
    else {
      k.cmd.stdout(`Client Version: ${K8S_VERSION}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`);
      if (doc.serverVersion) k.cmd.stdout(`Server Version: ${K8S_VERSION}\n`);
    }
    if (serverError) throw serverError;
    return 0;
  },
};

/** go-colortext's ANSI sequences, which cluster-info writes only to a terminal here. */
function colored(tty: boolean, code: number, text: string): string {
  return tty ? `\x1b[0;${code}m${text}\x1b[0m` : text;
}

export const clusterInfoVerb: Verb = {
  name: 'cluster-info',
  short: 'Display addresses of the control plane and services with label kubernetes.io/cluster-service=true.',
  usage: 'kubectl cluster-info [flags] [options]',
  flags: [],
  run: (k) => {
    const conn = (k as KubectlContext & { connection: { kind: string; server?: string } }).connection;
    const server = conn.server ?? '';
    const services = k.api.list<Service & KubeObject>('services', 'kube-system', { labelSelector: 'kubernetes.io/cluster-service=true' }).items;
    const tty = k.cmd.isTTY;
    const line = (name: string, link: string) => `${colored(tty, 32, name)} is running at ${colored(tty, 33, link)}\n`;
    let out = line('Kubernetes control plane', server);
    for (const svc of services) {
      const name = svc.metadata.labels?.['kubernetes.io/name'] ?? svc.metadata.name ?? '';
      const port = svc.spec?.ports?.[0];
      const svcName = port?.name ? `${svc.metadata.name}:${port.name}` : svc.metadata.name;
      out += line(name, `${server}/api/v1/namespaces/${svc.metadata.namespace}/services/${svcName}/proxy`);
    }
    out += "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n";
    k.cmd.stdout(out);
    return 0;
  },
};
