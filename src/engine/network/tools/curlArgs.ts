/** curl's command line (src/tool_getparam.c): the options the lab's curl understands. */

export interface CurlOpts {
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
  /** -k: do not verify the server's certificate. */
  insecure: boolean;
  /** --cacert FILE: trust the CA in FILE. */
  cacert?: string;
  /** -f: fail (exit 22) on HTTP errors without printing the body. */
  fail: boolean;
  urls: string[];
}

const VALUE_SHORT = new Set(['m', 'o', 'w', 'X', 'H']);
const LONG: Record<string, string> = { insecure: 'k', fail: 'f', cacert: 'cacert', 'connect-timeout': 'connect-timeout', verbose: 'v', silent: 's', 'show-error': 'S', head: 'I', include: 'i', location: 'L', request: 'X', header: 'H', output: 'o', 'write-out': 'w', 'max-time': 'm' };

export function parseCurlArgs(args: string[]): CurlOpts | string {
  const o: CurlOpts = { verbose: false, silent: false, showError: false, head: false, include: false, follow: false, headers: [], urls: [], insecure: false, fail: false };
  const set = (flag: string, value?: string): string | undefined => {
    switch (flag) {
      case 'v': o.verbose = true; break;
      case 's': o.silent = true; break;
      case 'S': o.showError = true; break;
      case 'I': o.head = true; break;
      case 'i': o.include = true; break;
      case 'L': o.follow = true; break;
      case 'k': o.insecure = true; break;
      case 'f': o.fail = true; break;
      case 'cacert': o.cacert = value; break;
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
      const flag = LONG[name];
      if (!flag) return `curl: option ${a}: is unknown`;
      const takes = VALUE_SHORT.has(flag) || flag === 'connect-timeout' || flag === 'cacert';
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

