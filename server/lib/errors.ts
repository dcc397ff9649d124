import type { MessageCode, MessageParams } from '../../common/messages/index.js';
import { renderMessage } from '../../common/messages/index.js';

/** A problem with one field of the request, by its stable code. */
export interface FieldProblem {
  field: string;
  code: MessageCode;
  params?: MessageParams;
}

/** Kinds of record a 404 can be about (they have words in every language). */
export type RecordKind =
  | 'account'
  | 'contact'
  | 'interaction'
  | 'next_step'
  | 'project'
  | 'milestone'
  | 'requirement'
  | 'task'
  | 'invoice'
  | 'payment'
  | 'user'
  | 'email'
  | 'api_token'
  | 'follow_up_action'
  | 'document'
  | 'deal'
  | 'service'
  | 'claim'
  | 'corrective_action'
  | 'objection'
  | 'survey'
  | 'proposal'
  | 'record';

/**
 * An error the client caused or may act on. It carries a stable code (and the code's
 * parameters); the error handler renders it as problem+json in the reader's language.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: MessageCode,
    readonly params: MessageParams = {},
    readonly errors?: FieldProblem[],
    readonly headers: Record<string, string> = {},
  ) {
    super(renderMessage(code, params, 'en'));
  }
}

export const badRequest = (code: MessageCode, params?: MessageParams, errors?: FieldProblem[]) => new AppError(400, code, params, errors);

/** 400 about one field; the problem's code is the field's. */
export const fieldError = (field: string, code: MessageCode, params: MessageParams = {}) =>
  new AppError(400, code, params, [{ field, code, params }]);

export const unauthorized = (code: MessageCode = 'auth.required') => new AppError(401, code);

export const forbidden = (code: MessageCode = 'access.forbidden', params?: MessageParams) => new AppError(403, code, params);

export const notFound = (what: RecordKind = 'record') => new AppError(404, 'record.not_found', { what });

export const conflict = (code: MessageCode, params?: MessageParams) => new AppError(409, code, params);

export const preconditionFailed = () => new AppError(412, 'record.changed');

export const tooManyRequests = (retryAfterSeconds: number) =>
  new AppError(429, 'request.too_many', { seconds: retryAfterSeconds }, undefined, { 'retry-after': String(retryAfterSeconds) });

/** For `.catch`: a 404 about a parent record reads as a 404 about `what`; other errors pass through. */
export const asNotFound =
  (what: RecordKind) =>
  (err: unknown): never => {
    throw err instanceof AppError && err.status === 404 ? notFound(what) : err;
  };

/** Why a record's state refuses an action (the 409's code and figures), or null when the state allows it. */
export type Refusal = { code: MessageCode; params?: MessageParams } | null;

/** Throws a refusal as a 409; does nothing when there is none. */
export function conflictIf(refusal: Refusal): void {
  if (refusal) throw conflict(refusal.code, refusal.params);
}
