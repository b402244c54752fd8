/**
 * OpenBSD netcat (Debian/Ubuntu `netcat-openbsd`, the nodes' nc): `nc [-nuvz] [-w SEC] HOST PORT`
 * through the packet engine. Messages are netcat.c's: connection_info's "Connection to ...
 * succeeded!", warn()'s "connect to HOST port P (tcp) failed: ...", timeout_connect's "timed out".
 */
import type { ToolEnv } from '../../cluster/tools';
import type { CommandContext, CommandOutcome } from '../../shell/types';
import { after, netOf } from './toolkit';

/** The /etc/services names (Debian netbase) getservbyport finds for common ports. */
const SERVICES: Record<number, string> = { 21: 'ftp', 22: 'ssh', 23: 'telnet', 25: 'smtp', 53: 'domain', 80: 'http', 110: 'pop3', 143: 'imap2', 443: 'https', 3306: 'mysql', 5432: 'postgresql', 8080: 'http-alt' };

const USAGE = 'usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]\n\t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]\n\t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]\n\t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]\n\t  [destination] [port]\n';

export function runOpenBsdNc(env: ToolEnv, ctx: CommandContext): CommandOutcome {
  const args = ctx.argv.slice(1);
  let verbose = false;
  let numeric = false;
  let udp = false;
  let waitS: number | undefined;
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        if (c === 'w') {
          const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          waitS = Number(v);
          if (!Number.isFinite(waitS)) {
            ctx.stderr(`nc: timeout invalid: ${v ?? ''}\n`);
            return 1;
          }
          break;
        }
        if (c === 'v') verbose = true;
        else if (c === 'n') numeric = true;
        else if (c === 'u') udp = true;
      }
    } else operands.push(a);
  }
  const [host, portText] = operands;
  if (!host || !portText) {
    ctx.stderr(USAGE);
    return 1;
  }
  const port = Number(portText);
  const net = netOf(env);
  const res = numeric ? { addresses: /^\d+\.\d+\.\d+\.\d+$/.test(host) ? [host] : [], elapsedMs: 0 } : net.resolve(env.place, host);
  const ip = res.addresses.find((a) => /^\d+\.\d+\.\d+\.\d+$/.test(a));
  const proto = udp ? 'udp' : 'tcp';
  if (!ip) {
    const why = numeric ? 'Name or service not known' : res.status === 'timeout' || res.status === 'refused' ? 'Temporary failure in name resolution' : 'Name or service not known';
    return after(ctx, res.elapsedMs, () => (ctx.stderr(`nc: getaddrinfo for host "${host}" port ${portText}: ${why}\n`), 1));
  }
  const service = numeric ? '*' : (SERVICES[port] ?? '*');
  const succeeded = () => {
    if (verbose) ctx.stderr(host !== ip ? `Connection to ${host} (${ip}) ${portText} port [${proto}/${service}] succeeded!\n` : `Connection to ${host} ${portText} port [${proto}/${service}] succeeded!\n`);
    return 0;
  };
  // A UDP "connection" is only a connect(2) on the socket: it always succeeds.
  if (udp) return after(ctx, res.elapsedMs, succeeded);
  const r = net.tcpConnect(env.place, ip, port, { ...(waitS ? { timeoutMs: waitS * 1000 } : {}), ...(res.dns ? { dns: res.dns } : {}) });
  const wait = res.elapsedMs + r.trace.elapsedMs;
  if (r.outcome.kind === 'delivered') return after(ctx, res.elapsedMs, succeeded);
  if (r.outcome.kind === 'timeout' && waitS) return after(ctx, wait, () => (verbose && ctx.stderr(`nc: connect to ${host} port ${portText} (${proto}) timed out: Operation now in progress\n`), 1));
  const why = r.outcome.kind === 'timeout' ? 'Connection timed out' : r.outcome.kind === 'unreachable' ? 'No route to host' : 'Connection refused';
  return after(ctx, wait, () => (verbose && ctx.stderr(`nc: connect to ${host} port ${portText} (${proto}) failed: ${why}\n`), 1));
}
