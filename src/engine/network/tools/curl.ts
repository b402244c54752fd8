/**
 * curl 8.5 (Ubuntu 24.04's, which the seeds install with apt-get): the request goes through the
 * packet engine; the answer comes from the app in the pod. Messages are curl's own
 * (lib/connect.c, lib/strerror.c, src/tool_operate.c).
 */
import type { HttpResponse } from '../../apps';
import type { ToolEnv, ToolFactory } from '../../cluster/tools';
import type { CommandContext, CommandOutcome } from '../../shell/types';
import { TCP_SYN_TIMEOUT_MS } from '../Network';
import { after, netOf, parseUrl } from './toolkit';

export const CURL_VERSION = '8.5.0';

interface CurlOpts {
  verbose: boolean;
  silent: boolean;
  showError: boolean;
  head: boolean;
  include: boolean;
  follow: boolean;
  method?: string;
  headers: [string, string][];
  output?: string;
  writeOut?: string;
  maxTimeMs?: number;
  connectTimeoutMs?: number;
  urls: string[];
}

const VALUE_SHORT = new Set(['m', 'o', 'w', 'X', 'H']);
const LONG: Record<string, string> = { verbose: 'v', silent: 's', 'show-error': 'S', head: 'I', include: 'i', location: 'L', request: 'X', header: 'H', output: 'o', 'write-out': 'w', 'max-time': 'm' };

function parseArgs(args: string[]): CurlOpts | string {
  const o: CurlOpts = { verbose: false, silent: false, showError: false, head: false, include: false, follow: false, headers: [], urls: [] };
  const set = (flag: string, value?: string): string | undefined => {
    switch (flag) {
      case 'v': o.verbose = true; break;
      case 's': o.silent = true; break;
      case 'S': o.showError = true; break;
      case 'I': o.head = true; break;
      case 'i': o.include = true; break;
      case 'L': o.follow = true; break;
      case 'k': break;
      case 'X': o.method = value; break;
      case 'o': o.output = value; break;
      case 'w': o.writeOut = value; break;
      case 'm':
      case 'connect-timeout': {
        const n = Number(value);
        if (!Number.isFinite(n)) return `curl: option ${flag.length === 1 ? `-${flag}` : `--${flag}`}: expected a proper numerical parameter`;
        if (flag === 'm') o.maxTimeMs = n * 1000;
        else o.connectTimeoutMs = n * 1000;
        break;
      }
      case 'H': {
        const i = (value ?? '').indexOf(':');
        if (i > 0) o.headers.push([value!.slice(0, i).trim(), value!.slice(i + 1).trim()]);
        break;
      }
      default: return `curl: option -${flag}: is unknown`;
    }
    return undefined;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--') && a.length > 2) {
      const name = a.slice(2);
      const flag = name === 'connect-timeout' ? name : name === 'insecure' ? 'k' : LONG[name];
      if (!flag) return `curl: option ${a}: is unknown`;
      const takes = VALUE_SHORT.has(flag) || flag === 'connect-timeout';
      const err = set(flag, takes ? args[++i] : undefined);
      if (err) return err;
      if (takes && args[i] === undefined) return `curl: option ${a}: requires parameter`;
    } else if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        if (VALUE_SHORT.has(c)) {
          const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          if (v === undefined) return `curl: option -${c}: requires parameter`;
          const err = set(c, v);
          if (err) return err;
          break;
        }
        const err = set(c);
        if (err) return err;
      }
    } else o.urls.push(a);
  }
  return o;
}

/** curl's max5data: a byte count in 5 columns (`  615`, ` 600k`, `12.3M`). */
function max5(bytes: number): string {
  if (bytes < 100000) return String(bytes).padStart(5);
  if (bytes < 10000 * 1024) return `${String(Math.floor(bytes / 1024)).padStart(4)}k`;
  if (bytes < 100 * 1024 * 1024) {
    const m = bytes / (1024 * 1024);
    return `${String(Math.floor(m)).padStart(2)}.${Math.floor((m % 1) * 10)}M`;
  }
  return `${String(Math.floor(bytes / (1024 * 1024))).padStart(4)}M`;
}

/**
 * The progress meter curl writes to stderr when the body does not go to the terminal (progress.c
 * progress_meter). Transfers inside the simulated cluster take under a millisecond; we count one,
 * so the speeds are size × 1000 per second and the times show `--:--:--` as for sub-second ones.
 */
export function progressMeter(size: number): string {
  const speed = max5(size * 1000);
  const pct = (n: number) => String(n).padStart(3);
  return (
    '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
    '                                 Dload  Upload   Total   Spent    Left  Speed\n' +
    `${pct(100)} ${max5(size)}  ${pct(100)} ${max5(size)}  ${pct(0)} ${max5(0)}  ${speed}  ${max5(0)} --:--:-- --:--:-- --:--:-- ${speed}\n`
  );
}

const statusLine = (r: HttpResponse) => `HTTP/1.1 ${r.status} ${r.reason}`;

function headerBlock(r: HttpResponse, prefix = ''): string {
  return [statusLine(r), ...r.headers.map(([k, v]) => `${k}: ${v}`), ''].map((l) => `${prefix}${l}\r\n`).join('');
}

function writeOut(fmt: string, vars: Record<string, string>, ctx: CommandContext): string {
  return fmt
    .replace(/\\n/g, '\n')
    .replace(/\\t/g, '\t')
    .replace(/%\{([^}]*)\}/g, (_m, name: string) => {
      if (name in vars) return vars[name]!;
      ctx.stderr(`curl: unknown --write-out variable: '${name}'\n`);
      return '';
    });
}

