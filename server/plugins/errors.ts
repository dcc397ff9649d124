import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { ConnectionError, FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import {
  isMessageCode,
  issueMessage,
  languageFromHeader,
  renderMessage,
  type Language,
  type MessageCode,
  type MessageParams,
} from '../../common/messages/index.js';
import { isTransientConflict } from '../db/errors.js';
import { AppError, type FieldProblem } from '../lib/errors.js';

const PROBLEM_BASE = 'https://liaison.dev/problems/';

declare module 'fastify' {
  interface FastifyRequest {
    /** The reader's language: the signed-in user's, else the browser's Accept-Language. */
    language?: Language;
  }
}

/** A problem by its code; the words come from the catalogue in the reader's language. */
interface Problem {
  status: number;
  code: MessageCode;
  params?: MessageParams;
  errors?: FieldProblem[];
}

const problem = (status: number, code: MessageCode, params?: MessageParams): Problem => ({ status, code, params });
const nonEmpty = (params?: MessageParams) => (params && Object.keys(params).length ? params : undefined);

/** The body of every error answer, whether sent through Fastify or written straight to the socket. */
function problemBody(p: Problem, requestId: string, language: Language) {
  const titleCode = `problem.${p.status}`;
  return {
    type: PROBLEM_BASE + p.code,
    title: renderMessage(isMessageCode(titleCode) ? titleCode : p.status >= 500 ? 'problem.500' : 'problem.400', {}, language),
    status: p.status,
    detail: renderMessage(p.code, p.params ?? {}, language),
    code: p.code,
    params: nonEmpty(p.params),
    requestId,
    errors: p.errors?.map((e) => ({
      field: e.field,
      code: e.code,
      message: renderMessage(e.code, e.params ?? {}, language),
      params: nonEmpty(e.params),
    })),
  };
}

const languageOf = (req: FastifyRequest): Language => req.language ?? languageFromHeader(req.headers['accept-language']);

function send(reply: FastifyReply, req: FastifyRequest, p: Problem) {
  return reply
    .code(p.status)
    .type('application/problem+json')
    .send(problemBody(p, String(req.id), languageOf(req)));
}

const BAD_REQUEST = problem(400, 'request.bad');
const URL_TOO_LONG = problem(414, 'request.url_too_long');
const UNSUPPORTED_MEDIA_TYPE = problem(415, 'request.media_type');
const PAYLOAD_TOO_LARGE = problem(413, 'request.body_too_large');
const TRY_AGAIN = problem(503, 'request.try_again');

/** Errors known only by their HTTP status (from plugins or Node's HTTP parser), never by their message. */
const BY_STATUS: Record<number, Problem> = {
  400: BAD_REQUEST,
  404: problem(404, 'request.nothing_here'),
  408: problem(408, 'request.timeout'),
  413: PAYLOAD_TOO_LARGE,
  414: URL_TOO_LONG,
  415: UNSUPPORTED_MEDIA_TYPE,
  431: problem(431, 'request.headers_too_large'),
  501: problem(501, 'request.unknown_method'),
};

// Fastify's and its plugins' client errors, keyed by their codes, with messages a person can act on.
const FRAMEWORK_ERRORS: Record<string, Problem> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: UNSUPPORTED_MEDIA_TYPE,
  FST_ERR_CTP_BODY_TOO_LARGE: PAYLOAD_TOO_LARGE,
  FST_ERR_CTP_EMPTY_JSON_BODY: problem(400, 'request.empty_json'),
  FST_ERR_CTP_INVALID_JSON_BODY: problem(400, 'request.malformed_json'),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: problem(400, 'request.content_length'),
  FST_ERR_BAD_URL: problem(400, 'request.bad_url'),
  FST_ERR_MAX_PARAM_LENGTH: URL_TOO_LONG,
  FST_CP_ERR_INVALID_CONTENT_ENCODING: problem(415, 'request.content_encoding'),
  FST_CP_ERR_INVALID_CONTENT: problem(400, 'request.bad_content_encoding'),
};

