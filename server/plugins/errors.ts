import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type FieldError } from '../lib/errors.js';

const PROBLEM_BASE = 'https://liaison.dev/problems/';

function send(
  reply: FastifyReply,
  req: FastifyRequest,
  status: number,
  code: string,
  title: string,
  detail?: string,
  errors?: FieldError[],
) {
  return reply
    .code(status)
    .type('application/problem+json')
    .send({ type: PROBLEM_BASE + code, code, title, status, detail, requestId: String(req.id), errors });
}

// Fastify's own client errors, keyed by its codes, with messages a person can act on.
const FRAMEWORK_ERRORS: Record<string, [number, string, string, string]> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported-media-type', 'Unsupported media type', 'Send the request body as application/json.'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload-too-large', 'Request body too large', 'The request body is larger than the server accepts.'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'malformed-json', 'Empty JSON body', 'The request says it carries JSON but the body is empty.'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'malformed-json', 'Malformed JSON', 'The request body is not valid JSON.'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'bad-request', 'Bad request', 'Content-Length does not match the body.'],
};

/** Maps a Zod issue path like ["lines", 0, "quantity"] to "lines.0.quantity". */
const fieldName = (path: string) => path.replace(/^\//, '').replace(/\//g, '.');

/** A rule's own code (`params.code` on a refinement), else Zod's issue code such as `too_small`. */
function ruleCode(v: { keyword?: string; params?: Record<string, unknown> }): string {
  const own = (v.params?.params as { code?: unknown } | undefined)?.code;
  if (typeof own === 'string') return own;
  return v.keyword && v.keyword !== 'custom' ? v.keyword : 'invalid';
}

/** Every error leaves as application/problem+json; unexpected ones never show internals. */
export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      reply.headers(err.headers);
      return send(
        reply,
        req,
        err.status,
        err.code,
        err.title,
        err.detail,
        err.errors?.map((e) => ({ ...e, code: e.code ?? 'invalid' })),
      );
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'body';
      const errors = err.validation.map((v) => ({
        field: fieldName(v.instancePath) || (v.params?.issue as { path?: unknown[] } | undefined)?.path?.join('.') || where,
        message: v.message ?? 'Invalid value',
        code: ruleCode(v),
      }));
      const detail = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
      return send(reply, req, 400, 'validation', `Invalid ${where}`, detail, errors);
    }
    if (err.code && FRAMEWORK_ERRORS[err.code]) {
      const [status, code, title, detail] = FRAMEWORK_ERRORS[err.code];
      return send(reply, req, status, code, title, detail);
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return send(reply, req, err.statusCode, 'bad-request', 'Bad request', err.message);
    }
    req.log.error({ err }, 'unexpected failure');
    return send(
      reply,
      req,
      500,
      'internal',
      'Something went wrong',
      `The server could not complete this request. Quote request id ${req.id} when reporting it.`,
    );
  });

  app.setNotFoundHandler((req, reply) =>
    send(reply, req, 404, 'not-found', 'Not found', `No route ${req.method} ${req.url.split('?')[0]}.`),
  );
}
