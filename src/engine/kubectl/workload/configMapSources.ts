/**
 * `--from-literal` and `--from-file` for `kubectl create configmap` (kubectl
 * `pkg/cmd/create/create_configmap.go`, `handleConfigMapFromLiteralSources/FileSources`).
 */
import type { KubectlContext } from '../verb';
import { KubectlError, sliceFlag } from './common';

const KEY_RE = /^[-._a-zA-Z0-9]+$/;

function addKey(data: Record<string, string>, key: string, value: string, cmName: string): void {
  if (!KEY_RE.test(key) || key.length > 253) throw new KubectlError(`"${key}" is not a valid key name for a ConfigMap: a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`);
  if (key in data) throw new KubectlError(`cannot add key "${key}", another key by that name already exists in Data for ConfigMap "${cmName}"`);
  data[key] = value;
}

/** The `data` map built from the literal and file sources, in the order kubectl adds them. */
export function configMapData(ctx: KubectlContext, cmName: string): Record<string, string> {
  const data: Record<string, string> = {};
  for (const src of sliceFlag(ctx, 'from-file')) {
    const eq = src.indexOf('=');
    const key = eq >= 0 ? src.slice(0, eq) : undefined;
    const path = eq >= 0 ? src.slice(eq + 1) : src;
    if (key === '') throw new KubectlError(`key names or file paths cannot be empty`);
    const abs = ctx.cmd.resolve(path);
    if (!ctx.cmd.fs.exists(abs)) throw new KubectlError(`error reading ${path}: no such file or directory`);
    if (ctx.cmd.fs.isDir(abs)) {
      if (key !== undefined) throw new KubectlError(`cannot give a key name for a directory path`);
      for (const f of ctx.cmd.fs.readdir(abs)) {
        const p = `${abs.replace(/\/$/, '')}/${f}`;
        if (!ctx.cmd.fs.isDir(p)) addKey(data, f, ctx.cmd.fs.readFile(p), cmName);
      }
    } else addKey(data, key ?? path.split('/').pop()!, ctx.cmd.fs.readFile(abs), cmName);
  }
  for (const lit of ctx.flags.get<string[]>('from-literal') ?? []) {
    const eq = lit.indexOf('=');
    if (eq <= 0) throw new KubectlError(`invalid literal source ${lit}, expected key=value`);
    addKey(data, lit.slice(0, eq), lit.slice(eq + 1).replace(/^"(.*)"$/, '$1'), cmName);
  }
  return data;
}
