/**
 * The verbs of the API server. Each runs the request path and records it: authentication,
 * authorization, admission (incl. defaulting), validation, storage, watch.
 */
import { deepClone } from '../store/json';
import { compileFieldSelector, FieldSelectorError, parseFieldSelector } from '../store/fieldSelector';
import { matchesSelector, parseSelector, SelectorParseError } from '../store/labelSelector';
import { TooOldResourceVersionError } from '../store/ObjectStore';
import type { ApiServer } from './ApiServer';
import type { ApiServerClient } from './ApiServerClient';
import { badRequestError, goneError, methodNotAllowedError, notFoundError } from './errors';
import { authorize, forbiddenMessage, type Attributes, type RbacSource } from './rbac/authorizer';
import { impersonationChecks } from './rbac/impersonation';
import { forbiddenError } from './errors';
import { RequestContext } from './RequestContext';
import { infoForKey } from './resources';
import type { DeleteOptions, KubeObject, ListOptions, PatchType, ResourceInfo, Unsubscribe, WatchEvent, WatchOptions, WriteOptions } from './types';
import { Writes } from './Writes';
import { SCALABLE, toScale } from './kinds/scale';

/** Served deprecation warnings, keyed by resource (apiserver adds them to every request). */
const DEPRECATION_WARNINGS: Record<string, string> = {
  endpoints: 'v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice',
};

export interface Target {
  key: string;
  info: ResourceInfo;
  subresource: string | undefined;
  /** Namespace for namespaced resources; undefined for cluster-scoped ones (or all namespaces). */
  namespace: string | undefined;
}

export class RequestHandler {
  private readonly writes: Writes;
  /** What the RBAC authorizer reads: the stored Roles, ClusterRoles and bindings. */
  private readonly rbac: RbacSource;

  constructor(private readonly server: ApiServer) {
    this.writes = new Writes(server);
    this.rbac = { list: (r, ns) => server.store.list(r, ns), get: (r, ns, n) => server.store.get(r, ns, n) };
  }

  /** Resolves `services/status` into resource info and subresource; namespaces cluster-scoped requests away. */
  target(resource: string, namespace: string | undefined, defaultNamespace: string | undefined): Target {
    const slash = resource.indexOf('/');
    const key = slash < 0 ? resource : resource.slice(0, slash);
    const subresource = slash < 0 ? undefined : resource.slice(slash + 1, subresourceEnd(resource, slash));
    const info = infoForKey(key);
    return { key, info, subresource, namespace: info.namespaced ? (namespace ?? defaultNamespace) : undefined };
  }

  /** Wraps a verb: context, authentication, authorization, warnings, logging. */
  private request<T>(
    client: ApiServerClient,
    verb: string,
    t: Target,
    name: string | undefined,
    fn: (ctx: RequestContext) => T,
  ): T {
    const ctx = new RequestContext(client, verb, t.subresource ? `${t.key}/${t.subresource}` : t.key, t.namespace, name);
    try {
      ctx.stage('authentication', true, client.authenticated);
      ctx.run('authorization', '', () => this.authorize(client, verb, t, name));
      const warning = DEPRECATION_WARNINGS[t.key];
      if (warning) {
        ctx.record.warnings.push(warning);
        this.server.warn(warning);
      }
      return fn(ctx);
    } catch (e) {
      ctx.fail(e);
      throw e;
    } finally {
      this.server.emitRequest(ctx.record);
    }
  }

  private authorize(client: ApiServerClient, verb: string, t: Target, name: string | undefined): void {
    const src = this.rbac;
    if (client.impersonator && client.impersonation) {
      for (const a of impersonationChecks(client.impersonator, client.impersonation))
        if (!authorize(a, src).allowed) throw forbiddenError({ group: '', resource: a.resource }, a.name ?? '', forbiddenMessage(a));
    }
    const attrs: Attributes = { user: client.user, verb, group: t.info.group, resource: t.info.resource };
    if (t.subresource) attrs.subresource = t.subresource;
    if (t.namespace) attrs.namespace = t.namespace;
    if (name) attrs.name = name;
    const decision = authorize(attrs, src);
    if (!decision.allowed) throw forbiddenError({ group: t.info.group, resource: t.info.resource }, name ?? '', forbiddenMessage(attrs));
  }

  create(client: ApiServerClient, resource: string, ns: string | undefined, obj: KubeObject, opts?: WriteOptions): KubeObject {
    const t = this.target(resource, ns, obj?.metadata?.namespace ?? 'default');
    return this.request(client, 'create', t, undefined, (ctx) => {
      if (t.key === 'pods' && t.subresource === 'binding') return result(client, this.writes.bind(ctx, client, t, obj, opts));
      if (t.subresource) throw methodNotAllowedError(`the server does not allow this method on the requested resource`);
      return result(client, this.writes.create(ctx, client, t, obj, opts));
    });
  }

