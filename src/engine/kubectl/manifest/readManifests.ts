/**
 * kubectl's resource builder for `-f`: files, directories (`-R` to recurse), `-` for stdin,
 * multi-document YAML, JSON, and `kind: List`, with kubectl's error wording.
 */
import { isStdinLink } from '../../shell/tools/lines';
import { parseAllDocuments } from 'yaml';
import type { KubeObject } from '../../api/types';
import type { CommandContext } from '../../shell/types';
import { goYamlMessage } from './yamlErrors';

/** One object from a manifest and where it came from (`web.yaml`, `STDIN`). */
export interface ManifestObject {
  object: KubeObject;
  source: string;
}

/**
 * A failure to read manifests; `message` is what kubectl prints after `error: `. `decoded` holds
 * the objects read before the failure: kubectl's stream visitor hands each document on as it is
 * decoded, so apply and create still act on them and print the error at the end.
 */
export class ManifestError extends Error {
  decoded: ManifestObject[] = [];
}

const EXTENSIONS = ['.json', '.yaml', '.yml'];

/** `-f a.yaml,b.yaml -f dir`: pflag StringSlice semantics (commas split). */
export function filenameArgs(values: string[]): string[] {
  return values.flatMap((v) => v.split(',')).filter((v) => v !== '');
}

/** Reads every object the `-f` arguments name, in kubectl's order. */
export function readManifests(ctx: CommandContext, filenames: string[], recursive = false): ManifestObject[] {
  const out: ManifestObject[] = [];
  try {
    readInto(ctx, filenames, recursive, out);
  } catch (e) {
    if (e instanceof ManifestError) e.decoded = [...out, ...e.decoded];
    throw e;
  }
  return out;
}

function readInto(ctx: CommandContext, filenames: string[], recursive: boolean, out: ManifestObject[]): void {
  for (const name of filenames) {
    if (name === '-') {
      out.push(...decodeStream(ctx.stdin, 'STDIN'));
      continue;
    }
    if (/^https?:\/\//.test(name)) throw new ManifestError(`unable to read URL "${name}", server reported 404 Not Found, status code=404`);
    // `-f /dev/stdin` opens the process's own stdin, like `-f -` under its own name.
    if (isStdinLink(ctx, name)) {
      out.push(...decodeStream(ctx.stdin, name));
      continue;
    }
    const path = ctx.resolve(name);
    if (!ctx.fs.exists(path)) throw new ManifestError(`the path "${name}" does not exist`);
    if (ctx.fs.isDir(path)) {
      for (const file of walk(ctx, path, name, recursive)) out.push(...decodeStream(ctx.fs.readFile(file.path), file.display));
    } else out.push(...decodeStream(ctx.fs.readFile(path), name));
  }
}

function walk(ctx: CommandContext, dir: string, display: string, recursive: boolean): { path: string; display: string }[] {
  const files: { path: string; display: string }[] = [];
  for (const entry of [...ctx.fs.readdir(dir)].sort()) {
    const path = `${dir.replace(/\/$/, '')}/${entry}`;
    const shown = `${display.replace(/\/$/, '')}/${entry}`;
    if (ctx.fs.isDir(path)) {
      if (recursive) files.push(...walk(ctx, path, shown, true));
    } else if (EXTENSIONS.some((e) => entry.endsWith(e))) files.push({ path, display: shown });
  }
  return files;
}

/** Splits a YAML/JSON stream into objects; `List` items are flattened. */
export function decodeStream(text: string, source: string): ManifestObject[] {
  const docs = parseAllDocuments(text, { uniqueKeys: true, version: '1.1', prettyErrors: false });
  const out: ManifestObject[] = [];
  const list = Array.isArray(docs) ? docs : [docs];
  for (const doc of list) {
    if (doc.errors.length > 0) {
      const err = new ManifestError(`error parsing ${source}: error converting YAML to JSON: ${goYamlMessage(doc.errors, text)}`);
      err.decoded = out;
      throw err;
    }
    const value: unknown = doc.toJS({ maxAliasCount: 100 });
    if (value === null || value === undefined) continue;
    out.push(...toObjects(value, source));
  }
  if (out.length === 0 && text.trim() === '') return [];
  return out;
}

function toObjects(value: unknown, source: string): ManifestObject[] {
  if (typeof value !== 'object' || Array.isArray(value) || value === null) {
    const goType = Array.isArray(value) ? 'array' : typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'bool' : 'string';
    throw new ManifestError(`error validating "${source}": error validating data: invalid object to validate; json: cannot unmarshal ${goType} into Go value of type map[string]interface {}`);
  }
  const obj = value as Record<string, unknown>;
  const missing: string[] = [];
  if (typeof obj.apiVersion !== 'string' || obj.apiVersion === '') missing.push('apiVersion not set');
  if (typeof obj.kind !== 'string' || obj.kind === '') missing.push('kind not set');
  if (missing.length > 0) {
    const detail = missing.length === 1 ? missing[0] : `[${missing.join(', ')}]`;
    throw new ManifestError(`error validating "${source}": error validating data: ${detail}; if you choose to ignore these errors, turn validation off with --validate=false`);
  }
  if (/List$/.test(obj.kind as string) && Array.isArray(obj.items)) {
    return (obj.items as unknown[]).flatMap((item) => toObjects(item, source));
  }
  if (typeof obj.metadata !== 'object' || obj.metadata === null) obj.metadata = {};
  return [{ object: obj as unknown as KubeObject, source }];
}
