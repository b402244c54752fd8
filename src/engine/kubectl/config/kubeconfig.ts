/**
 * kubeconfig files as clientcmd loads them (`--kubeconfig`, `$KUBECONFIG`, `~/.kube/config`),
 * kubeadm's admin.conf, and the in-cluster fallback a pod's service-account mount gives.
 */
import { parse } from 'yaml';
import type { CommandContext } from '../../shell/types';
import { clientCertificateData, pemData } from './credentials';
import { KUBERNETES_ADMIN } from '../../api/ApiServer';

export interface NamedCluster {
  name: string;
  cluster: { server?: string; 'certificate-authority-data'?: string; 'certificate-authority'?: string; 'insecure-skip-tls-verify'?: boolean };
}
export interface NamedContext {
  name: string;
  context: { cluster?: string; user?: string; namespace?: string };
}
export interface NamedUser {
  name: string;
  user: { token?: string; tokenFile?: string; 'client-certificate-data'?: string; 'client-key-data'?: string; 'client-certificate'?: string; 'client-key'?: string; username?: string; password?: string };
}
/** The parts of a kubeconfig kubectl reads (clientcmdapi.Config in its v1 wire form). */
export interface Kubeconfig {
  apiVersion: string;
  kind: string;
  clusters: NamedCluster[];
  contexts: NamedContext[];
  users: NamedUser[];
  'current-context': string;
  preferences: Record<string, unknown>;
}

/** The admin.conf kubeadm writes (and copies to `/root/.kube/config` in the usual setup). */
export function adminKubeconfig(apiServerIP = '172.18.0.2'): Kubeconfig {
  return {
    apiVersion: 'v1',
    clusters: [{ cluster: { 'certificate-authority-data': pemData('CERTIFICATE', 'kubernetes-ca', 760), server: `https://${apiServerIP}:6443` }, name: 'kubernetes' }],
    contexts: [{ context: { cluster: 'kubernetes', user: 'kubernetes-admin' }, name: 'kubernetes-admin@kubernetes' }],
    'current-context': 'kubernetes-admin@kubernetes',
    kind: 'Config',
    preferences: {},
    users: [{ name: 'kubernetes-admin', user: { 'client-certificate-data': clientCertificateData(KUBERNETES_ADMIN), 'client-key-data': pemData('RSA PRIVATE KEY', 'kubernetes-admin-key', 1190) } }],
  };
}

/** Where kubectl reads its kubeconfig from, or undefined when no file exists. */
export function kubeconfigPath(ctx: CommandContext, flag: string): string | undefined {
  if (flag) return ctx.resolve(flag);
  const env = ctx.env.get('KUBECONFIG');
  if (env) {
    for (const p of env.split(':').filter(Boolean)) if (ctx.fs.exists(ctx.resolve(p))) return ctx.resolve(p);
    return undefined;
  }
  const home = ctx.env.get('HOME') ?? ctx.machine.home;
  const p = `${home}/.kube/config`;
  return ctx.fs.exists(p) ? p : undefined;
}

/** A kubeconfig failure as kubectl words it (printed after `error: `). */
export class KubeconfigError extends Error {}

/** Parses a kubeconfig file; missing lists become empty. */
export function parseKubeconfig(text: string, path: string): Kubeconfig {
  let raw: unknown;
  try {
    raw = parse(text) ?? {};
  } catch {
    throw new KubeconfigError(`error loading config file "${path}": yaml: line 1: did not find expected key`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new KubeconfigError(`error loading config file "${path}": couldn't get version/kind; json parse error: json: cannot unmarshal string into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`);
  }
  const r = raw as Partial<Kubeconfig>;
  return {
    apiVersion: r.apiVersion ?? 'v1',
    kind: r.kind ?? 'Config',
    clusters: Array.isArray(r.clusters) ? r.clusters : [],
    contexts: Array.isArray(r.contexts) ? r.contexts : [],
    users: Array.isArray(r.users) ? r.users : [],
    'current-context': r['current-context'] ?? '',
    preferences: r.preferences ?? {},
  };
}
