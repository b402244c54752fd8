/**
 * kubectl's resource builder for positional arguments: `TYPE [NAME...]`, `TYPE1,TYPE2`,
 * `TYPE/NAME ...`, and categories such as `all`.
 */
import { ApiError, type ResourceInfo } from '../../api/types';
import type { ApiServer } from '../../api/ApiServer';
import { CommandFailed, UsageError } from '../cli/errors';

/** One resource type and the names asked for (empty: all of them). */
export interface ResourceTarget {
  info: ResourceInfo;
  key: string;
  names: string[];
}

/** Resolves a type argument; unknown ones fail with `the server doesn't have a resource type`. */
export function resolveType(server: ApiServer, arg: string): ResourceInfo[] {
  const categories = server.resources().filter((r) => r.categories?.includes(arg.toLowerCase()));
  if (categories.length > 0 && !server.resources().some((r) => r.resource === arg.toLowerCase())) return categories;
  try {
    return [server.resolveResource(arg)];
  } catch (e) {
    if (e instanceof ApiError) throw new CommandFailed(e.message);
    throw e;
  }
}

/** Parses positional arguments into targets, in kubectl's order, merging repeated types. */
export function parseResourceArgs(server: ApiServer, args: string[]): ResourceTarget[] {
  if (args.length === 0) return [];
  const slashed = args.filter((a) => a.includes('/'));
  const targets: ResourceTarget[] = [];
  const add = (info: ResourceInfo, name?: string): void => {
    const key = server.resourceKey(info);
    let t = targets.find((x) => x.key === key);
    if (!t) {
      t = { info, key, names: [] };
      targets.push(t);
    }
    if (name !== undefined && !t.names.includes(name)) t.names.push(name);
  };
  if (slashed.length > 0) {
    if (slashed.length !== args.length) {
      throw new CommandFailed(
        "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
      );
    }
    for (const a of args) {
      const i = a.indexOf('/');
      const type = a.slice(0, i);
      const name = a.slice(i + 1);
      if (!type || !name) throw new CommandFailed(`arguments in resource/name form must have a single resource and name`);
      for (const info of resolveType(server, type)) add(info, name);
    }
    return targets;
  }
  const [types, ...names] = args;
  const infos = types!.split(',').filter(Boolean).flatMap((t) => resolveType(server, t));
  if (names.length > 0 && infos.length > 1) throw new UsageError(`you may only specify a single resource type`);
  for (const info of infos) {
    if (names.length === 0) add(info);
    for (const n of names) add(info, n);
  }
  return targets;
}
