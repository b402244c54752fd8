/**
 * The non-table output formats of kubectl get: `-o yaml`, `-o json`, `-o name`, and the List
 * kubectl builds when several objects are printed with them.
 */
import type { KubeObject } from '../../api/types';
import { goJsonMarshal } from './jsonpath/goValues';
import { toYaml } from './yamlEmitter';

/** `-o json`: `json.MarshalIndent(obj, "", "    ")` plus a newline (keys sorted, HTML-safe). */
export function toJson(obj: unknown): string {
  return `${goJsonMarshal(obj, '    ')}\n`;
}

/** `-o yaml`. */
export function toYamlOutput(obj: unknown): string {
  return toYaml(obj);
}

/** The List kubectl get prints for list requests with -o yaml/json/jsonpath. */
export function listOf(items: KubeObject[]): KubeObject {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
}

/** Group of an apiVersion (`apps/v1` → `apps`, `v1` → ``). */
export function groupOf(apiVersion: string): string {
  const i = apiVersion.indexOf('/');
  return i < 0 ? '' : apiVersion.slice(0, i);
}

/** The `kind[.group]` prefix kubectl uses in `-o name`, success lines and `kubectl get all`. */
export function kindPrefix(kind: string, group: string): string {
  return group ? `${kind.toLowerCase()}.${group}` : kind.toLowerCase();
}

/** `-o name` line for one object, or a success line when `operation` is given (`service/web created`). */
export function nameLine(obj: Pick<KubeObject, 'apiVersion' | 'kind' | 'metadata'>, operation?: string): string {
  const prefix = kindPrefix(obj.kind, groupOf(obj.apiVersion));
  return `${prefix}/${obj.metadata.name ?? ''}${operation ? ` ${operation}` : ''}\n`;
}
