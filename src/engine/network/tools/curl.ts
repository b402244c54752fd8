/**
 * curl 8.5 (Ubuntu 24.04's, which the seeds install with apt-get): the request goes through the
 * packet engine; the answer comes from the app in the pod. Messages are curl's own
 * (lib/connect.c, lib/strerror.c, src/tool_operate.c).
 */
import type { HttpResponse, ServerCert } from '../../apps';
import type { ToolEnv, ToolFactory } from '../../cluster/tools';
import type { CommandContext, CommandOutcome } from '../../shell/types';
import { TCP_SYN_TIMEOUT_MS } from '../Network';
import type { CurlOpts } from './curlArgs';
import { parseCurlArgs } from './curlArgs';
import { progressMeter } from './curlProgress';
import type { TransferInfo } from './curlWriteOut';
import { writeOut } from './curlWriteOut';
import type { TlsFailure } from './curlTls';
import { trustedCAs, verifyCert, WRONG_VERSION } from './curlTls';
import { after, netOf, parseUrl } from './toolkit';

export const CURL_VERSION = '8.5.0';

/** HTTP/2 has no reason phrase: curl writes `HTTP/2 200 ` (http2.c). */
const statusLine = (r: HttpResponse) => (r.httpVersion === '2' ? `HTTP/2 ${r.status} ` : `HTTP/${r.httpVersion ?? '1.1'} ${r.status} ${r.reason}`);

function headerBlock(r: HttpResponse, prefix = ''): string {
  return [statusLine(r), ...r.headers.map(([k, v]) => `${k}: ${v}`), ''].map((l) => `${prefix}${l}\r\n`).join('');
}

/** `-w @file` reads the format from a file (`@-`: standard input), as tool_getparam.c does. */
function writeOutFormat(o: CurlOpts, ctx: CommandContext): string | undefined {
  const w = o.writeOut;
  if (w === undefined || !w.startsWith('@')) return w;
  const file = w.slice(1);
  if (file === '-') return ctx.stdin;
  const path = ctx.resolve(file);
  if (ctx.fs.exists(path) && !ctx.fs.isDir(path)) return ctx.fs.readFile(path);
  ctx.stderr(`Warning: Failed to read ${file}\n`);
  return '';
}

