/**
 * busybox `traceroute [-n] [-m MAXTTL] [-w SEC] HOST`: UDP probes from port 33434 walk the packet
 * engine once; every node that routes the probe answers "time exceeded" from the address facing
 * the sender, the destination answers "port unreachable", and a probe lost beyond the gateway
 * prints `*` until the hop limit (waiting `-w` seconds per probe, in virtual time).
 */
import type { ToolFactory } from '../../cluster/tools';
import { nodeByName } from '../topology';
import { after, netOf } from './toolkit';

const PROBE_PORT = 33434;

export const tracerouteTool: ToolFactory = (env) => (ctx) => {
  const args = ctx.argv.slice(1);
  let numeric = false;
  let maxTtl = 30;
  let waitS = 5;
  let host: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-n') numeric = true;
    else if (a === '-m') maxTtl = Number(args[++i]);
    else if (a === '-w') waitS = Number(args[++i]);
    else if (!a.startsWith('-')) host = a;
  }
  if (!host) {
    ctx.stderr('BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: traceroute [-46IFlnrv] [-f 1ST_TTL] [-m MAXTTL] [-q PROBES] [-p PORT]\n\t[-t TOS] [-w WAIT_SEC] [-s SRC_IP] [-i IFACE]\n\t[-z PAUSE_MSEC] HOST [BYTES]\n');
    return 1;
  }
  const net = netOf(env);
  const res = net.resolve(env.place, host);
  const ip = res.addresses[0];
  if (!ip) {
    ctx.stderr(`traceroute: bad address '${host}'\n`);
    return 1;
  }
  ctx.stdout(`traceroute to ${host} (${ip}), ${maxTtl} hops max, 46 byte packets\n`);
  const r = net.udpExchange(env.place, ip, PROBE_PORT, undefined, { timeoutMs: waitS * 1000 });
  const topo = net.topology();
  const fromPod = env.place.kind === 'container' && !nodeByName(topo, env.place.node)?.pods.find((p) => p.name === (env.place as { pod: string }).pod)?.hostNetwork;
  // Routers: each node that made a routing decision for the probe, in order, once each.
  const routers: string[] = [];
  for (const h of r.trace.hops) {
    if (h.where.kind !== 'node' || h.where.table !== 'route') continue;
    const node = nodeByName(topo, h.where.machine);
    if (!node) continue;
    const first = routers.length === 0;
    if (first && env.place.kind === 'node') continue;
    // Pod to pod on the same bridge is switched, not routed: no hop.
    if (first && fromPod && h.where.interface === 'cni0') continue;
    routers.push(first && fromPod ? node.bridgeIP : node.ip);
  }
  const lost = r.outcome.kind === 'timeout';
  if (lost && r.trace.hops.some((h) => h.where.kind === 'outside')) routers.push(topo.nodeNetwork.gateway);
  const name = (a: string) => (numeric ? a : `${a} (${a})`);
  const times = () => [0, 1, 2].map(() => `  ${(0.003 + net.sim.rng.int(40) / 1000).toFixed(3)} ms`).join('');
  const lines: string[] = [];
  routers.slice(0, maxTtl).forEach((a, i) => lines.push(`${String(i + 1).padStart(2)}  ${name(a)}${times()}`));
  let waited = 0;
  if (!lost && routers.length < maxTtl) lines.push(`${String(routers.length + 1).padStart(2)}  ${name(ip)}${times()}`);
  else if (lost) {
    for (let ttl = routers.length + 1; ttl <= maxTtl; ttl++) lines.push(`${String(ttl).padStart(2)}  *  *  *`);
    waited = (maxTtl - routers.length) * 3 * waitS * 1000;
  }
  return after(ctx, waited, () => {
    ctx.stdout(lines.map((l) => `${l}\n`).join(''));
    return 0;
  });
};
