/**
 * The write verbs (create, update, patch, delete) after authorization: admission and
 * defaulting, validation, allocation, storage, watch; plus graceful deletion, finalizers and
 * namespace termination.
 */
import { deepClone, deepEqual, isPlainObject, shareUnchanged } from '../store/json';
import type { ApiServer } from './ApiServer';
import type { ApiServerClient } from './ApiServerClient';
import { alreadyExistsError, badRequestError, conflictError, forbiddenError, invalidError, MODIFIED_CONFLICT, notFoundError } from './errors';
import { generateName, newUid, rfc3339 } from './metadata';
import { applyJsonPatch, JsonPatchError } from './patch/jsonPatch';
import { applyMergePatch } from './patch/mergePatch';
import { applyStrategicMergePatch } from './patch/strategicMergePatch';
import type { RequestContext } from './RequestContext';
import type { StrategyContext } from './strategy';
import type { Target } from './RequestHandler';
import { apiVersionOf } from './resources';
import type { DeleteOptions, KubeObject, PatchType, WriteOptions } from './types';
import { ApiError, StatusReason } from './types';
import { validateObjectMetaUpdate } from './validation/objectMeta';
import { applyScale, SCALABLE, toScale, validateScale } from './kinds/scale';

const NAMESPACES = 'namespaces';
const CREATE_ON_UPDATE = new Set(['endpoints', 'events']);
const IMMORTAL_NAMESPACES = new Set(['default', 'kube-system', 'kube-public']);
/** Metadata the server sets on create, whatever the request says. */
const SYSTEM_META_FIELDS = ['uid', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'generation', 'managedFields', 'selfLink'] as const;
/** Metadata an update keeps from the stored object (uid and creationTimestamp only when the request leaves them out). */
const KEPT_META_FIELDS = ['uid', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'generation'] as const;

export class Writes {
  /**
   * What strategies run with, made once: ApiServer.strategyContext() builds a new object (and
   * lookup closure) per call, and every write asks. `now` is read when used; a write runs
   * synchronously, so that is the time the write started.
   */
  private readonly sctx: StrategyContext;

  constructor(private readonly server: ApiServer) {
    const { clock, rng } = server.config;
    const store = server.store;
    this.sctx = {
      rng,
      get now() {
        return clock.now();
      },
      clusterIPs: server.clusterIPs,
      nodePorts: server.nodePorts,
      lookup: (resource, namespace, name) => store.get(resource, namespace, name),
    };
  }

  private get store() {
    return this.server.store;
  }

  create(ctx: RequestContext, client: ApiServerClient, t: Target, input: KubeObject, opts?: WriteOptions): KubeObject {
    const strategy = this.server.strategyFor(t.key);
    const sctx = this.sctx;
    const obj = deepClone(input);
    obj.apiVersion = apiVersionOf(t.info);
    obj.kind = t.info.kind;
    obj.metadata = obj.metadata ?? {};
    if (t.info.namespaced) {
      if (obj.metadata.namespace && obj.metadata.namespace !== t.namespace)
        throw badRequestError('the namespace of the provided object does not match the namespace sent on the request');
      obj.metadata.namespace = t.namespace;
    } else delete obj.metadata.namespace;
    if (obj.metadata.resourceVersion) throw badRequestError('resourceVersion should not be set on objects to be created');

    ctx.run('admission', 'NamespaceLifecycle, ServiceAccount, DefaultTolerationSeconds, defaulting', () => {
      if (t.info.namespaced) this.admitNamespace(t, obj.metadata.name ?? '');
      for (const f of SYSTEM_META_FIELDS) delete obj.metadata[f];
      if (strategy.initialStatus) obj.status = strategy.initialStatus(obj);
      strategy.prepareForCreate?.(obj, sctx);
      if (!obj.metadata.name && obj.metadata.generateName) obj.metadata.name = generateName(obj.metadata.generateName, sctx.rng);
    });
    const name = obj.metadata.name ?? '';
    ctx.record.name = name;
    ctx.run('validation', 'valid', () => {
      const errs = strategy.validate?.(obj) ?? [];
      if (errs.length) throw invalidError(t.info.kind, t.info.group, name, errs);
    });
    return ctx.run('storage', `created ${t.info.resource}/${name}`, () => {
      if (this.store.get(t.key, t.namespace ?? '', name)) throw alreadyExistsError(t.info, name);
      const undo = strategy.allocate?.(obj, undefined, sctx);
      // BeforeCreate fills uid, creationTimestamp and generation before storage, so a dry run
      // answers with them too; only the resourceVersion comes from storage.
      obj.metadata.uid = newUid(sctx.rng);
      obj.metadata.creationTimestamp = rfc3339(sctx.now);
      if (strategy.tracksGeneration) obj.metadata.generation = 1;
      if (opts?.dryRun) {
        undo?.();
        return obj;
      }
      obj.metadata.resourceVersion = String(this.store.nextResourceVersion());
      const stored = this.store.put(t.key, obj, 'ADDED', client.source);
      ctx.stage('watch', true, `ADDED at resourceVersion ${stored.metadata.resourceVersion}`);
      return stored;
    });
  }