  get(client: ApiServerClient, resource: string, ns: string | undefined, name: string, orUndefined = false): KubeObject | undefined {
    const t = this.target(resource, ns, 'default');
    return this.request(client, 'get', t, name, (ctx) => {
      const obj = this.server.store.get(t.key, t.namespace ?? '', name);
      ctx.stage('storage', !!obj, obj ? `read resourceVersion ${obj.metadata.resourceVersion}` : 'not found');
      if (!obj) {
        if (orUndefined) return undefined;
        throw notFoundError(t.info, name);
      }
      if (t.subresource === 'scale' && SCALABLE.has(t.key)) return toScale(obj);
      if (t.subresource && t.subresource !== 'status') throw notFoundError(t.info, name);
      return deepClone(obj);
    });
  }

  list(client: ApiServerClient, resource: string, ns: string | undefined, opts?: ListOptions): { items: KubeObject[]; resourceVersion: number } {
    const t = this.target(resource, ns, undefined);
    return this.request(client, 'list', t, undefined, (ctx) => {
      const matches = this.selectorFilter(t, opts);
      const items = this.server.store.list(t.key, t.namespace).filter(matches).map((o) => deepClone(o));
      ctx.stage('storage', true, `listed ${items.length} ${t.info.resource}`);
      return { items, resourceVersion: this.server.store.resourceVersion };
    });
  }

  watch(
    client: ApiServerClient,
    resource: string,
    ns: string | undefined,
    handler: (ev: WatchEvent) => void,
    opts?: WatchOptions,
  ): Unsubscribe {
    const t = this.target(resource, ns, undefined);
    return this.request(client, 'watch', t, undefined, (ctx) => {
      const matches = this.selectorFilter(t, opts);
      try {
        const unsubscribe = this.server.store.watch({ resource: t.key, namespace: t.namespace, matches, handler, ...(opts?.onClose ? { onClose: opts.onClose } : {}) }, opts?.fromResourceVersion);
        ctx.stage('watch', true, `watching from resourceVersion ${opts?.fromResourceVersion ?? this.server.store.resourceVersion}`);
        return unsubscribe;
      } catch (e) {
        if (e instanceof TooOldResourceVersionError) throw goneError(e.message);
        throw e;
      }
    });
  }

  update(client: ApiServerClient, resource: string, ns: string | undefined, obj: KubeObject, opts?: WriteOptions): KubeObject {
    const t = this.target(resource, ns, obj?.metadata?.namespace ?? 'default');
    const name = obj?.metadata?.name ?? '';
    return this.request(client, 'update', t, name, (ctx) => this.view(client, t, this.writes.update(ctx, client, t, obj, opts)));
  }

  patch(client: ApiServerClient, resource: string, ns: string | undefined, name: string, type: PatchType, patch: unknown, opts?: WriteOptions): KubeObject {
    const t = this.target(resource, ns, 'default');
    return this.request(client, 'patch', t, name, (ctx) => this.view(client, t, this.writes.patch(ctx, client, t, name, type, patch, opts)));
  }

  /** What a write returns: the object (see {@link result}), or the Scale view for `/scale`. */
  private view(client: ApiServerClient, t: Target, stored: KubeObject): KubeObject {
    return t.subresource === 'scale' && SCALABLE.has(t.key) ? toScale(stored) : result(client, stored);
  }

  delete(client: ApiServerClient, resource: string, ns: string | undefined, name: string, opts?: DeleteOptions): KubeObject {
    const t = this.target(resource, ns, 'default');
    return this.request(client, 'delete', t, name, (ctx) => {
      if (t.subresource) throw methodNotAllowedError('the server does not allow this method on the requested resource');
      return result(client, this.writes.delete(ctx, client, t, name, opts));
    });
  }

  /** Label and field selectors compiled into one predicate; parse errors are BadRequest. */
  private selectorFilter(t: Target, opts: ListOptions | undefined): (o: KubeObject) => boolean {
    try {
      const labelSel = opts?.labelSelector ? parseSelector(opts.labelSelector) : [];
      const fieldMatch = compileFieldSelector(t.key, t.info.namespaced, parseFieldSelector(opts?.fieldSelector ?? ''));
      return (o) => matchesSelector(labelSel, o.metadata.labels) && fieldMatch(o);
    } catch (e) {
      if (e instanceof SelectorParseError || e instanceof FieldSelectorError) throw badRequestError(e.message);
      throw e;
    }
  }
}

/** Where `split('/', 2)`'s second part ends: at the next slash, if any. */
function subresourceEnd(resource: string, slash: number): number {
  const next = resource.indexOf('/', slash + 1);
  return next < 0 ? resource.length : next;
}

/** A write's result as the client gets it: a private copy, unless it takes shared results. */
function result(client: ApiServerClient, obj: KubeObject): KubeObject {
  return client.sharedResults ? obj : deepClone(obj);
}
