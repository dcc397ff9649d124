/** Errors from the API, parsed from RFC 9457 problem+json. */

export interface FieldError {
  field: string;
  message: string;
  /** The rule that refused it, e.g. `password.too_weak`, when the server names one. */
  code?: string;
}

interface ApiErrorInit {
  status: number;
  title: string;
  /** The problem's code (the last part of its `type`), e.g. `auth.two_factor_required`. */
  code?: string;
  detail?: string;
  requestId?: string;
  errors?: FieldError[];
  retryAfterSeconds?: number;
}

/** A failed API call: HTTP status, the server's explanation and any per-field errors. */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly code: string | undefined;
  readonly detail: string | undefined;
  readonly requestId: string | undefined;
  readonly fieldErrors: FieldError[];
  readonly retryAfterSeconds: number | undefined;

  constructor(init: ApiErrorInit) {
    super(init.detail || init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.title = init.title;
    this.code = init.code;
    this.detail = init.detail;
    this.requestId = init.requestId;
    this.fieldErrors = init.errors ?? [];
    this.retryAfterSeconds = init.retryAfterSeconds;
  }

  get isConflict(): boolean {
    return this.status === 412;
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }

  /** Field errors keyed by field name; the first message wins when a field has several. */
  fieldErrorMap(): Record<string, string> {
    const map: Record<string, string> = {};
    for (const { field, message } of this.fieldErrors) {
      if (!(field in map)) map[field] = message;
    }
    return map;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function readFieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter(isRecord)
    .filter((e) => typeof e.field === 'string' && typeof e.message === 'string')
    .map((e) => ({ field: e.field as string, message: e.message as string, ...(typeof e.code === 'string' ? { code: e.code } : {}) }));
}

function readRetryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/** Turns any failed response into an ApiError, whether or not its body is problem+json. */
export async function parseProblem(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = JSON.parse(await response.text());
  } catch {
    body = undefined; // a proxy's HTML error page or an empty body: fall back to the status line
  }
  const problem = isRecord(body) ? body : {};
  return new ApiError({
    status: response.status,
    title: typeof problem.title === 'string' ? problem.title : response.statusText || 'Error',
    code: typeof problem.code === 'string' ? problem.code : undefined,
    detail: typeof problem.detail === 'string' ? problem.detail : undefined,
    requestId: typeof problem.requestId === 'string' ? problem.requestId : undefined,
    errors: readFieldErrors(problem.errors),
    retryAfterSeconds: readRetryAfter(response.headers.get('Retry-After')),
  });
}
