/**
 * Errors that cross a transport. Only {code, message, fields?, hostKeyChange?} travels: never
 * a stack, never an Error instance, so the renderer shows a sentence a person
 * can act on and the details stay in main's log.
 */
import type { HostKeyChange } from './schemas/ssh';

export const ERROR_CODES = [
  'invalid_input',
  'not_found',
  'conflict',
  'store_corrupt',
  'store_too_new',
  'locked',
  'host_key_unknown',
  'host_key_changed',
  'auth_failed',
  'unreachable',
  'timeout',
  'cancelled',
  'permission',
  'remote_failed',
  'unauthorized',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorShape {
  code: ErrorCode;
  message: string;
  /** Field path (dot-joined) -> message, for forms. */
  fields?: Record<string, string>;
  /** host_key_changed: both keys, so the UI can show them side by side without parsing the message. */
  hostKeyChange?: HostKeyChange;
}

export class ApiError extends Error implements ApiErrorShape {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;
  readonly hostKeyChange?: HostKeyChange;

  constructor(code: ErrorCode, message: string, fields?: Record<string, string>, details: { hostKeyChange?: HostKeyChange } = {}) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    if (fields) this.fields = fields;
    if (details.hostKeyChange) this.hostKeyChange = details.hostKeyChange;
  }

  toJSON(): ApiErrorShape {
    return {
      code: this.code,
      message: this.message,
      ...(this.fields ? { fields: this.fields } : {}),
      ...(this.hostKeyChange ? { hostKeyChange: this.hostKeyChange } : {}),
    };
  }
}

export function isApiErrorShape(value: unknown): value is ApiErrorShape {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.message === 'string' && (ERROR_CODES as readonly unknown[]).includes(v.code);
}

/** Anything thrown becomes an ApiError; unknown errors lose their detail on purpose. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (isApiErrorShape(err)) return new ApiError(err.code, err.message, err.fields, err.hostKeyChange ? { hostKeyChange: err.hostKeyChange } : {});
  return new ApiError('internal', 'Something went wrong inside ClusterDeck. The details are in the app log.');
}
