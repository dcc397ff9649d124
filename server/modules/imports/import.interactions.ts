import type { z } from 'zod';
import { InteractionCreateSchema } from '../../../common/schemas/interaction.js';
import { insertRows } from '../../db/bulk-insert.js';
import { newId } from '../../lib/ids.js';
import { searchText } from '../../lib/text.js';
import { noCounts, resolveAccounts, sortByPolicy, type EntityImporter } from './import.batch.js';
import { choice, DEFAULT_TYPE, momentOf, parseWith, TYPE_WORDS } from './import.values.js';

const InteractionRowSchema = InteractionCreateSchema.pick({ type: true, occurredAt: true, summary: true, outcome: true });
type InteractionValues = z.output<typeof InteractionRowSchema>;

/** Interactions logged on the account's history as the interactions module stores them; the importer is their author. */
export function interactionImporter(): EntityImporter<InteractionValues> {
  return {
    entity: 'interactions',
    parse(fields, issues) {
      const occurredAt = fields.occurredAt ? (momentOf(fields.occurredAt) ?? '') : undefined;
      if (occurredAt === '') {
        issues.push({ field: 'occurredAt', code: 'import.bad_date' });
        return null;
      }
      return parseWith(InteractionRowSchema, { ...fields, type: choice(fields.type, TYPE_WORDS) ?? DEFAULT_TYPE, occurredAt }, issues);
    },
    async resolve(trx, actor, rows) {
      await resolveAccounts(trx, actor, rows);
    },
    present: (row) => ({
      account: row.fields.accountId ?? row.fields.account ?? null,
      type: row.values?.type ?? null,
      occurredAt: row.values?.occurredAt ?? null,
      summary: row.values?.summary ?? null,
      outcome: row.values?.outcome ?? null,
    }),
    async save(ctx, rows) {
      const counts = noCounts();
      const { inserts } = sortByPolicy(rows, 'create', counts);
      const records = inserts.map(({ values: v, accountId }) => ({
        id: newId(),
        account_id: accountId!,
        type: v!.type,
        occurred_at: v!.occurredAt,
        summary: v!.summary,
        outcome: v!.outcome ?? null,
        deal_id: null,
        project_id: null,
        author_id: ctx.actor.id,
        search_text: searchText(v!.summary, v!.outcome),
        import_id: ctx.importId,
        created_at: ctx.now,
        updated_at: ctx.now,
      }));
      await insertRows(ctx.trx, 'interactions', records);
      counts.created += records.length;
      return counts;
    },
  };
}
