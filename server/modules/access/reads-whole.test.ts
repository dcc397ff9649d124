import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../db/schema.js';
import { issuedInvoice } from '../../test/billing-fixtures.js';
import { createClaim } from '../../test/claim-fixtures.js';
import { createDeal } from '../../test/deal-fixtures.js';
import { createProject, createTask } from '../../test/delivery-fixtures.js';
import { createDocument } from '../../test/document-fixtures.js';
import { createTestApp, type Caller, type TestApp } from '../../test/harness.js';
import { buildWorld, type World } from '../../test/world.js';
import {
  accountIdScope,
  accountScope,
  accountsReadWhole,
  claimScope,
  dealScope,
  documentScope,
  invoiceScope,
  projectScope,
  taskScope,
  type Actor,
} from './index.js';

// Global search checks a manager's access by the account of each word it walks: that holds only
// while every record scope of a manager is "the records of the accounts they read".
let t: TestApp;
let w: World;

type Scope = (actor: Actor, eb: ExpressionBuilder<DB, any>) => Expression<SqlBool>;
const SCOPES: { table: keyof DB; account: string; scope: Scope }[] = [
  { table: 'accounts', account: 'accounts.id', scope: accountScope },
  { table: 'contacts', account: 'contacts.account_id', scope: (a, eb) => accountIdScope(a, eb, 'contacts.account_id') },
  { table: 'projects', account: 'projects.account_id', scope: projectScope },
  { table: 'tasks', account: 'tasks.account_id', scope: taskScope },
  { table: 'documents', account: 'documents.account_id', scope: documentScope },
  { table: 'invoices', account: 'invoices.account_id', scope: invoiceScope },
  { table: 'deals', account: 'deals.account_id', scope: dealScope },
  { table: 'claims', account: 'claims.account_id', scope: claimScope },
];

const actorOf = (c: Caller): Actor => ({ id: c.user.id, role: c.user.role, accountId: null });

async function idsWhere(table: keyof DB, where: (eb: ExpressionBuilder<DB, any>) => Expression<SqlBool>): Promise<string[]> {
  const rows = await t.database.db
    .selectFrom(table)
    .select(sql<string>`id`.as('id'))
    .where(where as never)
    .execute();
  return rows.map((r) => r.id).sort();
}

async function records(by: Caller, accountId: string, name: string) {
  const project = await createProject(by, accountId, { name });
  await createTask(by, project.id, { title: `${name} task` });
  await createDeal(by, accountId, { title: `${name} deal` });
  await createClaim(by, accountId, { description: `${name} claim` });
  await createDocument(by, accountId, { title: `${name} act` });
  await issuedInvoice(by, accountId, { issueDate: '2026-10-01' });
}

beforeAll(async () => {
  t = await createTestApp({ now: '2026-10-01T09:00:00.000Z' });
  w = await buildWorld(t);
  await records(w.as.owner, w.accountA.id, 'Alpha');
  await records(w.as.nonOwner, w.accountB.id, 'Beta');
});
afterAll(() => t.close());

describe('the accounts a manager reads whole', () => {
  it('are the accounts they own or back up, and each kind of record they read is exactly those accounts’ records', async () => {
    for (const viewer of ['owner', 'backup', 'nonOwner'] as const) {
      const actor = actorOf(w.as[viewer]);
      const parts = accountsReadWhole(actor)!;
      expect(parts.length).toBeGreaterThan(0);
      const readable = await idsWhere('accounts', (eb) => eb.or(parts.map((p) => eb(sql.ref(`accounts.${p.column}`), '=', p.userId))));
      expect(readable).toEqual(await idsWhere('accounts', (eb) => accountScope(actor, eb)));
      for (const { table, account, scope } of SCOPES) {
        const byScope = await idsWhere(table, (eb) => scope(actor, eb));
        const byAccount = await idsWhere(table, (eb) => eb(sql.ref(account), 'in', readable));
        expect(byScope, `${viewer}: ${table}`).toEqual(byAccount);
        // Not vacuous: the manager reads some of each kind and not all of them.
        expect(byScope.length, `${viewer}: ${table}`).toBeGreaterThan(0);
        expect(byScope.length, `${viewer}: ${table}`).toBeLessThan((await idsWhere(table, () => sql<SqlBool>`1 = 1`)).length);
      }
    }
  });

  it('are none for anyone but a manager: clients and specialists read less than their accounts’ records', () => {
    for (const viewer of ['admin', 'finance', 'clientA', 'specialist'] as const) {
      expect(accountsReadWhole(actorOf(w.as[viewer])), viewer).toBeNull();
    }
  });
});
