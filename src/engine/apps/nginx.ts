import { effectiveArgv, runCommandLine } from './process';
import { httpDate, nginxLocalTime, slashDateTime } from './timeFormat';
import type { ContainerLaunch, HttpRequest, HttpResponse, ImageProfile, ImageRef, ProcessPlan } from './types';
import { imageBaseName } from './imageRef';

/** The version `nginx:latest` carries in the simulated registry (Server header, error pages). */
export const NGINX_VERSION = '1.29.1';

/** nginx's stock `index.html` (615 bytes), byte for byte. */
export const NGINX_WELCOME_PAGE = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

/** nginx's built-in error page (ngx_http_special_response.c): CRLF line ends, version tail. */
export function nginxErrorPage(status: number, reason: string, version = NGINX_VERSION): string {
  return `<html>\r\n<head><title>${status} ${reason}</title></head>\r\n<body>\r\n<center><h1>${status} ${reason}</h1></center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`;
}

function nginxVersion(ref: ImageRef): string {
  const m = /^(\d+\.\d+\.\d+)/.exec(ref.tag);
  return m ? m[1]! : NGINX_VERSION;
}

/** Serves `/` and `/index.html` from the default root and 404s everything else. */
export function nginxHttp(version: string, req: HttpRequest): HttpResponse {
  const base: [string, string][] = [
    ['Server', `nginx/${version}`],
    ['Date', httpDate(req.at)],
  ];
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    const body = nginxErrorPage(405, 'Not Allowed', version);
    return { status: 405, reason: 'Not Allowed', headers: [...base, ['Content-Type', 'text/html'], ['Content-Length', String(body.length)], ['Connection', 'keep-alive']], body };
  }
  const path = req.path.split('?')[0] ?? '/';
  if (path === '/' || path === '/index.html') {
    return {
      status: 200,
      reason: 'OK',
      headers: [...base, ['Content-Type', 'text/html'], ['Content-Length', String(NGINX_WELCOME_PAGE.length)], ['Last-Modified', httpDate(req.at)], ['Connection', 'keep-alive'], ['ETag', '"67e5a1c8-267"'], ['Accept-Ranges', 'bytes']],
      body: NGINX_WELCOME_PAGE,
    };
  }
  const body = nginxErrorPage(404, 'Not Found', version);
  return { status: 404, reason: 'Not Found', headers: [...base, ['Content-Type', 'text/html'], ['Content-Length', String(body.length)], ['Connection', 'keep-alive']], body };
}

/** The `main` log_format of the official image: combined plus `"$http_x_forwarded_for"`. */
export function nginxAccessLog(req: HttpRequest, res: HttpResponse): string {
  const bytes = req.method === 'HEAD' ? 0 : res.body.length;
  const referer = req.headers['referer'] ?? '-';
  const xff = req.headers['x-forwarded-for'] ?? '-';
  return `${req.remoteAddr} - - [${nginxLocalTime(req.at)}] "${req.method} ${req.path} HTTP/1.1" ${res.status} ${bytes} "${referer}" "${req.userAgent || '-'}" "${xff}"`;
}

/** docker-entrypoint.sh's messages and nginx's startup notices. */
export function nginxStartupLog(startedAt: number, version: string): string[] {
  const t = slashDateTime(startedAt);
  return [
    '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
    '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
    '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
    '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
    '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
    '/docker-entrypoint.sh: Configuration complete; ready for start up',
    `${t} [notice] 1#1: using the "epoll" event method`,
    `${t} [notice] 1#1: nginx/${version}`,
    `${t} [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14+deb12u1) `,
    `${t} [notice] 1#1: OS: Linux 6.8.0-90-generic`,
    `${t} [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576`,
    `${t} [notice] 1#1: start worker processes`,
    `${t} [notice] 1#1: start worker process 29`,
    `${t} [notice] 1#1: start worker process 30`,
  ];
}

export const nginxProfile: ImageProfile = {
  name: 'nginx',
  matches: (ref) => imageBaseName(ref) === 'nginx' && !ref.repository.includes('ingress'),
  shell: 'bash',
  tools: ['nginx', 'curl', 'sleep', 'cat', 'ls', 'echo', 'env', 'ps', 'hostname', 'getent', 'apt-get', 'apt', 'bash', 'sh'],
  sizeBytes: () => 72195292,
  start(launch: ContainerLaunch, ref: ImageRef): ProcessPlan {
    const argv = effectiveArgv(launch, ['/docker-entrypoint.sh'], ['nginx', '-g', 'daemon off;']);
    const runsNginx = argv[0] === '/docker-entrypoint.sh' ? argv[1] === 'nginx' : argv[0] === 'nginx';
    if (!runsNginx) return runCommandLine(nginxProfile, launch, argv[0] === '/docker-entrypoint.sh' ? argv.slice(1) : argv);
    const version = nginxVersion(ref);
    return {
      listens: [{ port: 80, protocol: 'TCP' }],
      steps: nginxStartupLog(launch.startedAt, version).map((line) => ({ atMs: 0, kind: 'log' as const, line })),
      listenAfterMs: 50,
      // nginx's quick shutdown on SIGTERM; exit code 0.
      onSigterm: { exitAfterMs: 100, code: 0 },
      http: (port, req) => (port === 80 ? nginxHttp(version, req) : undefined),
      accessLog: nginxAccessLog,
    };
  },
};
