/** A small typed fetch client for the Liaison API (`/api/v1`). */
import { ApiError, parseProblem } from './errors';

export { ApiError } from './errors';

const BASE = '/api/v1';

type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  body?: unknown;
  /** A file sent as the raw body, with its own type (an image upload); instead of `body`. */
  file?: Blob;
  /** The record version the edit is based on; sent as `If-Match` so a stale edit answers 412. */
  version?: number;
  signal?: AbortSignal;
}

let unauthorizedHandler: (() => void) | null = null;

/** Registers what happens when the session has ended (the app sends the user to sign in). */
export function onUnauthorized(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

/** Builds `path?query`, leaving out empty values so URLs stay clean and filters optional. */
export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return `${BASE}${path}${search ? `?${search}` : ''}`;
}

/** Sends one request and returns the parsed JSON body (undefined for 204). Throws ApiError. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', query, body, file, version, signal } = options;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (file) headers['Content-Type'] = file.type || 'application/octet-stream';
  if (version !== undefined) headers['If-Match'] = `"${version}"`;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), {
      method,
      headers,
      body: file ?? (body === undefined ? undefined : JSON.stringify(body)),
      credentials: 'same-origin',
      signal,
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError({ status: 0, title: 'Network error', detail: String(cause) });
  }

  if (!response.ok) {
    const error = await parseProblem(response);
    // A failed sign-in (a wrong password or code) is not an ended session: the form shows it.
    if (error.status === 401 && !path.startsWith('/auth/login')) unauthorizedHandler?.();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Shorthands for the verbs the app uses. */
export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>(path, { method: 'POST', body: body ?? {} }),
  put: <T>(path: string, body: unknown) => request<T>(path, { method: 'PUT', body }),
  patch: <T>(path: string, body: unknown, version?: number) => request<T>(path, { method: 'PATCH', body, version }),
  delete: (path: string) => request<void>(path, { method: 'DELETE' }),
};

/** A page of a cursor-paginated list. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
