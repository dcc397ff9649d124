import { OWN_PROBLEMS, IDEMPOTENT_OPERATIONS, PUBLIC_OPERATIONS, takesIfMatch } from './openapi-operations.js';
import { problemComponents, problemResponse, problemResponseRef, type ProblemStatus } from './openapi-problem.js';

// The few parts of an OpenAPI 3.0 document this file reads and writes.
type Schema = Record<string, unknown>;
interface Reference {
  $ref: string;
}
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
}
interface Response {
  description: string;
  content?: Record<string, { schema?: Schema }>;
  headers?: Record<string, unknown>;
}
interface Operation {
  operationId?: string;
  parameters?: (Parameter | Reference)[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
  responses: Record<string, Response | Reference>;
  security?: unknown[];
}
interface Document {
  paths?: Record<string, Record<string, Operation>>;
  components?: Record<string, Record<string, unknown> | undefined>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

const HEADER_PARAMETERS = {
  IfMatch: {
    name: 'If-Match',
    in: 'header',
    required: false,
    description:
      'The version you edited, as sent in the record’s ETag (`"3"`). If the record has changed since, the answer is 412 and nothing changes. Without it the change applies to the current version.',
    schema: { type: 'string', example: '"3"' },
  },
  IdempotencyKey: {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description:
      'A key of your choosing, 1 to 255 printable characters without spaces. Repeating the request with the same key records it once and answers with the first result; the same key with a different request answers 422.',
    schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]+$' },
  },
};

const isReference = (x: object): x is Reference => '$ref' in x;

/**
 * Completes the document generated from the route schemas with what they leave out: the
 * problem+json error answers, 204 for operations without a body, CSV content, the If-Match
 * and Idempotency-Key headers, operationIds, and valid OpenAPI 3.0 for nullable unions.
 */
export function completeDocument<T extends object>(document: T): T {
  const doc = document as Document;
  const problems = problemComponents();
  doc.components = {
    ...doc.components,
    schemas: { ...doc.components?.schemas, ...problems.schemas },
    responses: { ...doc.components?.responses, ...problems.responses },
    parameters: { ...doc.components?.parameters, ...HEADER_PARAMETERS },
  };
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) if (item[method]) completeOperation(method, path, item[method]);
  }
  moveNullableIntoBranches(doc.paths);
  return document;
}

function completeOperation(method: string, path: string, op: Operation) {
  const key = `${method.toUpperCase()} ${path}`;
  op.operationId ??= operationIdOf(method, path);
  answerNoContent(op);
  answerFile(op);
  if (takesIfMatch(key)) addHeader(op, 'IfMatch');
  if (IDEMPOTENT_OPERATIONS.has(key)) addIdempotencyKey(op);
  if (PUBLIC_OPERATIONS.has(key)) op.security = [];
  for (const [status, description] of Object.entries(OWN_PROBLEMS[key] ?? {}))
    op.responses[status] ??= problemResponse(Number(status), description);
  for (const status of problemStatuses(key, method, op)) op.responses[status] ??= problemResponseRef(status);
}

/** `get /api/v1/accounts/{id}/statement.csv` -> `getAccountsByIdStatementCsv`: stable while the route is. */
function operationIdOf(method: string, path: string) {
  const words = path
    .replace(/^\/api\/v\d+/, '')
    .split('/')
    .flatMap((segment) => {
      const param = /^\{(.+)\}$/.exec(segment);
      return param ? ['by', ...param[1].split(/[^A-Za-z0-9]+/)] : segment.split(/[^A-Za-z0-9]+/);
    })
    .filter(Boolean);
  return method.toLowerCase() + words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
}

/** A route that declares no answer sends none: it replies 204 (a DELETE, signing out). */
function answerNoContent(op: Operation) {
  const ok = op.responses['200'];
  if (!ok || isReference(ok) || ok.content || Object.keys(op.responses).some((s) => s !== '200' && s.startsWith('2'))) return;
  delete op.responses['200'];
  op.responses['204'] = { description: 'Done; the answer has no body.' };
}

