import { LANGUAGES, type Language } from '../../../common/enums.js';
import type { LocalizedText } from '../../../common/schemas/service.js';
import { badRequest, type FieldProblem } from '../../lib/errors.js';

/** Text per language as a request gives it: a language left out is not written, a blank one is null. */
export type LocalizedInput = Partial<Record<Language, string | null | undefined>>;

/** The text of each language, null where none. */
export const localized = (input: LocalizedInput | undefined): LocalizedText => ({ en: input?.en ?? null, ru: input?.ru ?? null });

/** `name` columns (`name_en`, `name_ru`) as localized text. */
export const fromColumns = (row: Record<string, unknown>, prefix: string): LocalizedText => ({
  en: (row[`${prefix}_en`] as string | null) ?? null,
  ru: (row[`${prefix}_ru`] as string | null) ?? null,
});

/** Localized text as its columns. */
export const toColumns = <P extends string>(prefix: P, text: LocalizedText) =>
  ({ [`${prefix}_en`]: text.en, [`${prefix}_ru`]: text.ru }) as Record<`${P}_en` | `${P}_ru`, string | null>;

/** The text in a language, else in the other one (a record written in one language reads in it everywhere). */
export const textIn = (text: LocalizedText, language: Language): string | null =>
  text[language] ?? LANGUAGES.map((l) => text[l]).find((t) => t !== null) ?? null;

/** Collects what is wrong with a service beyond its schema (texts missing in the agency's language, unknown roles), refused in one answer. */
export class InputCheck {
  private readonly problems: FieldProblem[] = [];

  constructor(readonly language: Language) {}

  /** The text must be written in the agency's language. */
  requireText(field: string, text: LocalizedText, code: 'service.name_required' | 'service.title_required'): void {
    if (!text[this.language]) this.problems.push({ field: `${field}.${this.language}`, code, params: { language: this.language } });
  }

  add(problem: FieldProblem): void {
    this.problems.push(problem);
  }

  /** Throws a 400 naming every field found wanting; one problem is the answer's own code. */
  throwIfAny(): void {
    if (this.problems.length === 1) {
      const [p] = this.problems;
      throw badRequest(p.code, p.params, this.problems);
    }
    if (this.problems.length > 1) {
      throw badRequest('validation.failed', { fields: [...new Set(this.problems.map((p) => p.field))] }, this.problems);
    }
  }
}