/** Maps a validation path like "/lines/0/quantity" to "lines.0.quantity". */
const fieldName = (path: string) => path.replace(/^\//, '').replace(/\//g, '.');

interface ZodIssueLike {
  code: string;
  message: string;
  keys?: string[];
}

/** One field problem per Zod issue; an unknown key is a problem of the key itself. */
function fieldProblems(
  where: string,
  validation: { keyword: string; instancePath: string; message?: string; params?: Record<string, unknown> }[],
): FieldProblem[] {
  return validation.flatMap<FieldProblem>((v) => {
    // The type provider spreads each Zod issue into `params` and puts its code in `keyword`.
    const issue = { ...v.params, code: v.keyword, message: v.message ?? '' } as ZodIssueLike;
    const base = fieldName(v.instancePath);
    if (issue.code === 'unrecognized_keys' && issue.keys?.length) {
      return issue.keys.map((key) => ({ field: base ? `${base}.${key}` : key, code: 'validation.unknown_field' }));
    }
    const { code, params } = issueMessage(issue, isMessageCode);
    return [{ field: base || where, code: code as MessageCode, params }];
  });
}

/** The problem for an error raised while handling a request; undefined for an unexpected failure. */
function problemOf(err: FastifyError): Problem | undefined {
  if (err instanceof AppError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const errors = fieldProblems(err.validationContext ?? 'body', err.validation);
    // One problem: its code is the problem's. Several: "some fields need attention".
    if (errors.length === 1) return { ...problem(400, errors[0].code, errors[0].params), errors };
    return { ...problem(400, 'validation.failed', { fields: [...new Set(errors.map((e) => e.field))] }), errors };
  }
  if (err.code && FRAMEWORK_ERRORS[err.code]) return FRAMEWORK_ERRORS[err.code];
  if (isTransientConflict(err)) return TRY_AGAIN;
  const status = err.statusCode ?? 500;
  if (status < 400 || status >= 500) return undefined;
  return BY_STATUS[status] ?? problem(status, 'request.not_handled');
}

/** Answers any error as application/problem+json with a stable code; unexpected ones never show internals. */
function answerError(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof AppError) reply.headers(err.headers);
  const known = problemOf(err);
  if (known === TRY_AGAIN) reply.header('retry-after', '1');
  if (known) return send(reply, req, known);
  req.log.error({ err }, 'unexpected failure');
  return send(reply, req, problem(500, 'request.failed', { requestId: String(req.id) }));
}

/**
 * Fastify's `frameworkErrors`: URLs its router refuses before a request has a route. Such an
 * answer skips the onSend hooks, so it gets the headers they would add that matter for it here.
 */
function answerFrameworkError(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  reply.headers({ 'x-request-id': req.id, 'x-content-type-options': 'nosniff' });
  return answerError(err, req, reply);
}

/** A request line that alone fills Node's header limit is a URL that is too long, not a header. */
function isLongRequestLine(err: ConnectionError): boolean {
  const raw = (err as ConnectionError & { rawPacket?: Buffer }).rawPacket;
  if (!raw) return false;
  const head = raw.subarray(0, 64 * 1024).toString('latin1');
  const end = head.indexOf('\r\n');
  return /^[A-Z]+ \S/.test(head) && (end === -1 || end > 8 * 1024);
}

/** The problem for a request Node's HTTP parser refused before Fastify saw it. */
function clientProblem(err: ConnectionError): Problem {
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') return BY_STATUS[408];
  if (err.code === 'HPE_HEADER_OVERFLOW') return isLongRequestLine(err) ? URL_TOO_LONG : BY_STATUS[431];
  if (err.code === 'HPE_INVALID_METHOD') return BY_STATUS[501];
  return problem(400, 'request.not_http');
}

/** Fastify's `clientErrorHandler`: the same problem+json for requests too malformed to reach a route. */
function answerClientError(err: ConnectionError, socket: Socket) {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const found = clientProblem(err);
    const requestId = randomUUID();
    // The request could not be read, so neither could its Accept-Language.
    const body = JSON.stringify(problemBody(found, requestId, 'en'));
    socket.write(
      [
        `HTTP/1.1 ${found.status} ${STATUS_CODES[found.status]}`,
        'Content-Type: application/problem+json; charset=utf-8',
        `Content-Length: ${Buffer.byteLength(body)}`,
        'X-Content-Type-Options: nosniff',
        `X-Request-Id: ${requestId}`,
        'Connection: close',
        '',
        body,
      ].join('\r\n'),
    );
  }
  socket.destroy(err);
}

/** Registers the error and not-found answers; HTTP/1.1 requests without Host are refused here too. */
export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler(answerError);
  app.setNotFoundHandler((req, reply) =>
    send(reply, req, problem(404, 'request.route_not_found', { method: req.method, path: req.url.split('?')[0] })),
  );
  // Node answers these itself with an empty body unless told not to (see `problemServerOptions`).
  app.addHook('onRequest', async (req) => {
    if (req.raw.httpVersion === '1.1' && !req.headers.host) throw new AppError(400, 'request.missing_host');
  });
}

/** Options for Fastify() so that errors raised before routing are problem+json as well. */
export const problemServerOptions = {
  frameworkErrors: answerFrameworkError,
  clientErrorHandler: answerClientError,
  http: { requireHostHeader: false },
};
