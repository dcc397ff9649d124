import type { MessageParams } from './render.js';

/** The parts of a Zod issue the catalogue needs (server and web both receive Zod issues). */
export interface IssueLike {
  code: string;
  message: string;
  input?: unknown;
  expected?: unknown;
  origin?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  inclusive?: boolean;
  format?: unknown;
  values?: unknown;
  keys?: unknown;
  /** A refinement's own figures (`refine(fn, { message, params })`). */
  params?: unknown;
}

/**
 * The catalogue code and parameters for a Zod issue. A schema names its own message by
 * giving a catalogue code as the issue message (`{ message: 'account.name_required' }`);
 * otherwise the code follows from the kind of issue, with its bounds as parameters.
 */
export function issueMessage(issue: IssueLike, isCode: (message: string) => boolean): { code: string; params: MessageParams } {
  const bounds: MessageParams = {};
  if (typeof issue.minimum === 'number' || typeof issue.minimum === 'bigint') bounds.min = Number(issue.minimum);
  if (typeof issue.maximum === 'number' || typeof issue.maximum === 'bigint') bounds.max = Number(issue.maximum);
  if (issue.params && typeof issue.params === 'object') Object.assign(bounds, issue.params);
  if (isCode(issue.message)) return { code: issue.message, params: bounds };
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return { code: 'validation.required', params: {} };
      if (issue.expected === 'int' && typeof issue.input === 'number') return { code: 'validation.integer', params: {} };
      if (issue.expected === 'number' || issue.expected === 'int') return { code: 'validation.number', params: {} };
      if (issue.expected === 'boolean') return { code: 'validation.boolean', params: {} };
      return { code: 'validation.invalid_type', params: { expected: String(issue.expected) } };
    case 'too_small':
      if (issue.origin === 'string')
        return issue.minimum === 1 ? { code: 'validation.required', params: {} } : { code: 'validation.too_short', params: bounds };
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'validation.too_few', params: bounds };
      return { code: issue.inclusive === false ? 'validation.more_than' : 'validation.too_small', params: bounds };
    case 'too_big':
      if (issue.origin === 'string') return { code: 'validation.too_long', params: bounds };
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'validation.too_many', params: bounds };
      return { code: 'validation.too_big', params: bounds };
    case 'invalid_format':
      if (issue.format === 'email') return { code: 'validation.email', params: {} };
      if (issue.format === 'date') return { code: 'validation.date', params: {} };
      if (issue.format === 'datetime') return { code: 'validation.datetime', params: {} };
      if (issue.format === 'url') return { code: 'validation.url', params: {} };
      return { code: 'validation.format', params: {} };
    case 'invalid_value':
      return { code: 'validation.one_of', params: { values: Array.isArray(issue.values) ? issue.values.map(String) : [] } };
    case 'unrecognized_keys':
      return { code: 'validation.unknown_field', params: {} };
    case 'not_multiple_of':
      return { code: 'validation.integer', params: {} };
    default:
      return { code: 'validation.invalid', params: {} };
  }
}
