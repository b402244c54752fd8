/**
 * The DNS tools learners type (`nslookup`, `dig`, `host`, `getent`) as a {@link ToolSet}: each
 * reads the machine's /etc/resolv.conf, sends its queries through the cluster's DNS path, prints
 * exactly what the real tool prints and lets virtual time pass for the timeouts it waited out.
 */
import { imageBaseName, parseImageRef } from '../apps';
import type { Place, ToolEnv, ToolSet } from '../cluster/tools';
import { dig, getentHosts, host, nslookupBind, nslookupBind918, nslookupBusybox128, nslookupBusybox136, parseResolvConf } from '../dns';
import type { DnsTool, DnsToolContext } from '../dns';
import type { Command, CommandContext, CommandOutcome } from '../shell/types';
import type { PodObject } from '../sim/kinds';
import type { Simulation } from '../sim/Simulation';
import { clusterDns, dnsPathOf, placeFiles } from './resolveFromPod';

/** Which nslookup an image ships. */
export type NslookupFlavour = 'bind-dnsutils' | 'bind-9.18' | 'busybox-1.28' | 'busybox-1.36';

const NSLOOKUP: Record<NslookupFlavour, DnsTool> = {
  'bind-dnsutils': nslookupBind,
  'bind-9.18': nslookupBind918,
  'busybox-1.28': nslookupBusybox128,
  'busybox-1.36': nslookupBusybox136,
};

/**
 * The nslookup of an image: the e2e dnsutils images carry the bind build the seed quotes;
 * Debian/Ubuntu (after `apt-get install dnsutils`) and netshoot carry BIND 9.18; busybox 1.28
 * still has the old applet; every other image with nslookup (busybox, alpine) the 1.36 applet.
 */
export function nslookupFlavour(image: string | undefined): NslookupFlavour {
  if (image === undefined) return 'bind-9.18';
  const ref = parseImageRef(image);
  const base = imageBaseName(ref);
  if (base === 'dnsutils' || base === 'jessie-dnsutils') return 'bind-dnsutils';
  if (base === 'netshoot' || base === 'ubuntu' || base === 'debian') return 'bind-9.18';
  if (base === 'busybox' && /^1\.28(\.|$|-)/.test(ref.tag)) return 'busybox-1.28';
  return 'busybox-1.36';
}

/** The image of the container a place is in (undefined on a node). */
function imageAt(sim: Simulation, place: Place): string | undefined {
  if (place.kind !== 'container') return undefined;
  const pod = sim.api.system('coredns').tryGet<PodObject>('pods', place.namespace, place.pod);
  return pod?.spec?.containers.find((c) => c.name === place.container)?.image;
}

/** The tool's view of its machine: resolv.conf from the filesystem if present, else the kubelet's. */
function toolContext(env: ToolEnv, ctx: CommandContext): DnsToolContext {
  const text = ctx.fs.exists('/etc/resolv.conf') && !ctx.fs.isDir('/etc/resolv.conf') ? ctx.fs.readFile('/etc/resolv.conf') : placeFiles(env.sim, env.place).resolvConf;
  const path = dnsPathOf(env.sim);
  return {
    resolvConf: parseResolvConf(text),
    transport: (server, q) => path.exchange(env.place, server, q).reply,
    now: ctx.now(),
    random: () => env.sim.rng.next(),
  };
}

/**
 * Runs a DNS tool as a command. When it waited on timeouts, the clock moves by that much: at once
 * when the session controls time (command line), else the command finishes when time gets there.
 */
function asCommand(env: ToolEnv, pick: () => DnsTool): Command {
  // Installing the tools brings CoreDNS up (once per Simulation), so the network resolves names too.
  clusterDns(env.sim);
  return (ctx): CommandOutcome => {
    const r = pick()(ctx.argv.slice(1), toolContext(env, ctx));
    const wait = r.elapsedMs ?? 0;
    const write = () => {
      if (r.stdout) ctx.stdout(r.stdout);
      if (r.stderr) ctx.stderr(r.stderr);
    };
    if (wait === 0) {
      write();
      return r.exitCode;
    }
    if (ctx.shell.advance) {
      ctx.shell.advance(wait);
      write();
      return r.exitCode;
    }
    const due = ctx.now() + wait;
    return {
      exitCode: 0,
      job: {
        poll: (now) => {
          if (now < due) return undefined;
          write();
          return r.exitCode;
        },
        wakeAt: () => due,
        interrupt: () => undefined,
      },
    };
  };
}

/**
 * The DNS tools for the machine builder (`src/engine/cluster/`), to install according to the image
 * profile's `tools` list. `getent` answers `getent hosts NAME` (glibc images).
 */
export const dnsTools: ToolSet = {
  nslookup: (env) => asCommand(env, () => NSLOOKUP[nslookupFlavour(imageAt(env.sim, env.place))]),
  dig: (env) => asCommand(env, () => dig),
  host: (env) => asCommand(env, () => host),
  getent: (env) => getentCommand(env),
};

/** Databases glibc's getent knows; only `hosts` is answered here, the rest have no entries. */
const GETENT_DATABASES = ['ahosts', 'ahostsv4', 'ahostsv6', 'aliases', 'ethers', 'group', 'gshadow', 'hosts', 'initgroups', 'netgroup', 'networks', 'passwd', 'protocols', 'rpc', 'services', 'shadow'];

/** `getent hosts NAME...`: /etc/hosts first (nsswitch `files dns`), then DNS. */
function getentCommand(env: ToolEnv): Command {
  const dns = asCommand(env, () => getentHosts);
  return (ctx) => {
    const db = ctx.argv[1];
    if (db === undefined) {
      ctx.stderr("Usage: getent [OPTION...] database [key ...]\n");
      return 1;
    }
    if (!GETENT_DATABASES.includes(db)) {
      ctx.stderr(`Unknown database: ${db}\nTry \`getent --help' or \`getent --usage' for more information.\n`);
      return 1;
    }
    if (db !== 'hosts') return 2;
    const hosts = ctx.fs.exists('/etc/hosts') && !ctx.fs.isDir('/etc/hosts') ? ctx.fs.readFile('/etc/hosts') : placeFiles(env.sim, env.place).hosts;
    const keys = ctx.argv.slice(2);
    const fromFile = keys.map((k) => hostsEntry(hosts, k));
    if (fromFile.every((e) => e !== undefined)) {
      for (const e of fromFile) ctx.stdout(e!);
      return keys.length > 0 ? 0 : 2;
    }
    return dns({ ...ctx, argv: ['getent', ...keys] });
  };
}

/** The /etc/hosts line glibc returns for `name`: address, canonical name, aliases. */
function hostsEntry(hosts: string, name: string): string | undefined {
  const want = name.toLowerCase();
  for (const raw of hosts.split('\n')) {
    const [ip, ...names] = raw.replace(/#.*/, '').trim().split(/\s+/);
    if (ip && names.some((n) => n.toLowerCase() === want)) return `${ip.padEnd(15)} ${names.join(' ')}\n`;
  }
  return undefined;
}
