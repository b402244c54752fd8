/**
 * Constructors for the API errors the real server returns (apimachinery `pkg/api/errors`), so
 * every component produces the same reason, code and message text.
 */
import { ApiError, StatusReason } from './types';
import type { FieldError } from './validation/fieldErrors';
import { errorBody, fieldErrorString } from './validation/fieldErrors';

/** A group/resource pair as error messages print it: `services`, `deployments.apps`. */
export interface GroupResource {
  group: string;
  resource: string;
}

export const qualifiedResource = (gr: GroupResource): string => (gr.group ? `${gr.resource}.${gr.group}` : gr.resource);

export function notFoundError(gr: GroupResource, name: string): ApiError {
  return new ApiError(404, StatusReason.NotFound, `${qualifiedResource(gr)} "${name}" not found`, {
    name,
    group: gr.group,
    kind: gr.resource,
  });
}

export function alreadyExistsError(gr: GroupResource, name: string): ApiError {
  return new ApiError(409, StatusReason.AlreadyExists, `${qualifiedResource(gr)} "${name}" already exists`, {
    name,
    group: gr.group,
    kind: gr.resource,
  });
}

export function conflictError(gr: GroupResource, name: string, detail: string): ApiError {
  return new ApiError(409, StatusReason.Conflict, `Operation cannot be fulfilled on ${qualifiedResource(gr)} "${name}": ${detail}`, {
    name,
    group: gr.group,
    kind: gr.resource,
  });
}

export const MODIFIED_CONFLICT = 'the object has been modified; please apply your changes to the latest version and try again';

export function forbiddenError(gr: GroupResource, name: string, reason: string): ApiError {
  const subject = name ? `${qualifiedResource(gr)} "${name}"` : qualifiedResource(gr);
  return new ApiError(403, StatusReason.Forbidden, `${subject} is forbidden: ${reason}`, { name, group: gr.group, kind: gr.resource });
}

export function badRequestError(message: string): ApiError {
  return new ApiError(400, StatusReason.BadRequest, message);
}

export function goneError(message: string): ApiError {
  return new ApiError(410, StatusReason.Gone, message);
}

export function methodNotAllowedError(message: string): ApiError {
  return new ApiError(405, StatusReason.MethodNotAllowed, message);
}

export function internalError(message: string): ApiError {
  return new ApiError(500, StatusReason.InternalError, `Internal error occurred: ${message}`);
}

/**
 * `NewInvalid`: message `Service "web" is invalid: <cause>` or `... is invalid: [c1, c2]`
 * (duplicate messages collapse, like an apimachinery aggregate); every cause is kept in
 * `details.causes` so kubectl can print them one per line.
 */
export function invalidError(kind: string, group: string, name: string, errs: FieldError[]): ApiError {
  const qualifiedKind = group ? `${kind}.${group}` : kind;
  const msgs = [...new Set(errs.map(fieldErrorString))];
  const agg = msgs.length === 0 ? '' : msgs.length === 1 ? `: ${msgs[0]}` : `: [${msgs.join(', ')}]`;
  return new ApiError(422, StatusReason.Invalid, `${qualifiedKind} "${name}" is invalid${agg}`, {
    name,
    group,
    kind,
    causes: errs.map((e) => ({ reason: e.type, message: errorBody(e), field: e.field })),
  });
}