/** One curl invocation from `env.place`. */
export function runCurl(env: ToolEnv, ctx: CommandContext): CommandOutcome {
  const parsed = parseCurlArgs(ctx.argv.slice(1));
  if (typeof parsed === 'string') {
    ctx.stderr(`${parsed}\ncurl: try 'curl --help' or 'curl --manual' for more information\n`);
    return 2;
  }
  const o = parsed;
  if (o.urls.length === 0) {
    ctx.stderr(`curl: try 'curl --help' or 'curl --manual' for more information\n`);
    return 2;
  }
  const net = netOf(env);
  const fmt = writeOutFormat(o, ctx);
  const showErr = !o.silent || o.showError;
  // The meter goes to stderr whenever the body does not go to the terminal (tool_operate.c).
  const meter = !o.silent && (!ctx.isTTY || (o.output !== undefined && o.output !== '-'));
  const method = o.method ?? (o.head ? 'HEAD' : 'GET');
  const first = parseUrl(o.urls[0]!);
  const info: TransferInfo = {
    httpCode: 0, sizeDownload: 0, sizeHeader: 0, sizeRequest: 0, url: o.urls[0]!, urlEffective: first ? urlText(first) : o.urls[0]!, numRedirects: 0, numConnects: 0, method, headers: [],
    times: { namelookup: 0, connect: 0, appconnect: 0, pretransfer: 0, starttransfer: 0, total: 0 }, exitCode: 0, sslVerifyResult: 0, httpVersion: '0',
    ...(o.output && o.output !== '-' ? { filename: o.output } : {}),
  };
  let waited = 0;
  /** Every failure ends here: the meter's last line, curl's message, then the write-out (post_per_transfer). */
  const fail = (code: number, msg: string, extra = '') => {
    if (meter) ctx.stderr(progressMeter(0, waited));
    if (o.verbose) ctx.stderr(`* ${msg}\n`);
    if (showErr) ctx.stderr(`curl: (${code}) ${msg}\n${extra}`);
    info.exitCode = code;
    info.errorMessage = msg;
    info.times.total = waited;
    if (fmt !== undefined) writeOut(fmt, info, ctx);
    return code;
  };
  if (!first) return fail(3, `URL rejected: Bad hostname`);
  let url = first;
  for (;;) {
    info.urlEffective = urlText(url);
    const res = net.resolve(env.place, url.host);
    waited += res.elapsedMs;
    info.times.namelookup = waited;
    const ip = res.addresses.find((a) => /^\d+\.\d+\.\d+\.\d+$/.test(a));
    const host = url.host;
    const port = url.port;
    if (!ip) return after(ctx, waited, () => fail(6, `Could not resolve host: ${host}`));
    const isName = ip !== url.host;
    if (o.verbose && isName) ctx.stderr(`* Host ${url.host}:${url.port} was resolved.\n* IPv6: (none)\n* IPv4: ${res.addresses.join(', ')}\n`);
    if (o.verbose) ctx.stderr(`*   Trying ${ip}:${url.port}...\n`);
    const limit = Math.min(o.maxTimeMs ?? Infinity, o.connectTimeoutMs ?? Infinity);
    const hostHeader = url.port === (url.scheme === 'https' ? 443 : 80) ? url.host : `${url.host}:${url.port}`;
    const userAgent = `curl/${CURL_VERSION}`;
    let trusted: string[] | undefined;
    if (url.scheme === 'https' && !o.insecure) {
      const t = trustedCAs(env, ctx, o.cacert);
      if (!Array.isArray(t)) return after(ctx, waited, () => fail(t.code, t.message));
      trusted = t;
    }
    let tlsFailure: TlsFailure | undefined;
    const tlsHost = url.host;
    const tls = url.scheme !== 'https' ? undefined : (cert: ServerCert | undefined) => {
      tlsFailure = !cert ? WRONG_VERSION : trusted ? verifyCert(cert, tlsHost, trusted) : undefined;
      return tlsFailure === undefined;
    };
    const r = net.httpRequest(env.place, { ...(res.dns ? { dns: res.dns } : {}), ip, port: url.port, method, path: url.path, host: hostHeader, userAgent, headers: Object.fromEntries(o.headers), timeoutMs: Number.isFinite(limit) ? limit : TCP_SYN_TIMEOUT_MS, ...(tls ? { tls } : {}) });
    if (r.outcome.kind === 'timeout') {
      const ms = Number.isFinite(limit) ? Math.round(limit) + 1 : TCP_SYN_TIMEOUT_MS;
      waited += ms;
      return after(ctx, waited, () => (Number.isFinite(limit) ? fail(28, `Connection timed out after ${ms} milliseconds`) : fail(28, `Failed to connect to ${host} port ${port} after ${ms} ms: Couldn't connect to server`)));
    }
    if (r.outcome.kind === 'refused' || r.outcome.kind === 'unreachable') {
      const ms = r.outcome.kind === 'unreachable' ? 3070 : 0;
      waited += ms;
      return after(ctx, waited, () => {
        if (o.verbose) ctx.stderr(`* connect to ${ip} port ${port} from ${r.trace.hops[0]?.before.src ?? '0.0.0.0'} port ${r.trace.hops[0]?.before.sport ?? 0} failed: ${ms ? 'No route to host' : 'Connection refused'}\n`);
        const code = fail(7, `Failed to connect to ${host} port ${port} after ${ms} ms: Couldn't connect to server`);
        if (o.verbose) ctx.stderr(`* Closing connection\n`);
        return code;
      });
    }
    // Connected: libcurl now knows both ends of the socket.
    info.numConnects++;
    info.remoteIp = ip;
    info.remotePort = port;
    info.localIp = r.trace.hops[0]?.before.src ?? '';
    info.localPort = r.trace.hops[0]?.before.sport ?? 0;
    info.times.connect = info.times.appconnect = info.times.pretransfer = waited;
    if (o.verbose) {
      ctx.stderr(`* Connected to ${url.host} (${ip}) port ${url.port}\n`);
      const lines = [`${method} ${url.path} HTTP/1.1`, `Host: ${hostHeader}`, `User-Agent: ${userAgent}`, 'Accept: */*', ...o.headers.map(([k, v]) => `${k}: ${v}`), ''];
      ctx.stderr(lines.map((l) => `> ${l}\r\n`).join(''));
    }
    info.sizeRequest += [`${method} ${url.path} HTTP/1.1`, `Host: ${hostHeader}`, `User-Agent: ${userAgent}`, 'Accept: */*', ...o.headers.map(([k, v]) => `${k}: ${v}`), ''].reduce((n, l) => n + l.length + 2, 0);
    const failedTls = tlsFailure as TlsFailure | undefined;
    if (failedTls) return after(ctx, waited, () => fail(failedTls.code, failedTls.message, showErr ? (failedTls.help ?? '') : ''));
    if (!r.response) return fail(52, 'Empty reply from server');
    const resp = r.response;
    info.httpCode = resp.status;
    info.httpVersion = resp.httpVersion ?? '1.1';
    info.headers = resp.headers;
    const type = resp.headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1];
    if (type) info.contentType = type;
    info.sizeHeader += headerBlock(resp).length;
    info.times.starttransfer = waited + 1;
    if (o.verbose) ctx.stderr(headerBlock(resp, '< '));
    const location = resp.headers.find(([k]) => k.toLowerCase() === 'location')?.[1];
    if (o.follow && location && resp.status >= 300 && resp.status < 400 && info.numRedirects < 50) {
      if (o.verbose) ctx.stderr(`* Connection #0 to host ${url.host} left intact\n* Issue another request to this URL: '${location}'\n`);
      info.numRedirects++;
      const next = location.includes('://') ? parseUrl(location) : { ...url, path: location };
      if (!next) return fail(3, 'URL rejected: Bad hostname');
      url = next;
      continue;
    }
    if (o.fail && resp.status >= 400) return after(ctx, waited, () => fail(22, `The requested URL returned error: ${resp.status}`));
    let out = '';
    if (o.head || o.include) out += headerBlock(resp);
    if (!o.head && method !== 'HEAD') out += resp.body;
    if (meter && method !== 'HEAD') ctx.stderr(progressMeter(resp.body.length));
    if (o.output && o.output !== '/dev/null' && o.output !== '-') ctx.fs.writeFile(ctx.resolve(o.output), out);
    else if (o.output !== '/dev/null') ctx.stdout(out);
    if (o.verbose) ctx.stderr(`* Connection #0 to host ${url.host} left intact\n`);
    info.sizeDownload = o.head || method === 'HEAD' ? 0 : resp.body.length;
    info.times.total = waited + 1;
    if (fmt !== undefined) writeOut(fmt, info, ctx);
    return after(ctx, waited, () => 0);
  }
}

/** The URL as libcurl stores it (CURLINFO_EFFECTIVE_URL): scheme, host, a port only when not the default, path. */
function urlText(u: { scheme: string; host: string; port: number; path: string }): string {
  return `${u.scheme}://${u.host}${u.port === (u.scheme === 'https' ? 443 : 80) ? '' : `:${u.port}`}${u.path}`;
}

/** The `curl` tool for any machine. */
export const curlTool: ToolFactory = (env) => (ctx) => runCurl(env, ctx);
