/**
 * apimachinery `field.Error`: one problem with one field. Renders exactly as the real server
 * does (`<field>: <Type>[: <value>][: <detail>]`, REFERENCE §4.3), with Kubernetes 1.34's JSON
 * rendering of composite values.
 */

export const FieldErrorType = {
  NotFound: 'FieldValueNotFound',
  Required: 'FieldValueRequired',
  Duplicate: 'FieldValueDuplicate',
  Invalid: 'FieldValueInvalid',
  NotSupported: 'FieldValueNotSupported',
  Forbidden: 'FieldValueForbidden',
  TooLong: 'FieldValueTooLong',
  TooMany: 'FieldValueTooMany',
  Internal: 'InternalError',
} as const;
export type FieldErrorType = (typeof FieldErrorType)[keyof typeof FieldErrorType];

const typeText: Record<FieldErrorType, string> = {
  FieldValueNotFound: 'Not found',
  FieldValueRequired: 'Required value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
  InternalError: 'Internal error',
};

/** Marker for "do not print a value" (upstream `omitValue`). */
export const OMIT = Symbol('omit');

export interface FieldError {
  type: FieldErrorType;
  field: string;
  value: unknown;
  detail: string;
}

/** Go's `%q` for the strings we meet (ASCII plus escapes). */
export function goQuote(s: string): string {
  return JSON.stringify(s).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** Everything after `<field>: ` (what the Status cause carries as `message`). */
export function errorBody(e: FieldError): string {
  let s = typeText[e.type];
  const valueless =
    e.type === FieldErrorType.Required ||
    e.type === FieldErrorType.Forbidden ||
    e.type === FieldErrorType.TooLong ||
    e.type === FieldErrorType.Internal ||
    e.value === OMIT;
  if (!valueless) {
    const v = e.value;
    if (v === null || v === undefined) s += ': null';
    else if (typeof v === 'string') s += `: ${goQuote(v)}`;
    else if (typeof v === 'number' || typeof v === 'boolean') s += `: ${String(v)}`;
    else s += `: ${JSON.stringify(v)}`;
  }
  if (e.detail) s += `: ${e.detail}`;
  return s;
}

/** `<field>: <body>`, the line kubectl prints per cause. */
export function fieldErrorString(e: FieldError): string {
  return `${e.field}: ${errorBody(e)}`;
}

const mk =
  (type: FieldErrorType) =>
  (field: string, value: unknown, detail = ''): FieldError => ({ type, field, value, detail });

export const invalid = mk(FieldErrorType.Invalid);
export const duplicate = mk(FieldErrorType.Duplicate);
export const notFound = mk(FieldErrorType.NotFound);
export const required = (field: string, detail = ''): FieldError => ({ type: FieldErrorType.Required, field, value: OMIT, detail });
export const forbidden = (field: string, detail: string): FieldError => ({ type: FieldErrorType.Forbidden, field, value: OMIT, detail });
export const tooLong = (field: string, max: number): FieldError => ({
  type: FieldErrorType.TooLong,
  field,
  value: OMIT,
  detail: `may not be more than ${max} bytes`,
});

/** `Unsupported value: "x": supported values: "a", "b"`. */
export function notSupported(field: string, value: unknown, supported: readonly string[]): FieldError {
  return {
    type: FieldErrorType.NotSupported,
    field,
    value,
    detail: supported.length ? `supported values: ${supported.map(goQuote).join(', ')}` : '',
  };
}
