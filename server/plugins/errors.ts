import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { ConnectionError, FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type FieldError } from '../lib/errors.js';

const PROBLEM_BASE = 'https://liaison.dev/problems/';

interface Problem {
  status: number;
  /** Stable and machine-readable (the last segment of `type`); titles and details may change. */
  code: string;
  title: string;
  detail?: string;
  errors?: FieldError[];
}

/** The body of every error answer, whether sent through Fastify or written straight to the socket. */
function problemBody(problem: Problem, requestId: string) {
  const { status, code, title, detail, errors } = problem;
  return { type: PROBLEM_BASE + code, title, status, detail, code, requestId, errors };
}

function send(reply: FastifyReply, req: FastifyRequest, problem: Problem) {
  return reply
    .code(problem.status)
    .type('application/problem+json')
    .send(problemBody(problem, String(req.id)));
}

const problem = (status: number, code: string, title: string, detail: string): Problem => ({ status, code, title, detail });

const BAD_REQUEST = problem(400, 'bad-request', 'Bad request', 'The server could not understand this request.');
const URL_TOO_LONG = problem(414, 'url-too-long', 'URL too long', 'The address is longer than the server accepts.');
const UNSUPPORTED_MEDIA_TYPE = problem(
  415,
  'unsupported-media-type',
  'Unsupported media type',
  'Send the request body as application/json.',
);
const PAYLOAD_TOO_LARGE = problem(
  413,
  'payload-too-large',
  'Request body too large',
  'The request body is larger than the server accepts.',
);

/** Errors known only by their HTTP status (from plugins or Node's HTTP parser), never by their message. */
const BY_STATUS: Record<number, Problem> = {
  400: BAD_REQUEST,
  404: problem(404, 'not-found', 'Not found', 'There is nothing at this address.'),
  408: problem(408, 'request-timeout', 'Request timeout', 'The request took too long to arrive.'),
  413: PAYLOAD_TOO_LARGE,
  414: URL_TOO_LONG,
  415: UNSUPPORTED_MEDIA_TYPE,
  431: problem(431, 'headers-too-large', 'Request headers too large', 'The request headers are larger than the server accepts.'),
  501: problem(501, 'unknown-method', 'Unknown method', 'The server does not support this HTTP method.'),
};

// Fastify's and its plugins' client errors, keyed by their codes, with messages a person can act on.
const FRAMEWORK_ERRORS: Record<string, Problem> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: UNSUPPORTED_MEDIA_TYPE,
  FST_ERR_CTP_BODY_TOO_LARGE: PAYLOAD_TOO_LARGE,
  FST_ERR_CTP_EMPTY_JSON_BODY: problem(400, 'malformed-json', 'Empty JSON body', 'The request says it carries JSON but the body is empty.'),
  FST_ERR_CTP_INVALID_JSON_BODY: problem(400, 'malformed-json', 'Malformed JSON', 'The request body is not valid JSON.'),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: problem(400, 'bad-request', 'Bad request', 'Content-Length does not match the body.'),
  FST_ERR_BAD_URL: problem(
    400,
    'bad-url',
    'Malformed URL',
    'The address is not valid: a %-encoded character in it is incomplete or wrong.',
  ),
  FST_ERR_MAX_PARAM_LENGTH: URL_TOO_LONG,
  FST_CP_ERR_INVALID_CONTENT_ENCODING: problem(
    415,
    'unsupported-content-encoding',
    'Unsupported content encoding',
    'Send the request body uncompressed, or compressed with gzip, deflate or br.',
  ),
  FST_CP_ERR_INVALID_CONTENT: problem(
    400,
    'bad-content-encoding',
    'Body could not be decompressed',
    'The request body does not match the Content-Encoding it names.',
  ),
};

const INTERNAL = (requestId: string) =>
  problem(
    500,
    'internal',
    'Something went wrong',
    `The server could not complete this request. Quote request id ${requestId} when reporting it.`,
  );

/** "Method Not Allowed" -> "method-not-allowed". */
const slug = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Maps a Zod issue path like ["lines", 0, "quantity"] to "lines.0.quantity". */
const fieldName = (path: string) => path.replace(/^\//, '').replace(/\//g, '.');

/** The problem for an error raised while handling a request; undefined for an unexpected failure. */
function problemOf(err: FastifyError): Problem | undefined {
  if (err instanceof AppError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = err.validationContext ?? 'body';
    const errors = err.validation.map((v) => ({
      field: fieldName(v.instancePath) || (v.params?.issue as { path?: unknown[] } | undefined)?.path?.join('.') || where,
      message: v.message ?? 'Invalid value',
    }));
    const detail = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
    return { status: 400, code: 'validation', title: `Invalid ${where}`, detail, errors };
  }
  if (err.code && FRAMEWORK_ERRORS[err.code]) return FRAMEWORK_ERRORS[err.code];
  const status = err.statusCode ?? 500;
  if (status < 400 || status >= 500) return undefined;
  const title = STATUS_CODES[status] ?? 'Bad request';
  return BY_STATUS[status] ?? problem(status, slug(title), title, 'The server could not handle this request.');
}

/** Answers any error as application/problem+json; unexpected ones never show internals. */
function answerError(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof AppError) reply.headers(err.headers);
  const known = problemOf(err);
  if (known) return send(reply, req, known);
  req.log.error({ err }, 'unexpected failure');
  return send(reply, req, INTERNAL(String(req.id)));
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
  return { ...BAD_REQUEST, detail: 'The request is not valid HTTP.' };
}

/** Fastify's `clientErrorHandler`: the same problem+json for requests too malformed to reach a route. */
function answerClientError(err: ConnectionError, socket: Socket) {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const found = clientProblem(err);
    const requestId = randomUUID();
    const body = JSON.stringify(problemBody(found, requestId));
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
    send(reply, req, problem(404, 'not-found', 'Not found', `No route ${req.method} ${req.url.split('?')[0]}.`)),
  );
  // Node answers these itself with an empty body unless told not to (see `problemServerOptions`).
  app.addHook('onRequest', async (req) => {
    if (req.raw.httpVersion === '1.1' && !req.headers.host) {
      throw new AppError(400, 'missing-host', 'Missing Host header', 'An HTTP/1.1 request must name its host in a Host header.');
    }
  });
}

/** Options for Fastify() so that errors raised before routing are problem+json as well. */
export const problemServerOptions = {
  frameworkErrors: answerFrameworkError,
  clientErrorHandler: answerClientError,
  http: { requireHostHeader: false },
};
