/**
 * What a node's shell has for looking at kube-proxy's work: iptables-save, iptables -S/-L,
 * ipvsadm -Ln and conntrack -L, all printed from the same state the packet engine evaluates.
 */
import type { ToolEnv, ToolFactory } from '../../cluster/tools';
import { connectionKey, iptablesList, iptablesListRules, iptablesSave, ipvsadmList, ipvsadmListService } from '../../proxy';
import type { TableName } from '../../proxy';
import type { CommandContext } from '../../shell/types';
import { CONNTRACK_VERSION, conntrackList } from '../conntrack';
import { netOf } from './toolkit';

const TABLES: readonly TableName[] = ['filter', 'nat', 'mangle'];

function nodeName(env: ToolEnv): string {
  return env.place.node;
}

function proxyOf(env: ToolEnv) {
  return netOf(env).proxies.proxy(nodeName(env));
}

/** `iptables-save [-t TABLE]`. */
export const iptablesSaveTool: ToolFactory = (env) => (ctx) => {
  const args = ctx.argv.slice(1);
  let table: TableName | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-t' || a === '--table') {
      const t = args[++i];
      if (!t || !(TABLES as readonly string[]).includes(t)) {
        ctx.stderr(`iptables-save v1.8.9 (nf_tables): table '${t ?? ''}' does not exist\n`);
        return 1;
      }
      table = t as TableName;
    } else if (a !== '-c' && a !== '--counters') {
      ctx.stderr(`iptables-save v1.8.9 (nf_tables): unknown option "${a}"\n`);
      return 1;
    }
  }
  const proxy = proxyOf(env);
  if (!proxy) return 1;
  ctx.stdout(iptablesSave(proxy.ruleset(), ctx.now(), table));
  return 0;
};

/** `iptables [-t TABLE] -S [CHAIN]` and `iptables [-t TABLE] -L [CHAIN] [-n] [-v] [--line-numbers]`. */
export const iptablesTool: ToolFactory = (env) => (ctx) => {
  const args = ctx.argv.slice(1);
  let table: TableName = 'filter';
  let cmd: 'S' | 'L' | undefined;
  let chain: string | undefined;
  const opts = { numeric: false, verbose: false, lineNumbers: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-t' || a === '--table') {
      const t = args[++i] ?? '';
      if (!(TABLES as readonly string[]).includes(t)) return fail(ctx, `iptables v1.8.9 (nf_tables): table '${t}' does not exist\nPerhaps iptables or your kernel needs to be upgraded.\n`, 3);
      table = t as TableName;
    } else if (a === '--line-numbers') opts.lineNumbers = true;
    else if (a === '--list' || a === '--list-rules') cmd = a === '--list' ? 'L' : 'S';
    else if (a === '--numeric') opts.numeric = true;
    else if (a === '--verbose') opts.verbose = true;
    else if (a.startsWith('-') && !a.startsWith('--')) {
      for (const c of a.slice(1)) {
        if (c === 'L' || c === 'S') cmd = c;
        else if (c === 'n') opts.numeric = true;
        else if (c === 'v') opts.verbose = true;
        else if (c === 't') {
          const t = args[++i] ?? '';
          if (!(TABLES as readonly string[]).includes(t)) return fail(ctx, `iptables v1.8.9 (nf_tables): table '${t}' does not exist\nPerhaps iptables or your kernel needs to be upgraded.\n`, 3);
          table = t as TableName;
        } else return fail(ctx, `iptables v1.8.9 (nf_tables): unknown option "${a}"\nTry \`iptables -h' or 'iptables --help' for more information.\n`, 2);
      }
    } else if (!a.startsWith('-')) chain = a;
    else return fail(ctx, `iptables v1.8.9 (nf_tables): unknown option "${a}"\nTry \`iptables -h' or 'iptables --help' for more information.\n`, 2);
  }
  if (!cmd) return fail(ctx, `iptables v1.8.9 (nf_tables): no command specified\nTry \`iptables -h' or 'iptables --help' for more information.\n`, 2);
  const proxy = proxyOf(env);
  if (!proxy) return 1;
  const text = cmd === 'S' ? iptablesListRules(proxy.ruleset(), table, chain) : iptablesList(proxy.ruleset(), table, chain, opts);
  if (text === undefined) return fail(ctx, `iptables: No chain/target/match by that name.\n`, 1);
  ctx.stdout(text);
  return 0;
};

function fail(ctx: CommandContext, message: string, code: number): number {
  ctx.stderr(message);
  return code;
}

/** ipvsadm's list options: `-L`/`-l`/`--list`, `-n`/`--numeric`, `-t|-u|--tcp-service|--udp-service ADDR:PORT`. */
interface IpvsadmArgs {
  service?: { protocol: 'tcp' | 'udp'; address: string };
}

