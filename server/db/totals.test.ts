import fc from 'fast-check';
import type { TaskStatus } from '../../common/enums.js';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issuedInvoice, pay } from '../test/billing-fixtures.js';
import { createProject, createTask } from '../test/delivery-fixtures.js';
import { createTestApp, type Caller, type TestApp } from '../test/harness.js';
import { newId } from '../lib/ids.js';
import type { DB } from './schema.js';
import { TOTALS, recountSql } from './migrations/0005_speed.js';

/*
 * The running totals of migration 0005 are kept by triggers. Whatever sequence of writes
 * reaches the base rows (through the app, straight to the tables, many rows at once, or
 * cascaded from a deleted project), each totals table must equal a full recount, exactly.
 */
let t: TestApp;
let manager: Caller;
let accountIds: string[];
let userIds: string[];
let projectIds: string[];

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.signIn('account_manager');
  userIds = [];
  for (let i = 0; i < 3; i++) userIds.push((await t.signIn('specialist')).user.id);
  accountIds = [];
  for (let i = 0; i < 2; i++) accountIds.push((await t.createAccount(manager, { name: `Totals ${i}` })).id);
  projectIds = [];
  for (let i = 0; i < 3; i++) projectIds.push((await createProject(manager, accountIds[i % 2])).id);
});
afterAll(() => t.close());

const db = () => t.database.db;

/** Every totals table next to its recount, rows in key order, numbers as numbers. */
async function totalsAndRecounts() {
  const out: Record<string, { kept: unknown[]; recount: unknown[] }> = {};
  for (const totals of TOTALS) {
    const keys = totals.keys.map((k) => k.column);
    const columns = [...keys, 'row_count', ...Object.keys(totals.sums)];
    const normal = (rows: Record<string, unknown>[]) =>
      rows
        .map((r) => columns.map((c) => (keys.includes(c) ? (r[c] ?? null) : Number(r[c]))))
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    const kept = await sql<Record<string, unknown>>`select * from ${sql.table(totals.table)}`.execute(db());
    const recount = await sql.raw<Record<string, unknown>>(recountSql(db(), totals)).execute(db());
    out[totals.table] = { kept: normal(kept.rows), recount: normal(recount.rows) };
  }
  return out;
}

async function expectNoDrift() {
  for (const [table, { kept, recount }] of Object.entries(await totalsAndRecounts())) expect(kept, table).toEqual(recount);
}

const hours = fc.oneof(
  fc.integer({ min: 0, max: 40 }),
  fc.constantFrom(0.1, 0.2, 0.3, 1 / 3, 2.675, 1e-7, 0.0000005, 9999.9999995),
  fc.double({ min: 1e-6, max: 10_000, noNaN: true }), // hours are 4-byte reals on PostgreSQL: no denormals
);
const day = fc.option(fc.integer({ min: 0, max: 40 }).map((d) => `2026-03-${String((d % 28) + 1).padStart(2, '0')}`));
const taskFields = fc.record({
  project: fc.nat(),
  assignee: fc.option(fc.nat()),
  role: fc.option(fc.constantFrom('seo', 'copywriter', 'other')),
  status: fc.constantFrom('todo', 'in_progress', 'blocked', 'review', 'done'),
  due: day,
  estimate: hours,
  spent: hours,
});
const invoiceFields = fc.record({
  account: fc.nat(),
  kind: fc.constantFrom('invoice', 'invoice', 'credit_note'),
  status: fc.constantFrom('draft', 'issued', 'partially_paid', 'paid', 'void'),
  currency: fc.constantFrom('EUR', 'USD'),
  due: day,
  total: fc.integer({ min: 0, max: 10_000_000 }),
  paid: fc.integer({ min: 0, max: 10_000_000 }),
  credited: fc.integer({ min: 0, max: 1_000_000 }),
});

