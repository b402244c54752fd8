/**
 * Tools a learner runs from inside a pod (and from a node): `ip addr`/`ip route`, `ping`
 * (iputils and busybox), busybox `wget`, busybox `nc -zv`. Every request walks the packet engine.
 */
import type { ToolEnv, ToolFactory } from '../../cluster/tools';
import type { CommandContext, CommandOutcome } from '../../shell/types';
import { ipAddrShow, ipRouteShow } from '../printIp';
import { nodeByName } from '../topology';
import type { Flavor } from './toolkit';
import { runOpenBsdNc } from './ncOpenbsd';
import { after, flavorOf, netOf, parseUrl } from './toolkit';

function where(env: ToolEnv) {
  const topo = netOf(env).topology();
  const node = nodeByName(topo, env.place.node);
  const pod = env.place.kind === 'container' ? node?.pods.find((p) => p.namespace === (env.place as { namespace: string }).namespace && p.name === (env.place as { pod: string }).pod) : undefined;
  return { topo, node, pod };
}

/** `ip addr|a|address [show [dev] IF]` and `ip route|r|ro [show|list]`. */
export const ipTool: ToolFactory = (env) => (ctx) => {
  const busybox = flavorOf(env) === 'busybox';
  const [object, ...rest] = ctx.argv.slice(1);
  const { topo, node, pod } = where(env);
  if (!node) return 1;
  const objects = { addr: ['a', 'ad', 'add', 'addr', 'addre', 'addres', 'address'], route: ['r', 'ro', 'rou', 'rout', 'route'] };
  if (object && objects.addr.includes(object)) {
    const args = rest[0] === 'show' || rest[0] === 'list' || rest[0] === 'ls' ? rest.slice(1) : rest;
    const dev = args[0] === 'dev' ? args[1] : args[0];
    const proxy = pod && !pod.hostNetwork ? undefined : netOf(env).proxies.proxy(node.name);
    const ipvs = proxy?.config.mode === 'ipvs' ? proxy.ipvs().boundAddresses : undefined;
    const text = ipAddrShow(topo, node, pod, dev, ipvs, busybox);
    if (text === undefined) {
      ctx.stderr(`Device "${dev}" does not exist.\n`);
      return 1;
    }
    ctx.stdout(text);
    return 0;
  }
  if (object && objects.route.includes(object)) {
    ctx.stdout(ipRouteShow(topo, node, pod, busybox));
    return 0;
  }
  if (object === undefined) {
    ctx.stderr('Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n');
    return 255;
  }
  ctx.stderr(`Object "${object}" is unknown, try "ip help".\n`);
  return 255;
};

function pingArgs(args: string[]): { count?: number; waitS?: number; host?: string } | string {
  const out: { count?: number; waitS?: number; host?: string } = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const val = (flag: string) => (a.length > 2 ? a.slice(2) : args[++i]) ?? flag;
    if (a.startsWith('-c')) out.count = Number(val('c'));
    else if (a.startsWith('-W') || a.startsWith('-w')) out.waitS = Number(val('W'));
    else if (!a.startsWith('-')) out.host = a;
    else return a;
  }
  return out;
}

const ms3 = (n: number) => n.toFixed(3);