/** Parses ipvsadm's short-option clusters (`-Ln`, `-ln`) and long options; undefined + message on error. */
function parseIpvsadm(args: readonly string[]): IpvsadmArgs | string {
  const parsed: IpvsadmArgs = {};
  let listing = args.length === 0; // a bare `ipvsadm` lists too
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const service = (protocol: 'tcp' | 'udp') => {
      const address = args[++i];
      if (!address) return `ipvsadm: option requires an argument -- '${protocol === 'tcp' ? 't' : 'u'}'\n`;
      parsed.service = { protocol, address };
      return undefined;
    };
    if (a === '--list') listing = true;
    else if (a === '--numeric') continue;
    else if (a === '--tcp-service' || a === '--udp-service') {
      const err = service(a === '--tcp-service' ? 'tcp' : 'udp');
      if (err) return err;
    } else if (/^-[A-Za-z]+$/.test(a)) {
      for (const f of a.slice(1)) {
        if (f === 'L' || f === 'l') listing = true;
        else if (f === 'n') continue;
        else if (f === 't' || f === 'u') {
          const err = service(f === 't' ? 'tcp' : 'udp');
          if (err) return err;
        } else return `ipvsadm: invalid option -- '${f}'\n`;
      }
    } else return `ipvsadm: invalid option -- '${a.replace(/^-+/, '')[0] ?? ''}'\n`;
  }
  return listing ? parsed : `ipvsadm: invalid option -- '${(args[0] ?? '').replace(/^-+/, '')[0] ?? ''}'\n`;
}

/** `ipvsadm -Ln [-t|-u ADDR:PORT]` (also `-ln`, `-L -n`, `--list --numeric`): the node's IPVS table with connection counts. */
export const ipvsadmTool: ToolFactory = (env) => (ctx) => {
  const parsed = parseIpvsadm(ctx.argv.slice(1));
  if (typeof parsed === 'string') return fail(ctx, parsed, 2);
  const net = netOf(env);
  const proxy = net.proxies.proxy(nodeName(env));
  if (!proxy) return 1;
  const state = proxy.config.mode === 'ipvs' ? proxy.ipvs() : { virtualServers: [], boundAddresses: [] };
  // IPVS keeps a closed connection in its table (InActConn) as long as conntrack keeps TIME_WAIT,
  // under the virtual server it was addressed to (a NodePort and its ClusterIP count apart).
  const counts: Record<string, { active: number; inactive: number }> = {};
  for (const e of net.conntrack(nodeName(env))) {
    const key = connectionKey(e.protocol, `${e.orig.dst}:${e.orig.dport}`, `${e.reply.src}:${e.reply.sport}`);
    const c = (counts[key] ??= { active: 0, inactive: 0 });
    if (e.state === 'ESTABLISHED') c.active++;
    else if (e.state === 'TIME_WAIT') c.inactive++;
  }
  if (parsed.service) {
    const { protocol, address } = parsed.service;
    const vs = state.virtualServers.find((v) => v.protocol === protocol && `${v.ip}:${v.port}` === address);
    // list_service: ipvs_get_service fails with ESRCH, printed by ipvs_strerror.
    if (!vs) return fail(ctx, 'No such service\n', 1);
    ctx.stdout(ipvsadmListService(vs, counts));
    return 0;
  }
  ctx.stdout(ipvsadmList(state as ReturnType<typeof proxy.ipvs>, counts));
  return 0;
};

/** `conntrack -L [-p PROTO]`, `conntrack -F`, `conntrack -C`. */
export const conntrackTool: ToolFactory = (env) => (ctx) => {
  const args = ctx.argv.slice(1);
  const net = netOf(env);
  const node = nodeName(env);
  const protoAt = args.findIndex((a) => a === '-p' || a === '--proto');
  const protocol = protoAt >= 0 ? args[protoAt + 1] : undefined;
  if (args.includes('-F') || args.includes('--flush')) {
    net.flushConntrack(node);
    ctx.stderr(`conntrack v${CONNTRACK_VERSION} (conntrack-tools): connection tracking table has been emptied.\n`);
    return 0;
  }
  if (args.includes('-C') || args.includes('--count')) {
    ctx.stdout(`${net.conntrack(node).length}\n`);
    return 0;
  }
  if (args.includes('-L') || args.includes('--dump') || args.length === 0) {
    const { stdout, stderr } = conntrackList(net.conntrack(node), ctx.now(), protocol ? { protocol } : {});
    ctx.stdout(stdout);
    ctx.stderr(stderr);
    return 0;
  }
  return fail(ctx, `conntrack v${CONNTRACK_VERSION} (conntrack-tools): Invalid parameter "${args[0]}"\nTry \`conntrack -h' or 'conntrack --help' for more information.\n`, 2);
};