type TaskFields = typeof taskFields extends fc.Arbitrary<infer F> ? F : never;
type InvoiceFields = typeof invoiceFields extends fc.Arbitrary<infer F> ? F : never;
type Op =
  | { op: 'addTask'; f: TaskFields }
  | { op: 'changeTask'; which: number; f: Partial<TaskFields> }
  | { op: 'removeTask'; which: number }
  | { op: 'setStatusOfProject'; project: number; status: TaskStatus }
  | { op: 'removeProject'; project: number }
  | { op: 'addInvoice'; f: InvoiceFields }
  | { op: 'changeInvoice'; which: number; f: Partial<InvoiceFields> }
  | { op: 'removeInvoice'; which: number };

/** Which existing row to change, and some of its fields. */
const change = <F extends object>(fields: fc.Arbitrary<F>) =>
  fc.record({
    which: fc.nat(),
    f: fields.chain((f) =>
      fc.subarray(Object.keys(f)).map((keys) => Object.fromEntries(keys.map((k) => [k, f[k as keyof F]])) as Partial<F>),
    ),
  });

const op: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: taskFields.map((f) => ({ op: 'addTask' as const, f })), weight: 4 },
  { arbitrary: change(taskFields).map((x) => ({ op: 'changeTask' as const, ...x })), weight: 4 },
  { arbitrary: fc.nat().map((which) => ({ op: 'removeTask' as const, which })), weight: 2 },
  {
    arbitrary: fc
      .record({ project: fc.nat(), status: fc.constantFrom('todo', 'blocked', 'done') })
      .map((x) => ({ op: 'setStatusOfProject' as const, ...x })),
    weight: 1,
  },
  { arbitrary: fc.nat().map((project) => ({ op: 'removeProject' as const, project })), weight: 1 },
  { arbitrary: invoiceFields.map((f) => ({ op: 'addInvoice' as const, f })), weight: 4 },
  { arbitrary: change(invoiceFields).map((x) => ({ op: 'changeInvoice' as const, ...x })), weight: 4 },
  { arbitrary: fc.nat().map((which) => ({ op: 'removeInvoice' as const, which })), weight: 2 },
);

const pick = <T>(list: T[], n: number) => list[n % list.length];

/** The columns a partial set of generated fields writes, each field through its own mapping. */
function columnsOf<F extends object>(f: Partial<F>, columns: { [K in keyof F]-?: (v: F[K]) => Record<string, unknown> }) {
  return Object.assign({}, ...Object.entries(f).map(([k, v]) => columns[k as keyof F](v as F[keyof F])));
}

