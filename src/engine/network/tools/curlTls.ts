/**
 * What curl 8.5 with OpenSSL 3.0 (Ubuntu 24.04) decides during a TLS handshake: a port that
 * answers in plain HTTP, a chain it cannot verify, a name the certificate does not carry, a
 * `--cacert` file that is not there. Texts from lib/vtls/openssl.c and src/tool_operate.c.
 */
import type { ServerCert } from '../../apps';
import type { ToolEnv } from '../../cluster/tools';
import type { CommandContext } from '../../shell/types';

export const OPENSSL_VERSION = '3.0.13';

/** CURL_CA_CERT_ERRMSG, printed after a (60) error. */
export const CA_CERT_HELP =
  'More details here: https://curl.se/docs/sslcerts.html\n\n' +
  'curl failed to verify the legitimacy of the server and therefore could not\n' +
  'establish a secure connection to it. To learn more about this situation and\n' +
  'how to fix it, please visit the web page mentioned above.\n';

/** The CAs of Debian/Ubuntu's ca-certificates bundle that sign the simulated Internet's sites. */
export const PUBLIC_CAS: readonly string[] = ['DigiCert Global G3 TLS ECC SHA384 2020 CA1', 'R11', 'WR2', 'Sectigo RSA Domain Validation Secure Server CA'];

export interface TlsFailure {
  code: number;
  message: string;
  /** Printed after curl's error line. */
  help?: string;
}

/** Which CAs the client trusts: `--cacert FILE` replaces the system bundle. */
export function trustedCAs(env: ToolEnv, ctx: CommandContext, cacert: string | undefined): string[] | TlsFailure {
  if (cacert === undefined) return [...PUBLIC_CAS];
  const path = ctx.resolve(cacert);
  if (!ctx.fs.exists(path) || ctx.fs.isDir(path)) return { code: 77, message: `error setting certificate file: ${cacert}` };
  const pem = ctx.fs.readFile(path);
  // The cluster CA is the one kubeadm publishes in every namespace's kube-root-ca.crt ConfigMap.
  const cm = env.sim.api.admin().tryGet('configmaps', 'kube-system', 'kube-root-ca.crt') as { data?: Record<string, string> } | undefined;
  const clusterCA = cm?.data?.['ca.crt'];
  return clusterCA && pem.includes(clusterCA.trim()) ? ['kubernetes'] : [];
}

/** RFC 6125 matching of one SAN DNS entry (a leading `*.` covers exactly one label). */
function nameMatches(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase();
  const h = host.toLowerCase().replace(/\.$/, '');
  if (p.startsWith('*.')) return h.split('.').length === p.split('.').length && h.endsWith(p.slice(1));
  return p === h;
}

/** OpenSSL's chain check, then curl's host name check; undefined when the server is trusted. */
export function verifyCert(cert: ServerCert, host: string, trusted: readonly string[]): TlsFailure | undefined {
  if (!trusted.includes(cert.issuer)) {
    const why = cert.chainIncludesRoot ? 'self-signed certificate in certificate chain' : 'unable to get local issuer certificate';
    return { code: 60, message: `SSL certificate problem: ${why}`, help: CA_CERT_HELP };
  }
  const isIP = /^\d+\.\d+\.\d+\.\d+$/.test(host);
  const ok = isIP ? cert.ips.includes(host) : cert.dnsNames.some((n) => nameMatches(n, host));
  if (!ok) return { code: 60, message: `SSL: no alternative certificate subject name matches target host name '${host}'`, help: CA_CERT_HELP };
  return undefined;
}

/** A plain-HTTP answer to the ClientHello: OpenSSL reads "HTTP/1.1 400" as a record header. */
export const WRONG_VERSION: TlsFailure = { code: 35, message: `OpenSSL/${OPENSSL_VERSION}: error:0A00010B:SSL routines::wrong version number` };
