import type { z } from 'zod';
import { ContactCreateSchema } from '../../../common/schemas/contact.js';
import { sql } from 'kysely';
import { insertRows } from '../../db/bulk-insert.js';
import { dialectOf } from '../../db/dialect.js';
import { newId } from '../../lib/ids.js';
import { canManageAccount } from '../access/index.js';
import { contactDerivedColumns } from '../contacts/index.js';
import { distinct, given, noCounts, resolveAccounts, sortByPolicy, updateRecord, type EntityImporter } from './import.batch.js';
import { parseWith, splitFullName } from './import.values.js';

const ContactRowSchema = ContactCreateSchema.pick({ firstName: true, lastName: true, email: true, phone: true, position: true });
type ContactValues = z.output<typeof ContactRowSchema>;

const COLUMNS = {
  firstName: 'first_name',
  lastName: 'last_name',
  fullName: 'first_name',
  email: 'email',
  phone: 'phone',
  position: 'position',
};

/** Contacts, each on the account the row names (by name or id); duplicates by email. */
export function contactImporter(): EntityImporter<ContactValues> {
  return {
    entity: 'contacts',
    parse(fields, issues) {
      const names = !fields.firstName && fields.fullName ? splitFullName(fields.fullName) : {};
      return parseWith(ContactRowSchema, { ...fields, ...names }, issues);
    },
    async resolve(trx, actor, rows) {
      await resolveAccounts(trx, actor, rows);
      const emails = distinct(rows.map((r) => r.values?.email));
      const dialect = dialectOf(trx);
      // Contacts by email, then their accounts' owners: one join would let a planner with stale
      // statistics on a table the import is filling scan every account for each chunk.
      const existing = emails.length
        ? await trx
            .selectFrom('contacts')
            .selectAll()
            .where(dialect.isIn(sql.ref('email'), dialect.list(emails)))
            .orderBy('created_at')
            .orderBy('id')
            .execute()
        : [];
      const accountIds = distinct(existing.map((c) => c.account_id));
      const owners = new Map(
        (accountIds.length
          ? await trx
              .selectFrom('accounts')
              .select(['id', 'owner_id', 'backup_owner_id'])
              .where(dialect.isIn(sql.ref('id'), dialect.list(accountIds)))
              .execute()
          : []
        ).map((a) => [a.id, a]),
      );
      const byEmail = new Map<string, (typeof existing)[number]>();
      for (const c of existing) if (!byEmail.has(c.email!) && owners.has(c.account_id)) byEmail.set(c.email!, c);
      const seen = new Set<string>();
      for (const row of rows) {
        const email = row.values?.email;
        if (!email) continue;
        const match = byEmail.get(email);
        if (match) {
          const manageable = canManageAccount(actor, owners.get(match.account_id)!);
          row.existing = { id: match.id, version: match.version, manageable, row: match };
        } else if (seen.has(email)) row.repeats = true;
        seen.add(email);
      }
    },
    present: (row) => ({
      firstName: row.values?.firstName ?? null,
      lastName: row.values?.lastName ?? null,
      email: row.values?.email ?? null,
      phone: row.values?.phone ?? null,
      position: row.values?.position ?? null,
      account: row.fields.accountId ?? row.fields.account ?? null,
    }),
    async save(ctx, rows) {
      const counts = noCounts();
      const { inserts, updates } = sortByPolicy(rows, ctx.policy, counts);
      const records = inserts.map(({ values: v, accountId }) => ({
        id: newId(),
        account_id: accountId!,
        first_name: v!.firstName,
        last_name: v!.lastName ?? null,
        email: v!.email ?? null,
        phone: v!.phone ?? null,
        position: v!.position ?? null,
        decision_role: null,
        portal_access: 0,
        receives_reports: 0,
        language: null,
        ...contactDerivedColumns(v!.firstName, v!.lastName, v!.email, v!.phone, v!.position),
        import_id: ctx.importId,
        created_at: ctx.now,
        updated_at: ctx.now,
      }));
      await insertRows(ctx.trx, 'contacts', records);
      counts.created += records.length;
      for (const row of updates) {
        const v = row.values!;
        const set = given({ ...v, fullName: v.firstName }, row.fields, COLUMNS);
        if (row.fields.fullName && !row.fields.firstName) set.last_name = v.lastName ?? null;
        const after = { ...row.existing!.row, ...set } as Record<string, string | null>;
        Object.assign(set, contactDerivedColumns(after.first_name!, after.last_name, after.email, after.phone, after.position));
        if (await updateRecord(ctx, 'contacts', row.existing!, set)) counts.updated++;
        else counts.failed++;
      }
      return counts;
    },
  };
}
