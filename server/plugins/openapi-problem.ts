import { z } from 'zod';

const FieldProblemSchema = z.looseObject({
  field: z.string().meta({
    description: 'The field at fault: a dotted path into the body or query (`lines.0.quantity`), or a header name (`If-Match`)',
    example: 'email',
  }),
  code: z.string().meta({ description: 'Stable machine code of this field’s problem', example: 'validation.required' }),
  message: z.string().meta({ description: 'What is wrong, for people, in the reader’s language', example: 'This field is required' }),
  params: z
    .record(z.string(), z.unknown())
    .optional()
    .meta({ description: 'The figures the message is worded with', example: { max: 200 } }),
});

/** The body of every error answer: an RFC 9457 problem with a stable code and field errors. */
export const ProblemSchema = z
  .looseObject({
    type: z
      .string()
      .meta({ description: 'A URI that names the kind of problem', example: 'https://liaison.dev/problems/record.not_found' }),
    title: z.string().meta({ description: 'Short summary of the kind of problem, for people', example: 'Not found' }),
    status: z.number().int().min(400).max(599).meta({ description: 'The HTTP status code', example: 404 }),
    detail: z
      .string()
      .meta({ description: 'What went wrong this time, for people, in the reader’s language (their own, else Accept-Language)' }),
    code: z.string().meta({
      description: 'Stable machine code of the problem, for programs (titles and details may change or be translated)',
      example: 'invoice.already_issued',
    }),
    params: z
      .record(z.string(), z.unknown())
      .optional()
      .meta({
        description: 'The figures the detail is worded with, for clients that word it themselves',
        example: { number: '2026-000042' },
      }),
    requestId: z.string().meta({ description: 'The request id (also sent as X-Request-Id); quote it when reporting a problem' }),
    errors: z.array(FieldProblemSchema).optional().meta({ description: 'One entry per invalid field (validation problems)' }),
  })
  .meta({ description: 'An RFC 9457 problem (`application/problem+json`). Members not listed here may be added.' });

export const PROBLEM_REF = '#/components/schemas/Problem';

/** The error answers many operations share, by status: component name and meaning. */
export const PROBLEM_RESPONSES = {
  400: ['BadRequest', 'The request is invalid (malformed JSON, or fields that fail validation: `errors` names each one).'],
  401: ['Unauthorized', 'Not signed in: send the session cookie or `Authorization: Bearer <personal API token>`.'],
  403: ['Forbidden', 'Signed in, but your role does not allow this.'],
  404: ['NotFound', 'No such record, or one you may not see (records you may not see answer 404, never 403).'],
  409: ['Conflict', 'The change conflicts with the state of the record or of related records.'],
  412: ['PreconditionFailed', 'If-Match names a version that is no longer current: reload the record, then apply the change again.'],
  413: ['ContentTooLarge', 'The request body is larger than the server accepts.'],
  415: ['UnsupportedMediaType', 'The request body is not `application/json`.'],
  500: ['InternalError', 'An unexpected failure; internals are never shown. Quote `requestId` when reporting it.'],
} as const;

export type ProblemStatus = keyof typeof PROBLEM_RESPONSES;

/** A problem answer; a 429 also says when to try again. */
export const problemResponse = (status: number, description: string) => ({
  description,
  ...(status === 429 ? { headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer', minimum: 1 } } } } : {}),
  content: { 'application/problem+json': { schema: { $ref: PROBLEM_REF } } },
});

/** `components.schemas.Problem` and one shared response per common problem status, referencing it. */
export function problemComponents() {
  const responses: Record<string, object> = {};
  for (const [status, [name, description]] of Object.entries(PROBLEM_RESPONSES))
    responses[name] = problemResponse(Number(status), description);
  return { schemas: { Problem: z.toJSONSchema(ProblemSchema, { target: 'openapi-3.0' }) }, responses };
}

/** The `$ref` an operation's response uses for a common problem status. */
export const problemResponseRef = (status: ProblemStatus) => ({ $ref: `#/components/responses/${PROBLEM_RESPONSES[status][0]}` });