/** One curl invocation from `env.place`. */
export function runCurl(env: ToolEnv, ctx: CommandContext): CommandOutcome {
  const parsed = parseArgs(ctx.argv.slice(1));
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
  const showErr = !o.silent || o.showError;
  const err = (code: number, msg: string) => {
    if (o.verbose) ctx.stderr(`* ${msg}\n`);
    if (showErr) ctx.stderr(`curl: (${code}) ${msg}\n`);
    return code;
  };
  const first = parseUrl(o.urls[0]!);
  if (!first) return err(3, `URL rejected: Bad hostname`);
  let url = first;
  let waited = 0;
  let redirects = 0;
  for (;;) {
    const res = net.resolve(env.place, url.host);
    waited += res.elapsedMs;
    const ip = res.addresses.find((a) => /^\d+\.\d+\.\d+\.\d+$/.test(a));
    if (!ip) {
      const host = url.host;
      return after(ctx, waited, () => err(6, `Could not resolve host: ${host}`));
    }
    const isName = ip !== url.host;
    if (o.verbose && isName) ctx.stderr(`* Host ${url.host}:${url.port} was resolved.\n* IPv6: (none)\n* IPv4: ${res.addresses.join(', ')}\n`);
    if (o.verbose) ctx.stderr(`*   Trying ${ip}:${url.port}...\n`);
    const limit = Math.min(o.maxTimeMs ?? Infinity, o.connectTimeoutMs ?? Infinity);
    const method = o.method ?? (o.head ? 'HEAD' : 'GET');
    const hostHeader = url.port === (url.scheme === 'https' ? 443 : 80) ? url.host : `${url.host}:${url.port}`;
    const userAgent = `curl/${CURL_VERSION}`;
    const r = net.httpRequest(env.place, { ...(res.dns ? { dns: res.dns } : {}), ip, port: url.port, method, path: url.path, host: hostHeader, userAgent, headers: Object.fromEntries(o.headers), timeoutMs: Number.isFinite(limit) ? limit : TCP_SYN_TIMEOUT_MS });
    const host = url.host;
    const port = url.port;
    if (r.outcome.kind === 'timeout') {
      const ms = Number.isFinite(limit) ? Math.round(limit) + 1 : TCP_SYN_TIMEOUT_MS;
      return after(ctx, waited + ms, () => (Number.isFinite(limit) ? err(28, `Connection timed out after ${ms} milliseconds`) : err(28, `Failed to connect to ${host} port ${port} after ${ms} ms: Couldn't connect to server`)));
    }
    if (r.outcome.kind === 'refused' || r.outcome.kind === 'unreachable') {
      const ms = r.outcome.kind === 'unreachable' ? 3070 : 0;
      return after(ctx, waited + ms, () => {
        if (o.verbose) ctx.stderr(`* connect to ${ip} port ${port} from ${r.trace.hops[0]?.before.src ?? '0.0.0.0'} port ${r.trace.hops[0]?.before.sport ?? 0} failed: ${ms ? 'No route to host' : 'Connection refused'}\n`);
        const code = err(7, `Failed to connect to ${host} port ${port} after ${ms} ms: Couldn't connect to server`);
        if (o.verbose) ctx.stderr(`* Closing connection\n`);
        return code;
      });
    }
    if (o.verbose) {
      ctx.stderr(`* Connected to ${url.host} (${ip}) port ${url.port}\n`);
      const lines = [`${method} ${url.path} HTTP/1.1`, `Host: ${hostHeader}`, `User-Agent: ${userAgent}`, 'Accept: */*', ...o.headers.map(([k, v]) => `${k}: ${v}`), ''];
      ctx.stderr(lines.map((l) => `> ${l}\r\n`).join(''));
    }
    if (!r.response) return err(52, 'Empty reply from server');
    const resp = r.response;
    if (o.verbose) ctx.stderr(headerBlock(resp, '< '));
    const location = resp.headers.find(([k]) => k.toLowerCase() === 'location')?.[1];
    if (o.follow && location && resp.status >= 300 && resp.status < 400 && redirects < 50) {
      if (o.verbose) ctx.stderr(`* Connection #0 to host ${url.host} left intact\n* Issue another request to this URL: '${location}'\n`);
      redirects++;
      const next = location.includes('://') ? parseUrl(location) : { ...url, path: location };
      if (!next) return err(3, 'URL rejected: Bad hostname');
      url = next;
      continue;
    }
    let out = '';
    if (o.head || o.include) out += headerBlock(resp);
    if (!o.head && method !== 'HEAD') out += resp.body;
    if (!o.silent && method !== 'HEAD' && (!ctx.isTTY || (o.output !== undefined && o.output !== '-'))) ctx.stderr(progressMeter(resp.body.length));
    if (o.output && o.output !== '/dev/null' && o.output !== '-') ctx.fs.writeFile(ctx.resolve(o.output), out);
    else if (o.output !== '/dev/null') ctx.stdout(out);
    if (o.verbose) ctx.stderr(`* Connection #0 to host ${url.host} left intact\n`);
    if (o.writeOut !== undefined) {
      const size = String(resp.body.length);
      ctx.stdout(writeOut(o.writeOut, { http_code: String(resp.status).padStart(3, '0'), response_code: String(resp.status), remote_ip: ip, remote_port: String(url.port), size_download: o.head ? '0' : size, url_effective: `${url.scheme}://${hostHeader}${url.path}`, num_redirects: String(redirects), time_total: '0.001000', method }, ctx));
    }
    return after(ctx, waited, () => 0);
  }
}

/** The `curl` tool for any machine. */
export const curlTool: ToolFactory = (env) => (ctx) => runCurl(env, ctx);
