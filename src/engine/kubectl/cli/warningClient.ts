/**
 * Wraps the user's client so API warnings reach the terminal as kubectl prints them
 * (`Warning: <text>` on stderr, each distinct text once per invocation), as soon as the
 * response that carried them arrives. `current` gives the client of the API server now serving
 * (a rewind replaces it while a command runs).
 */
import type { ApiServerClient } from '../../api/ApiServerClient';
import type { ApiClient } from '../../api/types';

export function warningClient(current: () => ApiServerClient, warn: (w: string) => void): ApiClient {
  let inner = current();
  const flush = <T>(v: T): T => {
    for (const w of inner.takeWarnings()) warn(w);
    return v;
  };
  const guard = <T>(fn: () => T): T => {
    inner = current();
    try {
      return flush(fn());
    } catch (e) {
      flush(undefined);
      throw e;
    }
  };
  return {
    get user() {
      return current().user;
    },
    create: (r, ns, obj, o) => guard(() => inner.create(r, ns, obj, o)),
    get: (r, ns, n) => guard(() => inner.get(r, ns, n)),
    tryGet: (r, ns, n) => guard(() => inner.tryGet(r, ns, n)),
    list: (r, ns, o) => guard(() => inner.list(r, ns, o)),
    update: (r, ns, obj, o) => guard(() => inner.update(r, ns, obj, o)),
    updateStatus: (r, ns, obj) => guard(() => inner.updateStatus(r, ns, obj)),
    patch: (r, ns, n, t, p, o) => guard(() => inner.patch(r, ns, n, t, p, o)),
    delete: (r, ns, n, o) => guard(() => inner.delete(r, ns, n, o)),
    watch: (r, ns, h, o) => guard(() => inner.watch(r, ns, h, o)),
  } as ApiClient;
}
