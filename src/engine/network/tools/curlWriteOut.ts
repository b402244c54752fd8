/**
 * curl's `-w/--write-out` (src/tool_writeout.c, curl 8.5): `%{var}`, `%header{name}`, `%%`,
 * `\n \r \t`, `%{onerror}`, `%{stdout}`/`%{stderr}`. curl writes it after every transfer, failed
 * ones too: then the response code is `000`, the remote address empty and port 0 (libcurl keeps
 * them only after a successful connect, curl issue #10754), sizes 0.
 */
import type { CommandContext } from '../../shell/types';

/** What libcurl knows about one transfer when it ends (CURLINFO_*). */
export interface TransferInfo {
  /** 0 when no response came (write-out prints `000`). */
  httpCode: number;
  /** Set only after a connection was made. */
  remoteIp?: string;
  remotePort?: number;
  localIp?: string;
  localPort?: number;
  sizeDownload: number;
  sizeHeader: number;
  sizeRequest: number;
  urlEffective: string;
  /** The URL as given on the command line (`%{url}`). */
  url: string;
  numRedirects: number;
  numConnects: number;
  method: string;
  contentType?: string;
  headers: [string, string][];
  /** Times in ms since the start: lookup done, TCP connected, TLS done, first byte, end. */
  times: { namelookup: number; connect: number; appconnect: number; pretransfer: number; starttransfer: number; total: number };
  exitCode: number;
  errorMessage?: string;
  /** 0 when the peer's certificate verified (or none was checked). */
  sslVerifyResult: number;
  filename?: string;
  /** '1.1' after an HTTP/1.1 response, '0' when none came. */
  httpVersion: string;
}

/** curl prints times as seconds with six decimals (writeTime: "%lu.%06lu"). */
function seconds(ms: number): string {
  const us = Math.round(ms * 1000);
  return `${Math.floor(us / 1_000_000)}.${String(us % 1_000_000).padStart(6, '0')}`;
}

/** The value of `%{name}`, or undefined when curl has no such variable. */
function variable(name: string, t: TransferInfo): string | undefined {
  switch (name) {
    case 'http_code':
    case 'response_code':
      return String(t.httpCode).padStart(3, '0');
    case 'http_connect':
      return '000';
    case 'remote_ip':
      return t.remoteIp ?? '';
    case 'remote_port':
      return String(t.remotePort ?? 0);
    case 'local_ip':
      return t.localIp ?? '';
    case 'local_port':
      return String(t.localPort ?? 0);
    case 'size_download':
      return String(t.sizeDownload);
    case 'size_header':
      return String(t.sizeHeader);
    case 'size_request':
      return String(t.sizeRequest);
    case 'size_upload':
      return '0';
    case 'url_effective':
      return t.urlEffective;
    case 'url':
      return t.url;
    case 'num_redirects':
      return String(t.numRedirects);
    case 'num_connects':
      return String(t.numConnects);
    case 'num_headers':
      return String(t.headers.length + (t.httpCode ? 1 : 0));
    case 'method':
      return t.method;
    case 'content_type':
      return t.contentType ?? '';
    case 'exitcode':
      return String(t.exitCode);
    case 'errormsg':
      return t.errorMessage ?? '';
    case 'ssl_verify_result':
    case 'proxy_ssl_verify_result':
      return String(t.sslVerifyResult);
    case 'filename_effective':
      return t.filename ?? '';
    case 'http_version':
      return t.httpVersion;
    case 'redirect_url':
      return t.httpCode >= 300 && t.httpCode < 400 ? (t.headers.find(([k]) => k.toLowerCase() === 'location')?.[1] ?? '') : '';
    case 'speed_download':
      return String(t.times.total > 0 ? Math.round((t.sizeDownload * 1000) / t.times.total) : 0);
    case 'speed_upload':
      return '0';
    case 'time_namelookup':
    case 'time_connect':
    case 'time_appconnect':
    case 'time_pretransfer':
    case 'time_starttransfer':
    case 'time_total':
      return seconds(t.times[name.slice(5) as keyof TransferInfo['times']]);
    case 'time_redirect':
      return seconds(0);
    default:
      return undefined;
  }
}

/** Writes `fmt` for one finished transfer, as ourWriteOut does. */
export function writeOut(fmt: string, t: TransferInfo, ctx: Pick<CommandContext, 'stdout' | 'stderr'>): void {
  let stream = ctx.stdout;
  let i = 0;
  let buf = '';
  const flush = () => {
    if (buf) stream(buf);
    buf = '';
  };
  while (i < fmt.length) {
    const c = fmt[i]!;
    const n = fmt[i + 1];
    if (c === '%' && n !== undefined) {
      if (n === '%') {
        buf += '%';
        i += 2;
      } else if (n === '{') {
        const end = fmt.indexOf('}', i);
        if (end < 0) {
          buf += '%{';
          i += 2;
          continue;
        }
        const name = fmt.slice(i + 2, end);
        i = end + 1;
        if (name === 'onerror') {
          if (t.exitCode === 0) break;
        } else if (name === 'stdout' || name === 'stderr') {
          flush();
          stream = name === 'stdout' ? ctx.stdout : ctx.stderr;
        } else {
          const v = variable(name, t);
          if (v === undefined) {
            flush();
            ctx.stderr(`curl: unknown --write-out variable: '${name}'\n`);
          } else buf += v;
        }
      } else if (fmt.startsWith('header{', i + 1) && fmt.indexOf('}', i) > 0) {
        const end = fmt.indexOf('}', i);
        const name = fmt.slice(i + 8, end).toLowerCase();
        buf += t.headers.find(([k]) => k.toLowerCase() === name)?.[1] ?? '';
        i = end + 1;
      } else {
        buf += c + n;
        i += 2;
      }
    } else if (c === '\\' && n !== undefined) {
      buf += n === 'n' ? '\n' : n === 'r' ? '\r' : n === 't' ? '\t' : c + n;
      i += 2;
    } else {
      buf += c;
      i++;
    }
  }
  flush();
}
