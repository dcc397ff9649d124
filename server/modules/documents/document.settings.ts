import type { Kysely } from 'kysely';
import { DOCUMENT_KINDS } from '../../../common/enums.js';
import { DocumentSettingsSchema, type DocumentSettings } from '../../../common/schemas/document.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { assertAdmin, assertStaff, type Actor } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import type { SettingsService } from '../settings/index.js';

const KEY = 'documents.number_formats';
const FORMATS = DocumentSettingsSchema.shape.numberFormats;

export const DEFAULT_NUMBER_FORMATS: DocumentSettings['numberFormats'] = {
  contract: 'CT-{YYYY}-{NNNN}',
  act: 'ACT-{YYYY}-{NNNN}',
  status_report: 'SR-{YYYY}-{NNNN}',
  proposal: 'PR-{YYYY}-{NNNN}',
  other: 'DOC-{YYYY}-{NNNN}',
};

/** Number formats per kind (the same numbering mechanism as invoices, one series per kind and year). */
export class DocumentSettingsService {
  constructor(
    private readonly db: Database,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
  ) {}

  async load(trx: Kysely<DB> = this.db): Promise<DocumentSettings> {
    return { numberFormats: await this.settings.get(KEY, FORMATS, DEFAULT_NUMBER_FORMATS, trx) };
  }

  async get(actor: Actor): Promise<DocumentSettings> {
    assertStaff(actor);
    return this.load();
  }

  async update(actor: Actor, changes: { numberFormats: Partial<DocumentSettings['numberFormats']> }): Promise<DocumentSettings> {
    assertAdmin(actor);
    return this.db.transaction().execute(async (t) => {
      const before = await this.load(t);
      const numberFormats = { ...before.numberFormats };
      for (const kind of DOCUMENT_KINDS) numberFormats[kind] = changes.numberFormats[kind] ?? numberFormats[kind];
      await this.settings.set(KEY, numberFormats, t);
      const after = { numberFormats };
      await recordAudit(t, {
        actorId: actor.id,
        recordType: 'settings',
        recordId: 'documents',
        action: 'update',
        before: before.numberFormats,
        after: numberFormats,
        at: this.clock.now().toISOString(),
      });
      return after;
    });
  }
}
