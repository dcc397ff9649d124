import type { z } from 'zod';
import { AccountCreateSchema } from '../../../common/schemas/account.js';
import { searchText } from '../../lib/text.js';
import { sql } from 'kysely';
import { insertRows } from '../../db/bulk-insert.js';
import { dialectOf } from '../../db/dialect.js';
import { newId } from '../../lib/ids.js';
import { canManageAccount, defaultOwnerOf } from '../access/index.js';
import type { TimelineLog } from '../timeline/index.js';
import { distinct, given, noCounts, sortByPolicy, updateRecord, type EntityImporter } from './import.batch.js';
import { choice, currencyOf, parseWith, STATUS_WORDS, websiteKey } from './import.values.js';

const AccountRowSchema = AccountCreateSchema.pick({
  name: true,
  status: true,
  industry: true,
  website: true,
  currency: true,
  paymentTermsDays: true,
});
type AccountValues = z.output<typeof AccountRowSchema> & { currency: string };

/** Account fields and the columns they are stored in. */
const COLUMNS = {
  name: 'name',
  website: 'website',
  industry: 'industry',
  status: 'status',
  currency: 'currency',
  paymentTermsDays: 'payment_terms_days',
};

const keyOf = (name: string, website: string | null | undefined) => `${name}\u0000${websiteKey(website)}`;

/** Accounts: new ones owned by the manager importing them (an admin's have no owner yet); duplicates by name and website. */
export function accountImporter(timeline: TimelineLog, defaultCurrency: string): EntityImporter<AccountValues> {
  return {
    entity: 'accounts',
    parse(fields, issues) {
      const input = {
        ...fields,
        status: choice(fields.status, STATUS_WORDS),
        currency: currencyOf(fields.currency),
        paymentTermsDays:
          fields.paymentTermsDays && /^\d+$/.test(fields.paymentTermsDays) ? Number(fields.paymentTermsDays) : fields.paymentTermsDays,
      };
      const parsed = parseWith(AccountRowSchema, input, issues);
      return parsed ? { ...parsed, currency: parsed.currency ?? defaultCurrency } : null;
    },
    async resolve(trx, actor, rows) {
      const names = distinct(rows.map((r) => r.values?.name));
      const existing = names.length
        ? await trx
            .selectFrom('accounts')
            .selectAll()
            .where(dialectOf(trx).isIn(sql.ref('name'), dialectOf(trx).list(names)))
            .orderBy('created_at')
            .orderBy('id')
            .execute()
        : [];
      const byKey = new Map(existing.map((a) => [keyOf(a.name, a.website), a]));
      const seen = new Set<string>();
      for (const row of rows) {
        if (!row.values) continue;
        const key = keyOf(row.values.name, row.values.website);
        const match = byKey.get(key);
        if (match) row.existing = { id: match.id, version: match.version, manageable: canManageAccount(actor, match), row: match };
        else if (seen.has(key)) row.repeats = true;
        seen.add(key);
      }
    },
    present: (row) => ({
      name: row.values?.name ?? row.fields.name ?? null,
      website: row.values?.website ?? null,
      industry: row.values?.industry ?? null,
      status: row.values?.status ?? null,
      currency: row.values?.currency ?? null,
      paymentTermsDays: row.values?.paymentTermsDays ?? null,
    }),
    async save(ctx, rows) {
      const counts = noCounts();
      const { inserts, updates } = sortByPolicy(rows, ctx.policy, counts);
      const ownerId = defaultOwnerOf(ctx.actor);
      const records = inserts.map(({ values: v }) => ({
        id: newId(),
        name: v!.name,
        search_text: searchText(v!.name, v!.industry, v!.website),
        status: v!.status,
        industry: v!.industry ?? null,
        website: v!.website ?? null,
        owner_id: ownerId,
        backup_owner_id: null,
        currency: v!.currency,
        payment_terms_days: v!.paymentTermsDays,
        credit_limit_minor: null,
        language: 'en' as const,
        client_since: v!.status === 'active' ? ctx.now.slice(0, 10) : null,
        import_id: ctx.importId,
        created_at: ctx.now,
        updated_at: ctx.now,
      }));
      await insertRows(ctx.trx, 'accounts', records);
      await timeline.recordEvents(
        ctx.trx,
        records.map((r) => ({
          accountId: r.id,
          kind: 'account_created',
          actorId: ctx.actor.id,
          occurredAt: ctx.now,
          data: { name: r.name },
        })),
      );
      counts.created += records.length;
      for (const row of updates) {
        const set = given(row.values as Record<string, unknown>, row.fields, COLUMNS);
        const v = row.values!;
        set.search_text = searchText(
          v.name,
          (set.industry as string | undefined) ?? (row.existing!.row.industry as string | null),
          v.website,
        );
        if ((await updateRecord(ctx, 'accounts', row.existing!, set)) === true) counts.updated++;
        else counts.failed++;
      }
      return counts;
    },
  };
}
