/** Errors verbs throw for the dispatcher to print the way kubectl's `checkErr` does. */
import type { ApiClient } from '../../api/types';

/** The server could not be reached (printed as is, exit 1). */
export class ConnectionRefused extends Error {}

/** `cmdutil.UsageErrorf`: printed as `error: <msg>` + `See 'kubectl <verb> -h' for help and examples`. */
export class UsageError extends Error {}

/** Any other client-side failure: printed as `error: <msg>`, exit 1. */
export class CommandFailed extends Error {}

/** A client whose every request fails like a TCP connection refused. */
export function refusedClient(message: string): ApiClient {
  const refuse = (): never => {
    throw new ConnectionRefused(message);
  };
  return { user: { name: '', groups: [] }, create: refuse, get: refuse, tryGet: refuse, list: refuse, update: refuse, updateStatus: refuse, patch: refuse, delete: refuse, watch: refuse };
}
