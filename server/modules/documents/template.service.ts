import type { Kysely } from 'kysely';
import { z } from 'zod';
import { DOCUMENT_KINDS, LANGUAGES, type DocumentKind, type Language } from '../../../common/enums.js';
import {
  TEMPLATE_BLOCKS,
  TEMPLATE_PLACEHOLDERS,
  type DocumentTemplate,
  type DocumentTemplateUpdate,
} from '../../../common/schemas/document-template.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { fieldError } from '../../lib/errors.js';
import { assertAdmin, type Actor } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import type { SettingsService } from '../settings/index.js';
import { DEFAULT_BLOCKS } from './template.defaults.js';
import { validateTemplate } from './template.engine.js';

const KEY = 'documents.templates';
type Overrides = Partial<Record<DocumentKind, Partial<Record<Language, Record<string, string>>>>>;
const OverridesSchema = z.record(z.string(), z.record(z.string(), z.record(z.string(), z.string()))) as unknown as z.ZodType<Overrides>;

/** Admin-worded text blocks per kind and language over the built-in wording; validated when saved. */
export class TemplateService {
  constructor(
    private readonly db: Database,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
  ) {}

  private overrides(trx: Kysely<DB> = this.db): Promise<Overrides> {
    return this.settings.get(KEY, OverridesSchema, {}, trx);
  }

  /** The blocks in force for a kind and language (no access check: the caller decided the document). */
  async blocksFor(kind: DocumentKind, language: Language, trx: Kysely<DB> = this.db): Promise<Record<string, string>> {
    const own = (await this.overrides(trx))[kind]?.[language] ?? {};
    return Object.fromEntries(TEMPLATE_BLOCKS[kind].map((b) => [b, own[b] ?? DEFAULT_BLOCKS[kind][language][b]]));
  }

  private async present(kind: DocumentKind, trx?: Kysely<DB>): Promise<DocumentTemplate> {
    return {
      kind,
      blockNames: [...TEMPLATE_BLOCKS[kind]],
      blocks: { en: await this.blocksFor(kind, 'en', trx), ru: await this.blocksFor(kind, 'ru', trx) },
      defaults: DEFAULT_BLOCKS[kind],
    };
  }

  async list(actor: Actor) {
    assertAdmin(actor);
    return { items: await Promise.all(DOCUMENT_KINDS.map((k) => this.present(k))), placeholders: [...TEMPLATE_PLACEHOLDERS] };
  }

  /** Checks blocks of one kind: only its block names, only text and known placeholders (400 naming the first offender). */
  validateBlocks(kind: DocumentKind, language: Language, blocks: Record<string, string>): void {
    for (const [name, text] of Object.entries(blocks)) {
      const field = `blocks.${language}.${name}`;
      if (!TEMPLATE_BLOCKS[kind].includes(name)) throw fieldError(field, 'template.unknown_block', { name });
      validateTemplate(text, field);
    }
  }

  async update(actor: Actor, kind: DocumentKind, input: DocumentTemplateUpdate): Promise<DocumentTemplate> {
    assertAdmin(actor);
    for (const language of LANGUAGES) this.validateBlocks(kind, language, input.blocks[language] ?? {});
    return this.db.transaction().execute(async (t) => {
      const all = await this.overrides(t);
      const before = await this.present(kind, t);
      const own = { ...all[kind] };
      for (const language of LANGUAGES) {
        const changes = input.blocks[language];
        if (!changes) continue;
        const merged = { ...own[language], ...changes };
        // An empty block goes back to the built-in wording.
        for (const [name, text] of Object.entries(merged)) if (text.trim() === '') delete merged[name];
        own[language] = merged;
      }
      await this.settings.set(KEY, { ...all, [kind]: own }, t);
      const after = await this.present(kind, t);
      await recordAudit(t, {
        actorId: actor.id,
        recordType: 'settings',
        recordId: `templates.${kind}`,
        action: 'update',
        before: before.blocks,
        after: after.blocks,
        at: this.clock.now().toISOString(),
      });
      return after;
    });
  }
}