/** `ping [-c N] [-W S] HOST`: one echo a second through the packet engine, iputils or busybox output. */
function runPing(env: ToolEnv, ctx: CommandContext, flavor: Flavor): CommandOutcome {
  const parsed = pingArgs(ctx.argv.slice(1));
  if (typeof parsed === 'string' || !parsed.host) {
    ctx.stderr(flavor === 'busybox' ? 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n' : `ping: usage error: Destination address required\n`);
    return flavor === 'busybox' ? 1 : 2;
  }
  const net = netOf(env);
  const host = parsed.host;
  const res = net.resolve(env.place, host);
  const ip = res.addresses[0];
  if (!ip) {
    ctx.stderr(flavor === 'busybox' ? `ping: bad address '${host}'\n` : `ping: ${host}: Name or service not known\n`);
    return flavor === 'busybox' ? 1 : 2;
  }
  ctx.stdout(flavor === 'busybox' ? `PING ${host} (${ip}): 56 data bytes\n` : `PING ${host} (${ip}) 56(84) bytes of data.\n`);
  const start = ctx.now();
  const rtts: number[] = [];
  let sent = 0;
  let errors = 0;
  const echo = () => {
    const r = net.ping(env.place, ip);
    sent++;
    if (r.error && flavor === 'gnu') {
      errors++;
      ctx.stdout(`From ${r.error.from} icmp_seq=${sent} ${r.error.message}\n`);
    }
    if (r.reply) {
      rtts.push(r.reply.rttMs);
      ctx.stdout(flavor === 'busybox' ? `64 bytes from ${ip}: seq=${sent - 1} ttl=${r.reply.ttl} time=${ms3(r.reply.rttMs)} ms\n` : `64 bytes from ${ip}: icmp_seq=${sent} ttl=${r.reply.ttl} time=${r.reply.rttMs < 1 ? ms3(r.reply.rttMs) : r.reply.rttMs.toFixed(2)} ms\n`);
    }
  };
  const summary = () => {
    const loss = sent === 0 ? 0 : Math.round(((sent - rtts.length) * 100) / sent);
    const min = Math.min(...rtts);
    const max = Math.max(...rtts);
    const avg = rtts.reduce((a, b) => a + b, 0) / (rtts.length || 1);
    const mdev = Math.sqrt(rtts.reduce((a, b) => a + b * b, 0) / (rtts.length || 1) - avg * avg);
    if (flavor === 'busybox') {
      ctx.stdout(`\n--- ${host} ping statistics ---\n${sent} packets transmitted, ${rtts.length} packets received, ${loss}% packet loss\n`);
      if (rtts.length) ctx.stdout(`round-trip min/avg/max = ${ms3(min)}/${ms3(avg)}/${ms3(max)} ms\n`);
    } else {
      ctx.stdout(`\n--- ${host} ping statistics ---\n${sent} packets transmitted, ${rtts.length} received, ${errors ? `+${errors} errors, ` : ''}${loss}% packet loss, time ${(sent - 1) * 1000 + (sent > 1 ? sent - 1 : 0)}ms\n`);
      if (rtts.length) ctx.stdout(`rtt min/avg/max/mdev = ${ms3(min)}/${ms3(avg)}/${ms3(max)}/${ms3(Number.isFinite(mdev) ? mdev : 0)} ms\n`);
    }
    return rtts.length > 0 ? 0 : 1;
  };
  let next = start;
  let done: number | undefined;
  const total = parsed.count ?? Infinity;
  // The last echo still gets its reply window (-W, default 1 s... iputils waits 10 s with -c on loss).
  const tick = (now: number) => {
    while (done === undefined && next <= now && sent < total) {
      echo();
      next += 1000;
    }
    if (done === undefined && sent >= total && now >= next - 1000 + (rtts.length === sent ? 0 : 1000 * (parsed.waitS ?? 1))) done = summary();
    return done;
  };
  return {
    exitCode: 0,
    job: {
      poll: (now) => tick(now),
      wakeAt: () => (done !== undefined ? undefined : sent >= total ? next - 1000 + (rtts.length === sent ? 0 : 1000 * (parsed.waitS ?? 1)) : next),
      interrupt: () => {
        if (done === undefined) done = summary();
      },
    },
  };
}

export const pingTool: ToolFactory = (env) => {
  const flavor = flavorOf(env);
  return (ctx) => runPing(env, ctx, flavor);
};

/** busybox `wget [-q] [-O FILE|-] [-T SEC] URL`. */
export const wgetTool: ToolFactory = (env) => (ctx) => {
  const args = ctx.argv.slice(1);
  let quiet = false;
  let output: string | undefined;
  let timeoutS = 900;
  let rawUrl: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-q') quiet = true;
    else if (a === '-qO-' || a === '-qO') {
      quiet = true;
      output = a === '-qO-' ? '-' : args[++i];
    } else if (a.startsWith('-O')) output = a.length > 2 ? a.slice(2) : args[++i];
    else if (a.startsWith('-T')) timeoutS = Number(a.length > 2 ? a.slice(2) : args[++i]);
    else if (!a.startsWith('-')) rawUrl = a;
  }
  const url = rawUrl ? parseUrl(rawUrl) : undefined;
  if (!url) {
    ctx.stderr('BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n');
    return 1;
  }
  const net = netOf(env);
  const res = net.resolve(env.place, url.host);
  const ip = res.addresses[0];
  if (!ip) return after(ctx, res.elapsedMs, () => (ctx.stderr(`wget: bad address '${url.host}'\n`), 1));
  if (!quiet) ctx.stderr(`Connecting to ${url.host} (${ip}:${url.port})\n`);
  // busybox ≥1.33 speaks TLS itself and checks no certificate, saying so on stderr.
  const https = url.scheme === 'https';
  const tls = https ? (cert: unknown) => (cert !== undefined && ctx.stderr('wget: note: TLS certificate validation not implemented\n'), true) : undefined;
  const r = net.httpRequest(env.place, { ...(res.dns ? { dns: res.dns } : {}), ip, port: url.port, path: url.path, host: url.port === (https ? 443 : 80) ? url.host : `${url.host}:${url.port}`, userAgent: 'Wget', timeoutMs: timeoutS * 1000, ...(tls ? { tls } : {}) });
  if (r.outcome.kind === 'timeout') return after(ctx, res.elapsedMs + timeoutS * 1000, () => (ctx.stderr('wget: download timed out\n'), 1));
  if (r.outcome.kind !== 'delivered') return after(ctx, res.elapsedMs + (r.outcome.kind === 'unreachable' ? 3070 : 0), () => (ctx.stderr(`wget: can't connect to remote host (${ip}): ${r.outcome.kind === 'unreachable' ? 'No route to host' : 'Connection refused'}\n`), 1));
  if (!r.response) return (ctx.stderr('wget: error getting response: Connection reset by peer\n'), 1);
  const resp = r.response;
  if (resp.status >= 400) {
    ctx.stderr(`wget: server returned error: HTTP/1.1 ${resp.status} ${resp.reason}\n`);
    return 1;
  }
  const name = output ?? (url.path.replace(/[?#].*$/, '').split('/').pop() || 'index.html');
  const size = String(resp.body.length);
  const bar = (label: string) => `${label.padEnd(20).slice(0, 20)} 100% |${'*'.repeat(32)}|${size.padStart(6)}  0:00:00 ETA\n`;
  if (name === '-') {
    if (!quiet) ctx.stderr('writing to stdout\n');
    ctx.stdout(resp.body);
    if (!quiet) ctx.stderr(`${bar('-')}written to stdout\n`);
    return 0;
  }
  if (ctx.fs.exists(ctx.resolve(name)) && output === undefined) {
    ctx.stderr(`wget: can't open '${name}': File exists\n`);
    return 1;
  }
  ctx.fs.writeFile(ctx.resolve(name), resp.body);
  if (!quiet) ctx.stderr(`saving to '${name}'\n${bar(name)}'${name}' saved\n`);
  return 0;
};

/** `nc`: OpenBSD netcat on Debian/Ubuntu images and nodes, else busybox's applet. */
export const ncTool: ToolFactory = (env) => (flavorOf(env) === 'gnu' ? (ctx) => runOpenBsdNc(env, ctx) : busyboxNc(env));

/** busybox `nc [-z] [-v] [-w SEC] HOST PORT`: a TCP connect through the packet engine. */
const busyboxNc: ToolFactory = (env) => (ctx) => {
  const args = ctx.argv.slice(1);
  let verbose = false;
  let waitS: number | undefined;
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('-w')) waitS = Number(a.length > 2 ? a.slice(2) : args[++i]);
    else if (a.startsWith('-') && a.length > 1) {
      if (a.includes('v')) verbose = true;
    } else operands.push(a);
  }
  const [host, portText] = operands;
  if (!host || !portText) {
    ctx.stderr('BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nc [OPTIONS] HOST PORT  - connect\nnc [OPTIONS] -l -p PORT [HOST] [PORT]  - listen\n');
    return 1;
  }
  const net = netOf(env);
  const res = net.resolve(env.place, host);
  const ip = res.addresses[0];
  if (!ip) return (ctx.stderr(`nc: bad address '${host}'\n`), 1);
  const port = Number(portText);
  const r = net.tcpConnect(env.place, ip, port, { ...(waitS ? { timeoutMs: waitS * 1000 } : {}), ...(res.dns ? { dns: res.dns } : {}) });
  const label = `${host} (${ip}:${port})`;
  if (r.outcome.kind === 'delivered') {
    if (verbose) ctx.stderr(`${label} open\n`);
    return 0;
  }
  const why = r.outcome.kind === 'timeout' ? 'Connection timed out' : r.outcome.kind === 'unreachable' ? 'No route to host' : 'Connection refused';
  return after(ctx, r.trace.elapsedMs, () => (ctx.stderr(`nc: ${label}: ${why}\n`), 1));
};
