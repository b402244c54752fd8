/**
 * The {@link ApiClient} handed to users and components: binds a user to the server, collects
 * API warnings of the last request (kubectl prints them as `Warning: ...` on stderr), and
 * supports impersonation (`kubectl --as/--as-group`).
 */
import type { ApiServer } from './ApiServer';
import { impersonatedUser, type ImpersonationRequest } from './rbac/impersonation';
import type { ApiClient, DeleteOptions, KubeObject, ListOptions, PatchType, Unsubscribe, UserInfo, WatchEvent, WatchOptions, WriteOptions } from './types';

export class ApiServerClient implements ApiClient {
  private warnings: string[] = [];
  /** Where the server puts this client's warnings while one of its requests runs (made once, not per request). */
  private readonly collectWarning = (w: string): void => {
    this.warnings.push(w);
  };
  readonly user: UserInfo;
  /** What the request log says authentication found (the same for every request of this client). */
  readonly authenticated: string;

  constructor(
    private readonly server: ApiServer,
    user: UserInfo,
    /** Stamped on watch events: `user:<name>` or `controller:<name>`. */
    readonly source: string,
    /** The authenticated user when {@link user} is an impersonation. */
    readonly impersonator?: UserInfo,
    /** Writes return the stored (frozen) object rather than a private copy; see `ApiServer.system`. */
    readonly sharedResults = false,
    /** What --as/--as-group asked for: each request checks the impersonator may do it. */
    readonly impersonation?: ImpersonationRequest,
  ) {
    // Frozen, so every request record can point at it instead of copying it.
    this.user = Object.freeze({ name: user.name, groups: Object.freeze([...user.groups]) as string[] });
    this.authenticated = `user "${user.name}" groups ${JSON.stringify(user.groups)}`;
  }

  /** Warnings from the most recent request, cleared on read. */
  takeWarnings(): string[] {
    const w = this.warnings;
    this.warnings = [];
    return w;
  }

  /** A client acting as `as` (kubectl `--as`/`--as-group`); each request checks the impersonate permission. */
  impersonate(as: { name: string; groups?: string[] }): ApiServerClient {
    const request: ImpersonationRequest = { name: as.name, groups: [...(as.groups ?? [])] };
    return new ApiServerClient(this.server, impersonatedUser(request), `user:${as.name}`, this.impersonator ?? this.user, false, request);
  }

  private call<T>(fn: () => T): T {
    // A fresh list only when the last one holds something: an empty one was never handed out.
    if (this.warnings.length) this.warnings = [];
    return this.server.withWarnings(this.collectWarning, fn);
  }

  create<T extends KubeObject>(resource: string, namespace: string | undefined, obj: T, opts?: WriteOptions): T {
    return this.call(() => this.server.create(this, resource, namespace, obj, opts) as T);
  }
  get<T extends KubeObject>(resource: string, namespace: string | undefined, name: string): T {
    return this.call(() => this.server.get(this, resource, namespace, name) as T);
  }
  tryGet<T extends KubeObject>(resource: string, namespace: string | undefined, name: string): T | undefined {
    return this.call(() => this.server.tryGet(this, resource, namespace, name) as T | undefined);
  }
  list<T extends KubeObject>(resource: string, namespace: string | undefined, opts?: ListOptions): { items: T[]; resourceVersion: number } {
    return this.call(() => this.server.list(this, resource, namespace, opts) as { items: T[]; resourceVersion: number });
  }
  update<T extends KubeObject>(resource: string, namespace: string | undefined, obj: T, opts?: WriteOptions): T {
    return this.call(() => this.server.update(this, resource, namespace, obj, opts) as T);
  }
  updateStatus<T extends KubeObject>(resource: string, namespace: string | undefined, obj: T): T {
    return this.call(() => this.server.update(this, `${resource}/status`, namespace, obj) as T);
  }
  patch<T extends KubeObject>(resource: string, namespace: string | undefined, name: string, type: PatchType, patch: unknown, opts?: WriteOptions): T {
    return this.call(() => this.server.patch(this, resource, namespace, name, type, patch, opts) as T);
  }
  delete(resource: string, namespace: string | undefined, name: string, opts?: DeleteOptions): KubeObject {
    return this.call(() => this.server.delete(this, resource, namespace, name, opts));
  }
  watch(resource: string, namespace: string | undefined, handler: (ev: WatchEvent) => void, opts?: WatchOptions): Unsubscribe {
    return this.call(() => this.server.watch(this, resource, namespace, handler, opts));
  }
}
