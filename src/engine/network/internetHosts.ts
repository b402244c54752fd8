/**
 * The web beyond the node network's gateway: the sites whose names the simulated Internet's DNS
 * publishes (dns/server/upstreamWorld.ts) answer HTTP on 80 and HTTPS on 443, each with the
 * certificate a public CA signed. example.com serves its real, well-known page; the others a
 * small page in our own words with the status lines and redirects those sites really send.
 */
import type { HttpRequest, HttpResponse, ServerCert } from '../apps';
import { httpDate } from '../apps/timeFormat';
import type { ExternalHost } from './types';

/** example.com's page (1256 bytes), as IANA has served it for years. */
export const EXAMPLE_COM_PAGE = `<!doctype html>
<html>
<head>
    <title>Example Domain</title>

    <meta charset="utf-8" />
    <meta http-equiv="Content-type" content="text/html; charset=utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <style type="text/css">
    body {
        background-color: #f0f0f2;
        margin: 0;
        padding: 0;
        font-family: -apple-system, system-ui, BlinkMacSystemFont, "Segoe UI", "Open Sans", "Helvetica Neue", Helvetica, Arial, sans-serif;
        
    }
    div {
        width: 600px;
        margin: 5em auto;
        padding: 2em;
        background-color: #fdfdff;
        border-radius: 0.5em;
        box-shadow: 2px 3px 7px 2px rgba(0,0,0,0.02);
    }
    a:link, a:visited {
        color: #38488f;
        text-decoration: none;
    }
    @media (max-width: 700px) {
        div {
            margin: 0 auto;
            width: auto;
        }
    }
    </style>    
</head>

<body>
<div>
    <h1>Example Domain</h1>
    <p>This domain is for use in illustrative examples in documents. You may use this
    domain in literature without prior coordination or asking for permission.</p>
    <p><a href="https://www.iana.org/domains/example">More information...</a></p>
</div>
</body>
</html>
`;

interface Site {
  ips: string[];
  name: string;
  cert: ServerCert;
  /** Answers a request that reached the site over `scheme`. */
  answer(req: HttpRequest, scheme: 'http' | 'https'): HttpResponse;
}

const h2 = (req: HttpRequest): Pick<HttpResponse, 'httpVersion'> => (req.tls ? { httpVersion: '2' } : {});

/** Header names as they arrive: lower case over HTTP/2. */
function headers(req: HttpRequest, list: [string, string][]): [string, string][] {
  return req.tls ? list.map(([k, v]) => [k.toLowerCase(), v]) : list;
}

function html(req: HttpRequest, status: number, reason: string, extra: [string, string][], body: string): HttpResponse {
  return { status, reason, headers: headers(req, [...extra, ['Content-Length', String(body.length)]]), body: req.method === 'HEAD' ? '' : body, ...h2(req) };
}

function ourPage(title: string, text: string): string {
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${title}</title>\n</head>\n<body>\n<h1>${title}</h1>\n<p>${text}</p>\n</body>\n</html>\n`;
}

const exampleCom: Site = {
  ips: ['93.184.215.14'],
  name: 'example.com',
  cert: { subject: 'www.example.org', issuer: 'DigiCert Global G3 TLS ECC SHA384 2020 CA1', dnsNames: ['www.example.org', 'example.net', 'example.edu', 'example.com', 'example.org', 'www.example.com', 'www.example.edu', 'www.example.net'], ips: [] },
  answer: (req) =>
    html(req, 200, 'OK', [
      ['Accept-Ranges', 'bytes'], ['Age', '512214'], ['Cache-Control', 'max-age=604800'], ['Content-Type', 'text/html; charset=UTF-8'], ['Date', httpDate(req.at)], ['Etag', '"3147526947"'],
      ['Expires', httpDate(req.at + 604_800_000)], ['Last-Modified', 'Thu, 17 Oct 2019 07:18:26 GMT'], ['Server', 'ECS (nyd/D184)'], ['Vary', 'Accept-Encoding'], ['X-Cache', 'HIT'],
    ], EXAMPLE_COM_PAGE),
};

/** A site that sends plain HTTP to its HTTPS address, as Netlify and GitHub do. */
function httpsOnly(name: string, ips: string[], issuer: string, server: string, title: string, text: string): Site {
  return {
    ips,
    name,
    cert: { subject: name, issuer, dnsNames: [name, `www.${name}`, `*.${name}`], ips: [] },
    answer: (req, scheme) => {
      if (scheme === 'http') return html(req, 301, 'Moved Permanently', [['Content-Type', 'text/plain; charset=utf-8'], ['Date', httpDate(req.at)], ['Location', `https://${name}${req.path}`], ['Server', server]], `Redirecting to https://${name}${req.path}\n`);
      return html(req, 200, 'OK', [['Accept-Ranges', 'bytes'], ['Cache-Control', 'public,max-age=0,must-revalidate'], ['Content-Type', 'text/html; charset=UTF-8'], ['Date', httpDate(req.at)], ['Server', server], ['Strict-Transport-Security', 'max-age=31536000']], ourPage(title, text));
    },
  };
}

