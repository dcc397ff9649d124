import Mustache from 'mustache';
import { TEMPLATE_PLACEHOLDERS } from '../../../common/schemas/document-template.js';
import { AppError, fieldError } from '../../lib/errors.js';

/**
 * Block templates are logic-less: text and {{placeholder}} from a fixed list, nothing else.
 * Mustache only parses them; sections, partials, unescaped output, delimiter changes and any
 * name off the list (`{{constructor}}`, `{{__proto__}}`) are refused when the template is
 * saved. Rendering never walks objects: each placeholder is looked up in a flat map of
 * strings, so no template can reach code, properties or files.
 */

const KNOWN = new Set<string>(TEMPLATE_PLACEHOLDERS);

type Token = [type: string, value: string, start: number, end: number, ...rest: unknown[]];

/** Values for every placeholder, already formatted for the document's language. */
export type PlaceholderValues = Readonly<Record<(typeof TEMPLATE_PLACEHOLDERS)[number], string>>;

function parse(text: string, field: string): Token[] {
  try {
    return Mustache.parse(text, ['{{', '}}']);
  } catch (err) {
    throw fieldError(field, 'template.syntax', { reason: err instanceof Error ? err.message.split('\n')[0] : 'syntax' });
  }
}

/** Refuses anything but text and known placeholders, naming the first offender (400 on the field). */
export function validateTemplate(text: string, field: string): void {
  for (const [type, value] of parse(text, field)) {
    if (type === 'text') continue;
    if (type === 'name') {
      if (!KNOWN.has(value)) throw fieldError(field, 'template.unknown_placeholder', { name: value });
      continue;
    }
    const tag = type === '&' || type === '{' ? `{{{${value}}}}` : `{{${type === '=' ? '=' : type}${value}}}`;
    throw fieldError(field, 'template.not_allowed', { tag });
  }
}

/** Fills a validated template; an unknown name here is a programming error, not user input. */
export function renderTemplate(text: string, values: PlaceholderValues): string {
  return parse(text, 'template')
    .map(([type, value]) => {
      if (type === 'text') return value;
      if (type === 'name' && KNOWN.has(value)) return values[value as keyof PlaceholderValues];
      throw new AppError(500, 'request.failed');
    })
    .join('');
}