  /** NamespaceLifecycle admission: the namespace must exist and not be terminating. */
  private admitNamespace(t: Target, name: string): void {
    const ns = this.store.get(NAMESPACES, '', t.namespace!);
    if (!ns) throw notFoundError({ group: '', resource: 'namespaces' }, t.namespace!);
    if ((ns.status as { phase?: string } | undefined)?.phase === 'Terminating' || ns.metadata.deletionTimestamp)
      throw forbiddenError(t.info, name, `unable to create new content in namespace ${t.namespace} because it is being terminated`);
  }

  /**
   * `POST pods/<name>/binding` (what kube-scheduler sends): sets spec.nodeName and the
   * PodScheduled condition, refusing pods that are already bound or being deleted.
   */
  bind(ctx: RequestContext, client: ApiServerClient, t: Target, binding: KubeObject, opts?: WriteOptions): KubeObject {
    const name = binding.metadata?.name ?? '';
    const gr = { group: '', resource: 'pods/binding' };
    const existing = this.store.get('pods', t.namespace ?? '', name);
    if (!existing) throw notFoundError(t.info, name);
    const target = (binding.target ?? {}) as { kind?: string; name?: string };
    const spec = existing.spec as { nodeName?: string } | undefined;
    ctx.run('admission', 'binding', () => {
      if (existing.metadata.deletionTimestamp) throw conflictError(gr, name, `pod ${name} is being deleted, cannot be assigned to a host`);
      if (spec?.nodeName) throw conflictError(gr, name, `pod ${name} is already assigned to node "${spec.nodeName}"`);
      if (target.kind && target.kind !== 'Node') throw invalidError('Binding', '', name, [{ type: 'FieldValueNotSupported', field: 'target.kind', value: target.kind, detail: 'supported values: "Node"' }]);
      if (!target.name) throw invalidError('Binding', '', name, [{ type: 'FieldValueRequired', field: 'target.name', value: undefined, detail: '' }]);
    });
    const status = (existing.status ?? {}) as { conditions?: Record<string, unknown>[] };
    const conditions = (status.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
    conditions.push({ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: rfc3339(this.server.config.clock.now()) });
    const obj: KubeObject = { ...shallowCopy(existing), spec: { ...(existing.spec as object), nodeName: target.name }, status: { ...status, conditions } };
    return ctx.run('storage', `bound pods/${name} to ${target.name}`, () => {
      if (opts?.dryRun) return obj;
      obj.metadata.resourceVersion = String(this.store.nextResourceVersion());
      const stored = this.store.put('pods', obj, 'MODIFIED', client.source);
      ctx.stage('watch', true, `MODIFIED at resourceVersion ${stored.metadata.resourceVersion}`);
      return stored;
    });
  }

  update(ctx: RequestContext, client: ApiServerClient, t: Target, input: KubeObject, opts?: WriteOptions): KubeObject {
    const name = input?.metadata?.name ?? '';
    const existing = this.store.get(t.key, t.namespace ?? '', name);
    if (!existing) {
      // Like the real registries for Endpoints and Events (AllowCreateOnUpdate), PUT may create.
      if (!t.subresource && CREATE_ON_UPDATE.has(t.key)) {
        const { resourceVersion: _rv, ...meta } = input.metadata ?? {};
        return this.create(ctx, client, t, { ...input, metadata: meta }, opts);
      }
      throw notFoundError(t.info, name);
    }
    if (input.metadata.resourceVersion && input.metadata.resourceVersion !== existing.metadata.resourceVersion) {
      const err = conflictError(t.info, name, MODIFIED_CONFLICT);
      ctx.stage('storage', false, err.message);
      throw err;
    }
    return this.applyUpdate(ctx, client, t, existing, input, opts);
  }

  patch(ctx: RequestContext, client: ApiServerClient, t: Target, name: string, type: PatchType, patch: unknown, opts?: WriteOptions): KubeObject {
    const existing = this.store.get(t.key, t.namespace ?? '', name);
    if (!existing) throw notFoundError(t.info, name);
    let patched: unknown;
    // A patch to /scale applies to the Scale view, not to the parent object.
    const base = t.subresource === 'scale' && SCALABLE.has(t.key) ? toScale(existing) : existing;
    try {
      if (type === 'json') patched = applyJsonPatch(base, patch);
      else if (!isPlainObject(patch)) throw badRequestError('json: cannot unmarshal array into Go value of type map[string]interface {}');
      else if (type === 'merge') patched = applyMergePatch(base, patch);
      else patched = applyStrategicMergePatch(base, patch, base.kind);
    } catch (e) {
      if (e instanceof JsonPatchError)
        throw new ApiError(422, StatusReason.Invalid, 'the server rejected our request due to an error in our request', {
          causes: [{ reason: 'UnexpectedServerResponse', message: e.message, field: '' }],
        });
      throw e;
    }
    if (!isPlainObject(patched) || !isPlainObject(patched.metadata)) throw badRequestError('Object \'metadata\' is missing');
    // Patches share untouched (frozen) subtrees with the stored object; applyUpdate copies what
    // it keeps from its input, so only the metadata set here needs a private copy.
    const obj = shallowCopy(patched as KubeObject);
    if (obj.metadata.resourceVersion && obj.metadata.resourceVersion !== existing.metadata.resourceVersion)
      throw conflictError(t.info, name, MODIFIED_CONFLICT);
    obj.metadata.name = name;
    return this.applyUpdate(ctx, client, t, existing, obj, opts);
  }

  /** The shared tail of update and patch: subresource semantics, defaulting, validation, storage. */
  private applyUpdate(ctx: RequestContext, client: ApiServerClient, t: Target, existing: KubeObject, input: KubeObject, opts?: WriteOptions): KubeObject {
    const strategy = this.server.strategyFor(t.key);
    const sctx = this.sctx;
    const name = existing.metadata.name!;
    let obj: KubeObject;
    ctx.run('admission', t.subresource ? `${t.subresource} subresource` : 'defaulting', () => {
      if (t.subresource === 'status') {
        if (!strategy.hasStatus) throw notFoundError(t.info, name);
        // Everything but status and metadata is shared with the stored (frozen) object.
        obj = { ...shallowCopy(existing), status: deepClone(input.status) };
      } else if (t.subresource === 'scale' && SCALABLE.has(t.key)) {
        const errs = validateScale(input);
        if (errs.length) throw invalidError('Scale', 'autoscaling', name, errs);
        obj = deepClone(applyScale(existing, input));
      } else if (t.subresource === 'finalize') {
        if (t.key !== NAMESPACES) throw notFoundError(t.info, name);
        obj = shallowCopy(existing);
        obj.spec = { ...(obj.spec as object), finalizers: [...(((input.spec as { finalizers?: string[] }) ?? {}).finalizers ?? [])] };
      } else if (t.subresource) {
        throw notFoundError(t.info, name);
      } else {
        obj = deepClone(input);
        obj.apiVersion = existing.apiVersion;
        obj.kind = existing.kind;
        obj.metadata.namespace = existing.metadata.namespace;
        for (const f of KEPT_META_FIELDS) {
          if (f === 'uid' || f === 'creationTimestamp') obj.metadata[f] ??= existing.metadata[f] as never;
          else if (existing.metadata[f] !== undefined) obj.metadata[f] = existing.metadata[f] as never;
          else delete obj.metadata[f];
        }
        // Shared with the stored object: no strategy's prepareForUpdate writes status.
        if (strategy.hasStatus) obj.status = existing.status;
        strategy.prepareForUpdate?.(obj, existing, sctx);
      }
      obj.metadata.resourceVersion = existing.metadata.resourceVersion;
    });
    ctx.run('validation', 'valid', () => {
      const errs = validateObjectMetaUpdate(obj.metadata, existing.metadata);
      if (!t.subresource) errs.push(...(strategy.validateUpdate ?? strategy.validate ?? (() => []))(obj, existing));
      if (errs.length) throw invalidError(t.info.kind, t.info.group, name, errs);
    });
    return ctx.run('storage', `updated ${t.info.resource}/${name}`, () => {
      if (this.readyToRemove(t, obj)) return opts?.dryRun ? obj : this.remove(ctx, client, t, obj);
      // Unchanged subtrees become the stored (frozen) ones, so storing freezes only what changed
      // and the spec compares by reference. Allocation writes into the spec, so an object it
      // will see stays entirely private.
      const allocates = !t.subresource && !!strategy.allocate;
      if (allocates ? deepEqual(obj, existing) : shareUnchanged(obj, existing, 'metadata')) return existing;
      if (strategy.tracksGeneration && (!t.subresource || t.subresource === 'scale') && specChanged(obj, existing)) obj.metadata.generation = (existing.metadata.generation ?? 0) + 1;
      const undo = allocates ? strategy.allocate!(obj, existing, sctx) : undefined;
      if (opts?.dryRun) {
        undo?.();
        return obj;
      }
      obj.metadata.resourceVersion = String(this.store.nextResourceVersion());
      const stored = this.store.put(t.key, obj, 'MODIFIED', client.source);
      ctx.stage('watch', true, `MODIFIED at resourceVersion ${stored.metadata.resourceVersion}`);
      return stored;
    });
  }

  /** An object being deleted goes away once its finalizers (and a namespace's spec finalizers) are gone. */
  private readyToRemove(t: Target, obj: KubeObject): boolean {
    if (!obj.metadata.deletionTimestamp || obj.metadata.finalizers?.length) return false;
    if (t.key === NAMESPACES) return !((obj.spec as { finalizers?: string[] } | undefined)?.finalizers?.length);
    // Pods wait for the kubelet's grace-0 delete, unless they never reached a node.
    if (t.key === 'pods') return obj.metadata.deletionGracePeriodSeconds === 0;
    return true;
  }

  delete(ctx: RequestContext, client: ApiServerClient, t: Target, name: string, opts?: DeleteOptions): KubeObject {
    const existing = this.store.get(t.key, t.namespace ?? '', name);
    if (!existing) throw notFoundError(t.info, name);
    const now = this.server.config.clock.now();
    // Deletion only sets metadata and replaces status; the rest is shared with the stored object.
    const obj = shallowCopy(existing);
    let markOnly = false;
    ctx.run('admission', 'deletion', () => {
      if (t.key !== NAMESPACES && opts?.propagationPolicy) setGcFinalizers(obj, opts.propagationPolicy);
      if (t.key === NAMESPACES) {
        // NamespaceLifecycle keeps the namespaces the cluster itself needs.
        if (IMMORTAL_NAMESPACES.has(name)) throw forbiddenError(t.info, name, 'this namespace may not be deleted');
        obj.metadata.deletionTimestamp ??= rfc3339(now);
        obj.status = { ...(obj.status as object), phase: 'Terminating' };
        markOnly = !this.readyToRemove(t, obj);
        return;
      }
      if (t.key === 'pods') {
        const spec = obj.spec as { nodeName?: string; terminationGracePeriodSeconds?: number } | undefined;
        const phase = (obj.status as { phase?: string } | undefined)?.phase;
        let grace = opts?.gracePeriodSeconds ?? spec?.terminationGracePeriodSeconds ?? 30;
        if (!spec?.nodeName || phase === 'Succeeded' || phase === 'Failed') grace = 0;
        if (existing.metadata.deletionGracePeriodSeconds !== undefined) grace = Math.min(grace, existing.metadata.deletionGracePeriodSeconds);
        // A positive grace period only marks the pod; the kubelet finishes with grace 0.
        if (grace > 0 || obj.metadata.finalizers?.length) {
          const sameGrace = existing.metadata.deletionGracePeriodSeconds === grace;
          if (!sameGrace) obj.metadata.deletionTimestamp = rfc3339(now + grace * 1000);
          obj.metadata.deletionGracePeriodSeconds = grace;
          markOnly = true;
        }
        return;
      }
      if (obj.metadata.finalizers?.length) {
        obj.metadata.deletionTimestamp ??= rfc3339(now);
        obj.metadata.deletionGracePeriodSeconds ??= 0;
        markOnly = true;
      }
    });
    return ctx.run('storage', markOnly ? `marked ${t.info.resource}/${name} for deletion` : `deleted ${t.info.resource}/${name}`, () => {
      if (!markOnly) return opts?.dryRun ? obj : this.remove(ctx, client, t, obj);
      if (opts?.dryRun || deepEqual(obj, existing)) return existing;
      obj.metadata.resourceVersion = String(this.store.nextResourceVersion());
      const stored = this.store.put(t.key, obj, 'MODIFIED', client.source);
      ctx.stage('watch', true, `MODIFIED at resourceVersion ${stored.metadata.resourceVersion}`);
      return stored;
    });
  }

  private remove(ctx: RequestContext, client: ApiServerClient, t: Target, obj: KubeObject): KubeObject {
    const final = deepClone(obj);
    final.metadata.resourceVersion = String(this.store.nextResourceVersion());
    this.server.strategyFor(t.key).release?.(final, this.sctx);
    this.store.remove(t.key, final, client.source);
    ctx.stage('watch', true, `DELETED at resourceVersion ${final.metadata.resourceVersion}`);
    return final;
  }
}

/**
 * `deletionFinalizersForGarbageCollection`: Foreground deletion waits on `foregroundDeletion`,
 * Orphan on `orphan`; the garbage collector does the rest and removes the finalizer.
 */
function setGcFinalizers(obj: KubeObject, policy: 'Foreground' | 'Background' | 'Orphan'): void {
  const finalizers = (obj.metadata.finalizers ?? []).filter((f) => f !== 'orphan' && f !== 'foregroundDeletion');
  if (policy === 'Foreground') finalizers.push('foregroundDeletion');
  if (policy === 'Orphan') finalizers.push('orphan');
  if (finalizers.length) obj.metadata.finalizers = finalizers;
  else delete obj.metadata.finalizers;
}

/**
 * A copy with its own top level and metadata; deeper members stay shared with `obj` (frozen when
 * it is stored), so callers may only assign them, never mutate them in place.
 */
function shallowCopy(obj: KubeObject): KubeObject {
  return { ...obj, metadata: { ...obj.metadata } };
}

/** Anything outside metadata and status changed (what bumps metadata.generation). */
function specChanged(a: KubeObject, b: KubeObject): boolean {
  const ao = a as unknown as Record<string, unknown>;
  const bo = b as unknown as Record<string, unknown>;
  for (const k in ao) if (k !== 'metadata' && k !== 'status' && !deepEqual(ao[k], bo[k])) return true;
  for (const k in bo) if (k !== 'metadata' && k !== 'status' && !(k in ao) && bo[k] !== undefined) return true;
  return false;
}