/** google.com's famous redirect to www.google.com, and a small home page there. */
const googleBody = (to: string) => `<HTML><HEAD><meta http-equiv="content-type" content="text/html;charset=utf-8">\n<TITLE>301 Moved</TITLE></HEAD><BODY>\n<H1>301 Moved</H1>\nThe document has moved\n<A HREF="${to}">here</A>.\r\n</BODY></HTML>\r\n`;

const google: Site = {
  ips: ['142.250.74.46'],
  name: 'google.com',
  cert: { subject: '*.google.com', issuer: 'WR2', dnsNames: ['*.google.com', 'google.com', 'www.google.com'], ips: [] },
  answer: (req, scheme) => {
    const to = `${scheme}://www.google.com${req.path}`;
    return html(req, 301, 'Moved Permanently', [['Location', to], ['Content-Type', 'text/html; charset=UTF-8'], ['Date', httpDate(req.at)], ['Cache-Control', 'public, max-age=2592000'], ['Server', 'gws']], googleBody(to));
  },
};

const wwwGoogle: Site = {
  ips: ['142.250.74.68'],
  name: 'www.google.com',
  cert: google.cert,
  answer: (req) => html(req, 200, 'OK', [['Date', httpDate(req.at)], ['Expires', '-1'], ['Cache-Control', 'private, max-age=0'], ['Content-Type', 'text/html; charset=ISO-8859-1'], ['Server', 'gws']], ourPage('Google', 'A search page (simulated).')),
};

const apiExample: Site = {
  ips: ['93.184.215.34'],
  name: 'api.example.com',
  cert: exampleCom.cert,
  answer: (req) => {
    const body = `{"service":"api.example.com","path":"${req.path.replace(/"/g, '\\"')}"}\n`;
    return html(req, 200, 'OK', [['Content-Type', 'application/json'], ['Date', httpDate(req.at)], ['Server', 'nginx']], body);
  },
};

/** Every simulated web site, by address. */
export const WEB_SITES: readonly Site[] = [
  exampleCom,
  apiExample,
  httpsOnly('kubernetes.io', ['15.197.167.90', '3.33.186.135'], 'R11', 'Netlify', 'Kubernetes', 'Production-Grade Container Orchestration (simulated page).'),
  httpsOnly('github.com', ['140.82.121.4'], 'Sectigo RSA Domain Validation Secure Server CA', 'GitHub.com', 'GitHub', 'Where the world builds software (simulated page).'),
  google,
  wwwGoogle,
];

/** The sites as hosts the packet engine delivers to: TCP 80 and 443 open, TLS on 443. */
export function webHosts(): ExternalHost[] {
  return WEB_SITES.flatMap((site) =>
    site.ips.map((ip) => ({
      ip,
      name: site.name,
      tcpPorts: [80, 443],
      tls: (port: number) => (port === 443 ? site.cert : undefined),
      http: (port: number, req: HttpRequest) => {
        // A TLS port that got plain HTTP: the front ends answer 400 (kept simple: nginx's wording).
        if (port === 443 && !req.tls) return html(req, 400, 'Bad Request', [['Content-Type', 'text/html'], ['Date', httpDate(req.at)]], '<html>\r\n<head><title>400 The plain HTTP request was sent to HTTPS port</title></head>\r\n<body>\r\n<center><h1>400 Bad Request</h1></center>\r\n<center>The plain HTTP request was sent to HTTPS port</center>\r\n</body>\r\n</html>\r\n');
        return site.answer(req, port === 443 ? 'https' : 'http');
      },
    })),
  );
}
