/**
 * Credentials as kubeadm and the kubelet hand them out: client certificates for kubeconfig users
 * and service-account JWTs in pods. The simulated API server trusts the subject they carry
 * (CN = user, O = groups), as the real one does after verifying the signature.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import type { UserInfo } from '../../api/types';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 of bytes (the engine has no Buffer). */
export function base64Encode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i]!, bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]! + (b === undefined ? '=' : B64[(n >> 6) & 63]!) + (c === undefined ? '=' : B64[n & 63]!);
  }
  return out;
}

/** Base64 (standard or URL alphabet, padding optional) to a latin-1/UTF-8 string; undefined when invalid. */
export function base64Decode(text: string): string | undefined {
  const clean = text.replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  if (!/^[A-Za-z0-9+/]*$/.test(clean)) return undefined;
  const bytes: number[] = [];
  let bits = 0;
  let acc = 0;
  for (const ch of clean) {
    acc = (acc << 6) | B64.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((acc >> bits) & 0xff);
    }
  }
  // The subjects and JSON we decode are ASCII; latin-1 keeps other bytes one-to-one.
  return String.fromCharCode(...bytes.slice(0, 65536));
}

/** Deterministic filler bytes so generated PEM blocks look and size like real ones. */
function filler(seed: string, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let block = sha256(utf8ToBytes(seed));
  for (let i = 0; i < length; i++) {
    if (i > 0 && i % 32 === 0) block = sha256(block);
    out[i] = block[i % 32]!;
  }
  return out;
}

function pem(label: string, body: Uint8Array): string {
  const b64 = base64Encode(body);
  const lines = b64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** A client certificate (as kubeconfig's base64 `client-certificate-data`) whose subject names `user`. */
export function clientCertificateData(user: UserInfo): string {
  const subject = utf8ToBytes(`CN=${user.name}${user.groups.filter((g) => g !== 'system:authenticated').map((g) => `,O=${g}`).join('')};`);
  const body = new Uint8Array(subject.length + 760);
  body.set(subject);
  body.set(filler(`cert:${user.name}`, 760), subject.length);
  return base64Encode(utf8ToBytes(pem('CERTIFICATE', body)));
}

/** A PEM blob (CA certificate or private key) as base64, derived from `seed`. */
export function pemData(label: string, seed: string, size: number): string {
  return base64Encode(utf8ToBytes(pem(label, filler(seed, size))));
}

/** The subject of a certificate made by {@link clientCertificateData}; undefined for foreign data. */
export function userFromCertificate(data: string): UserInfo | undefined {
  const text = base64Decode(data);
  const m = text && /-----BEGIN CERTIFICATE-----\n([\s\S]*?)\n-----END CERTIFICATE-----/.exec(text);
  const body = m && base64Decode(m[1]!);
  const subject = body && /^CN=([^,;]+)((?:,O=[^,;]+)*);/.exec(body);
  if (!subject) return undefined;
  const groups = subject[2] ? subject[2].slice(1).split(',').map((g) => g.slice(2)) : [];
  return { name: subject[1]!, groups: [...groups, 'system:authenticated'] };
}

/** A service-account JWT (what the kubelet projects into `/var/run/secrets/kubernetes.io/serviceaccount/token`). */
export function serviceAccountToken(namespace: string, name: string): string {
  const enc = (o: object) => base64Encode(utf8ToBytes(JSON.stringify(o))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const sig = base64Encode(filler(`sa:${namespace}/${name}`, 256)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${enc({ alg: 'RS256', kid: 'kubelab' })}.${enc({ aud: ['https://kubernetes.default.svc.cluster.local'], iss: 'https://kubernetes.default.svc.cluster.local', sub: `system:serviceaccount:${namespace}:${name}` })}.${sig}`;
}

/** The identity a bearer token authenticates as: service-account JWTs only. */
export function userFromToken(token: string): UserInfo | undefined {
  const payload = token.trim().split('.')[1];
  const json = payload && base64Decode(payload);
  if (!json) return undefined;
  try {
    const sub = (JSON.parse(json) as { sub?: unknown }).sub;
    const m = typeof sub === 'string' ? /^system:serviceaccount:([^:]+):([^:]+)$/.exec(sub) : null;
    if (!m) return undefined;
    return { name: sub as string, groups: ['system:serviceaccounts', `system:serviceaccounts:${m[1]}`, 'system:authenticated'] };
  } catch {
    return undefined;
  }
}