/** Files a route may answer with, marked `z.string().describe('<media type>')`: they are files, not JSON. */
const FILE_ANSWERS: Record<string, { description: string; format?: string }> = {
  'text/csv': { description: 'A CSV file (UTF-8), sent as an attachment' },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    description: 'An Excel workbook (.xlsx), sent as an attachment',
    format: 'binary',
  },
  'application/pdf': { description: 'A PDF file', format: 'binary' },
  'image/png': { description: 'An image (PNG or JPEG, as Content-Type says)', format: 'binary' },
};

function answerFile(op: Operation) {
  for (const response of Object.values(op.responses)) {
    if (isReference(response)) continue;
    const type: unknown = response.content?.['application/json']?.schema?.description;
    if (typeof type !== 'string') continue;
    const file = FILE_ANSWERS[type];
    if (!file) continue;
    response.description = file.description;
    response.content = { [type]: { schema: { type: 'string', ...(file.format ? { format: file.format } : {}) } } };
  }
}

/** The key header, and the answer's note that it repeats an earlier result. */
function addIdempotencyKey(op: Operation) {
  addHeader(op, 'IdempotencyKey');
  const created = op.responses['201'];
  if (!created || isReference(created)) return;
  created.headers = {
    ...created.headers,
    'Idempotent-Replayed': {
      description: '`true` when this answer repeats the result of an earlier request with the same Idempotency-Key',
      schema: { type: 'string', enum: ['true'] },
    },
  };
}

function addHeader(op: Operation, component: keyof typeof HEADER_PARAMETERS) {
  const name = HEADER_PARAMETERS[component].name.toLowerCase();
  const params = (op.parameters ??= []);
  if (!params.some((p) => !isReference(p) && p.in === 'header' && p.name.toLowerCase() === name)) {
    params.push({ $ref: `#/components/parameters/${component}` });
  }
}

/**
 * The common problem answers an operation can give, from what it takes and whether it needs
 * a signed-in caller. Any body sent with a POST, PUT or PATCH is parsed, even where the route
 * expects none, so those can always answer 400 (malformed JSON), 413 and 415.
 */
function problemStatuses(key: string, method: string, op: Operation): ProblemStatus[] {
  const isPublic = PUBLIC_OPERATIONS.has(key);
  const takesBody = method !== 'get' && method !== 'delete';
  const statuses: ProblemStatus[] = [];
  if (op.parameters?.length || takesBody) statuses.push(400);
  if (!isPublic) statuses.push(401, 403);
  if (namesRecords(op)) statuses.push(404);
  if (method !== 'get' && !isPublic) statuses.push(409);
  if (takesIfMatch(key)) statuses.push(412);
  if (takesBody) statuses.push(413, 415);
  statuses.push(500);
  return statuses;
}

const RECORD_ID = /Ids?$/;

/** Whether the operation names records (in its path, a required query field, or its body) that may not exist or be hidden. */
function namesRecords(op: Operation) {
  const params = (op.parameters ?? []).filter((p): p is Parameter => !isReference(p));
  if (params.some((p) => p.in === 'path' || (p.in === 'query' && p.required && RECORD_ID.test(p.name)))) return true;
  const body = op.requestBody?.content['application/json']?.schema;
  return propertyNames(body).some((name) => RECORD_ID.test(name));
}

function propertyNames(schema: Schema | undefined): string[] {
  if (!schema) return [];
  const own = Object.keys((schema.properties as Schema | undefined) ?? {});
  const branches = ['allOf', 'anyOf', 'oneOf'].flatMap((k) => (schema[k] as Schema[] | undefined) ?? []);
  return [...own, ...branches.flatMap(propertyNames)];
}

/**
 * OpenAPI 3.0 lets `nullable` widen only an explicit `type`; a nullable union of typed
 * branches (what Zod emits for `z.union([z.string(), z.number(), z.null()])`) says the
 * same thing valid when each branch is nullable.
 */
function moveNullableIntoBranches(node: unknown) {
  if (Array.isArray(node)) return node.forEach(moveNullableIntoBranches);
  if (!node || typeof node !== 'object') return;
  const schema = node as Schema;
  const branches = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (schema.nullable === true && schema.type === undefined && branches?.every((b) => typeof b.type === 'string')) {
    for (const branch of branches) branch.nullable = true;
    delete schema.nullable;
  }
  Object.values(schema).forEach(moveNullableIntoBranches);
}
