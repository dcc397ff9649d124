import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
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
import { AppError, type FieldProblem } from '../lib/errors.js';

const PROBLEM_BASE = 'https://liaison.dev/problems/';

declare module 'fastify' {
  interface FastifyRequest {
    /** The reader's language: the signed-in user's, else the browser's Accept-Language. */
    language?: Language;
  }
}

const languageOf = (req: FastifyRequest): Language => req.language ?? languageFromHeader(req.headers['accept-language']);
const nonEmpty = (params?: MessageParams) => (params && Object.keys(params).length ? params : undefined);

/** Sends an RFC 9457 problem whose texts are the catalogue's, in the reader's language. */
function send(
  reply: FastifyReply,
  req: FastifyRequest,
  status: number,
  code: MessageCode,
  params: MessageParams = {},
  errors?: FieldProblem[],
) {
  const language = languageOf(req);
  const titleCode = `problem.${status}`;
  return reply
    .code(status)
    .type('application/problem+json')
    .send({
      type: PROBLEM_BASE + code,
      title: renderMessage(isMessageCode(titleCode) ? titleCode : status >= 500 ? 'problem.500' : 'problem.400', {}, language),
      status,
      detail: renderMessage(code, params, language),
      code,
      params: nonEmpty(params),
      requestId: String(req.id),
      errors: errors?.map((e) => ({
        field: e.field,
        code: e.code,
        message: renderMessage(e.code, e.params ?? {}, language),
        params: nonEmpty(e.params),
      })),
    });
}

// Fastify's own client errors, keyed by its codes, with messages a person can act on.
const FRAMEWORK_ERRORS: Record<string, [number, MessageCode]> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'request.media_type'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'request.body_too_large'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'request.empty_json'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'request.malformed_json'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'request.content_length'],
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
  return validation.flatMap((v) => {
    // The type provider spreads each Zod issue into `params` and puts its code in `keyword`.
    const issue = { ...v.params, code: v.keyword, message: v.message ?? '' } as ZodIssueLike;
    const base = fieldName(v.instancePath);
    const { code, params } = issueMessage(issue, isMessageCode);
    if (issue.code === 'unrecognized_keys' && issue.keys?.length) {
      return issue.keys.map((key) => ({ field: base ? `${base}.${key}` : key, code: 'validation.unknown_field' as MessageCode }));
    }
    return [{ field: base || where, code: code as MessageCode, params }];
  });
}

/** Every error leaves as application/problem+json with a stable code; unexpected ones never show internals. */
export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      reply.headers(err.headers);
      return send(reply, req, err.status, err.code, err.params, err.errors);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const errors = fieldProblems(err.validationContext ?? 'body', err.validation);
      // One problem: its code is the problem's. Several: "some fields need attention".
      if (errors.length === 1) return send(reply, req, 400, errors[0].code, errors[0].params, errors);
      return send(reply, req, 400, 'validation.failed', { fields: [...new Set(errors.map((e) => e.field))] }, errors);
    }
    if (err.code && FRAMEWORK_ERRORS[err.code]) {
      const [status, code] = FRAMEWORK_ERRORS[err.code];
      return send(reply, req, status, code);
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return send(reply, req, err.statusCode, 'request.bad');
    }
    req.log.error({ err }, 'unexpected failure');
    return send(reply, req, 500, 'request.failed', { requestId: String(req.id) });
  });

  app.setNotFoundHandler((req, reply) =>
    send(reply, req, 404, 'request.route_not_found', { method: req.method, path: req.url.split('?')[0] }),
  );
}
