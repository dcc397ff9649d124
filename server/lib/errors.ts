export interface FieldError {
  field: string;
  message: string;
  /** A stable identifier of the rule, for clients that react to it (`password.too_weak`); `invalid` when none is more precise. */
  code?: string;
}

/** An error the client caused or may act on; rendered as problem+json with its status. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldError[],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? title);
  }
}

export const badRequest = (detail: string, errors?: FieldError[]) => new AppError(400, 'validation', 'Invalid request', detail, errors);

export const fieldError = (field: string, message: string, code = 'invalid') => badRequest(message, [{ field, message, code }]);

export const unauthorized = (detail = 'Sign in to continue.') => new AppError(401, 'unauthorized', 'Not signed in', detail);

export const forbidden = (detail = 'Your role does not allow this.') => new AppError(403, 'forbidden', 'Forbidden', detail);

/** Signed in, but the agency requires two-factor sign-in for this role and it is not set up yet. */
export const twoFactorRequired = () =>
  new AppError(
    403,
    'auth.two_factor_required',
    'Two-factor sign-in required',
    'Your role must use two-factor sign-in. Set it up under Sign-in security before doing anything else.',
  );

export const notFound = (what = 'record') =>
  new AppError(404, 'not-found', 'Not found', `No ${what} with this id, or you have no access to it.`);

export const conflict = (detail: string) => new AppError(409, 'conflict', 'Conflict', detail);

export const preconditionFailed = () =>
  new AppError(
    412,
    'precondition-failed',
    'Changed by someone else',
    'This record was changed since you loaded it. Reload it, then apply your change again.',
  );

export const tooManyRequests = (retryAfterSeconds: number) =>
  new AppError(429, 'too-many-requests', 'Too many attempts', `Too many attempts. Try again in ${retryAfterSeconds} seconds.`, undefined, {
    'retry-after': String(retryAfterSeconds),
  });
