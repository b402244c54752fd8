/**
 * kubectl's resource builder for `TYPE NAME`, `TYPE/NAME` and `TYPE NAME1 NAME2` arguments
 * (cli-runtime `ResourceTypeOrNameArgs`), reduced to what the workload verbs need.
 */
import { ApiError, type KubeObject, type ResourceInfo } from '../../api/types';
import type { KubectlContext } from '../verb';
import { KubectlError } from './common';

export interface Target {
  info: ResourceInfo;
  /** `deployments.apps`: the key the ApiClient takes. */
  resource: string;
  name: string;
}

/** The builder's error when no resource was named. */
export const NO_RESOURCES_ERROR = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

/** Resolves a type argument as discovery would; unknown types get kubectl's client-side error. */
export function resolveType(ctx: KubectlContext, type: string): ResourceInfo {
  try {
    return ctx.server.resolveResource(type);
  } catch (e) {
    if (e instanceof ApiError && e.reason === 'NotFound') throw new KubectlError(e.message);
    throw e;
  }
}

/** Parses the positional arguments into targets, without fetching anything. */
export function parseTargets(ctx: KubectlContext, args: string[] = ctx.args): Target[] {
  if (args.length === 0) throw new KubectlError(NO_RESOURCES_ERROR);
  const mk = (type: string, name: string): Target => {
    const info = resolveType(ctx, type);
    return { info, resource: ctx.server.resourceKey(info), name };
  };
  if (args.every((a) => a.includes('/'))) {
    return args.map((a) => {
      const i = a.indexOf('/');
      const name = a.slice(i + 1);
      if (!name) throw new KubectlError(`arguments in resource/name form must have a single resource and name`);
      return mk(a.slice(0, i), name);
    });
  }
  if (args.some((a) => a.includes('/'))) throw new KubectlError(`there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`);
  const [type, ...names] = args;
  if (names.length === 0) throw new KubectlError(`resource(s) were provided, but no name was specified`);
  return names.map((n) => mk(type!, n));
}

/** Fetches a target's object (NotFound propagates as the API error). */
export function fetchTarget<T extends KubeObject = KubeObject>(ctx: KubectlContext, t: Target): T {
  return ctx.api.get<T>(t.resource, t.info.namespaced ? ctx.namespace : undefined, t.name);
}