/** Applies one write straight to the tables (in `q`, a transaction or not), as an import or any future code path might. */
async function apply(q: Kysely<DB>, o: Op) {
  const now = new Date().toISOString();
  const taskRow = (f: Partial<TaskFields>) =>
    columnsOf(f, {
      project: (n) => ({ project_id: pick(projectIds, n), account_id: accountIds[(n % projectIds.length) % 2] }),
      assignee: (n) => ({ assignee_id: n === null ? null : pick(userIds, n) }),
      role: (role) => ({ role }),
      status: (status) => ({ status }),
      due: (due) => ({ due_date: due }),
      estimate: (h) => ({ estimate_hours: h }),
      spent: (h) => ({ spent_hours: h }),
    });
  const invoiceRow = (f: Partial<InvoiceFields>) =>
    columnsOf(f, {
      account: (n) => ({ account_id: pick(accountIds, n) }),
      kind: (kind) => ({ kind }),
      status: (status) => ({ status }),
      currency: (currency) => ({ currency }),
      due: (due) => ({ due_date: due }),
      total: (m) => ({ total_minor: m }),
      paid: (m) => ({ paid_minor: m }),
      credited: (m) => ({ credited_minor: m }),
    });
  const ids = async (table: 'tasks' | 'invoices') => (await q.selectFrom(table).select('id').orderBy('id').execute()).map((r) => r.id);
  const insertOne = async (table: 'tasks' | 'projects' | 'invoices', values: Record<string, unknown>) => {
    const id = newId();
    await q
      .insertInto(table)
      .values({ id, created_at: now, updated_at: now, ...values } as never)
      .execute();
    return id;
  };
  const changeOne = async (table: 'tasks' | 'invoices', which: number, changes: Record<string, unknown>) => {
    const all = await ids(table);
    if (all.length && Object.keys(changes).length) await q.updateTable(table).set(changes).where('id', '=', pick(all, which)).execute();
  };
  switch (o.op) {
    case 'addTask':
      await insertOne('tasks', { title: 'T', search_text: 't', milestone_id: null, ...taskRow(o.f) });
      return;
    case 'changeTask':
      return changeOne('tasks', o.which, taskRow(o.f));
    case 'removeTask': {
      const all = await ids('tasks');
      if (all.length) await q.deleteFrom('tasks').where('id', '=', pick(all, o.which)).execute();
      return;
    }
    case 'setStatusOfProject':
      await q.updateTable('tasks').set({ status: o.status }).where('project_id', '=', pick(projectIds, o.project)).execute();
      return;
    case 'removeProject': {
      // The tasks go by the foreign key's cascade; a new project takes the old one's place.
      const gone = pick(projectIds, o.project);
      await q.deleteFrom('projects').where('id', '=', gone).execute();
      const accountId = accountIds[projectIds.indexOf(gone) % 2];
      const replacement = await insertOne('projects', {
        account_id: accountId,
        name: 'P',
        search_text: 'p',
        kind: 'seo',
        stage: 'planning',
        currency: 'EUR',
      });
      projectIds[projectIds.indexOf(gone)] = replacement;
      return;
    }
    case 'addInvoice':
      await insertOne('invoices', { search_text: '', subtotal_minor: 0, tax_minor: 0, ...invoiceRow(o.f) });
      return;
    case 'changeInvoice':
      return changeOne('invoices', o.which, invoiceRow(o.f));
    case 'removeInvoice': {
      const all = await ids('invoices');
      const id = all.length ? pick(all, o.which) : null;
      // Invoices with payments or lines keep them: only bare ones (written by this test) go.
      if (id && !(await q.selectFrom('invoice_lines').select('id').where('invoice_id', '=', id).executeTakeFirst())) {
        await q.deleteFrom('invoices').where('id', '=', id).execute();
      }
      return;
    }
  }
}

describe('running totals', () => {
  it('start equal to a recount', async () => {
    await expectNoDrift();
  });

  it('never drift from a recount, whatever sequence of writes reaches the tables', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), fc.boolean(), async (ops, together) => {
        if (together) {
          // Several writes in one transaction, rolled back half the time: totals roll back with them.
          const rollback = ops.length % 2 === 0;
          const projectsBefore = [...projectIds];
          await db()
            .transaction()
            .execute(async (trx) => {
              for (const o of ops) await apply(trx, o);
              if (rollback) throw new Error('rollback');
            })
            .catch((err: Error) => {
              if (err.message !== 'rollback') throw err;
              projectIds.splice(0, projectIds.length, ...projectsBefore);
            });
        } else {
          for (const o of ops) await apply(db(), o);
        }
        await expectNoDrift();
      }),
      { numRuns: 100 },
    );
  });

  it('follow the app’s own writes: tasks created, changed and deleted, a project deleted, invoices issued, paid and voided', async () => {
    const project = await createProject(manager, accountIds[0]);
    const task = await createTask(manager, project.id, { assigneeId: userIds[0], dueDate: '2026-03-10', estimateHours: 8.5 });
    await createTask(manager, project.id, { assigneeId: userIds[1], estimateHours: 3 });
    expect(
      (await manager.patch(`/api/v1/tasks/${task.id}`, { status: 'blocked', blockedReason: 'Waiting', spentHours: 2.25 })).statusCode,
    ).toBe(200);
    await expectNoDrift();
    expect((await manager.delete(`/api/v1/projects/${project.id}`)).statusCode).toBe(204);
    await expectNoDrift();

    const invoice = await issuedInvoice(manager, accountIds[1]);
    await pay(manager, invoice.id, 1_000, '2026-03-02');
    await expectNoDrift();
    const other = await issuedInvoice(manager, accountIds[1]);
    expect((await manager.post(`/api/v1/invoices/${other.id}/void`, { reason: 'Issued by mistake' })).statusCode).toBe(200);
    await expectNoDrift();
  });
});
