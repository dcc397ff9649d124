import { sql, type Kysely } from 'kysely';
import { dateType, isPostgres } from './helpers.js';

/**
 * Running totals for the reports, and the indexes their remaining queries need.
 *
 * At the volume of bench/ (20,000 tasks, 13,000 open invoices) summing the base rows on every
 * request cost 10–25 ms of CPU per report on SQLite. The totals below hold those sums by the
 * keys the reports group on, and database triggers keep them current in the transaction of
 * every write to the base rows: inserts, updates and deletes, including the ones cascaded from
 * a deleted project or account and the rows written by imports, whatever code path writes.
 * Hours are summed as whole micro-hours (round(hours × 10⁶), in double precision: PostgreSQL
 * stores hours as 4-byte reals) so the totals never drift from a recount, as floating-point
 * sums would. server/db/totals.test.ts checks them against a recount.
 *
 * PostgreSQL 15 or later: a total's key may be null (a task without a role or a due date), and
 * ON CONFLICT needs a unique index that treats nulls as equal (NULLS NOT DISTINCT).
 */

interface Dialect {
  postgres: boolean;
  /** Hours as whole micro-hours. */
  micro(hours: string): string;
  /** 1 when the condition holds, else 0. */
  flag(condition: string): string;
}

/** A totals table: one row per key, the count of base rows that have it and sums over them. */
interface Totals {
  table: string;
  source: string;
  /** Key columns, named as in the source; `nullable` ones may be null. */
  keys: { column: string; nullable: boolean }[];
  /** Which source rows count, for a row alias (`new`, `old` or the table). */
  counts: (row: string) => string;
  /** Summed columns: the expression each row adds, for a row alias. */
  sums: Record<string, (row: string, d: Dialect) => string>;
  /** Source columns the totals depend on: an update that leaves them alone changes nothing. */
  dependsOn: string[];
}

const OPEN_TASK = (r: string) => `${r}.status <> 'done'`;

export const TOTALS: Totals[] = [
  {
    // Portfolio: per project and role, every task's spent hours and the open and blocked counts.
    table: 'project_task_totals',
    source: 'tasks',
    keys: [
      { column: 'project_id', nullable: false },
      { column: 'role', nullable: true },
    ],
    counts: () => '1 = 1',
    sums: {
      open_count: (r, d) => d.flag(OPEN_TASK(r)),
      blocked_count: (r, d) => d.flag(`${r}.status = 'blocked'`),
      spent_micro: (r, d) => d.micro(`${r}.spent_hours`),
    },
    dependsOn: ['project_id', 'role', 'status', 'spent_hours'],
  },
  {
    // Workload: open assigned work per person and due date, in remaining hours.
    table: 'open_task_totals',
    source: 'tasks',
    keys: [
      { column: 'assignee_id', nullable: false },
      { column: 'due_date', nullable: true },
    ],
    counts: (r) => `${OPEN_TASK(r)} and ${r}.assignee_id is not null`,
    sums: {
      remaining_micro: (r, d) =>
        d.micro(`case when ${r}.estimate_hours > ${r}.spent_hours then ${r}.estimate_hours - ${r}.spent_hours else 0 end`),
    },
    dependsOn: ['assignee_id', 'due_date', 'status', 'estimate_hours', 'spent_hours'],
  },
  {
    // Receivables: what is still owed per currency and due date (the aging buckets are date ranges).
    table: 'receivable_totals',
    source: 'invoices',
    keys: [
      { column: 'currency', nullable: false },
      { column: 'due_date', nullable: true },
    ],
    counts: (r) => `${r}.kind = 'invoice' and ${r}.status in ('issued', 'partially_paid')`,
    sums: { balance_minor: (r) => `${r}.total_minor - ${r}.paid_minor - ${r}.credited_minor` },
    dependsOn: ['currency', 'due_date', 'kind', 'status', 'total_minor', 'paid_minor', 'credited_minor'],
  },
];

const dialectOf = (db: Kysely<any>): Dialect =>
  isPostgres(db)
    ? { postgres: true, micro: (h) => `round((${h})::double precision * 1000000)::bigint`, flag: (c) => `(${c})::int` }
    : { postgres: false, micro: (h) => `cast(round((${h}) * 1000000) as integer)`, flag: (c) => `(${c})` };

/** `key columns match the row's`, null matching null. */
function sameKey(t: Totals, row: string, d: Dialect) {
  return t.keys
    .map(({ column, nullable }) => {
      if (!d.postgres) return `${column} is ${row}.${column}`; // SQLite's IS is = that matches nulls, and uses indexes
      return nullable
        ? `(${column} = ${row}.${column} or (${column} is null and ${row}.${column} is null))`
        : `${column} = ${row}.${column}`;
    })
    .join(' and ');
}

/** The statements that take a row's share out of its totals row, dropping the row when no base row is left. */
function subtract(t: Totals, row: string, d: Dialect) {
  const sets = Object.entries(t.sums).map(([c, e]) => `${c} = ${c} - (${e(row, d)})`);
  return [
    `update ${t.table} set row_count = row_count - 1, ${sets.join(', ')} where ${sameKey(t, row, d)};`,
    `delete from ${t.table} where ${sameKey(t, row, d)} and row_count = 0;`,
  ];
}

/** The statements that add a row's share to its totals row, creating it when needed. */
function add(t: Totals, row: string, d: Dialect) {
  const keys = t.keys.map((k) => k.column);
  const sums = Object.keys(t.sums);
  if (d.postgres) {
    const values = [...keys.map((k) => `${row}.${k}`), '1', ...sums.map((c) => t.sums[c](row, d))];
    const sets = ['row_count', ...sums].map((c) => `${c} = ${t.table}.${c} + excluded.${c}`);
    return [
      `insert into ${t.table} (${[...keys, 'row_count', ...sums].join(', ')}) values (${values.join(', ')})
         on conflict (${keys.join(', ')}) do update set ${sets.join(', ')};`,
    ];
  }
  // SQLite writes one transaction at a time, so "create if missing, then add" cannot race.
  const zeros = [...keys.map((k) => `${row}.${k}`), '0', ...sums.map(() => '0')];
  const sets = sums.map((c) => `${c} = ${c} + (${t.sums[c](row, d)})`);
  return [
    `insert into ${t.table} (${[...keys, 'row_count', ...sums].join(', ')}) select ${zeros.join(', ')}
       where not exists (select 1 from ${t.table} where ${sameKey(t, row, d)});`,
    `update ${t.table} set row_count = row_count + 1, ${sets.join(', ')} where ${sameKey(t, row, d)};`,
  ];
}

async function createTriggers(db: Kysely<any>, t: Totals, d: Dialect) {
  const changed = t.dependsOn.map((c) => `old.${c} is ${d.postgres ? 'distinct from' : 'not'} new.${c}`).join(' or ');
  if (d.postgres) {
    await sql
      .raw(
        `create function ${t.table}_apply() returns trigger language plpgsql as $$
        begin
          if tg_op <> 'INSERT' and (${t.counts('old')}) then ${subtract(t, 'old', d).join(' ')} end if;
          if tg_op <> 'DELETE' and (${t.counts('new')}) then ${add(t, 'new', d).join(' ')} end if;
          return null;
        end $$`,
      )
      .execute(db);
    for (const [event, when] of [
      ['insert or delete', ''],
      [`update of ${t.dependsOn.join(', ')}`, `when (${changed})`],
    ]) {
      const name = `${t.table}_${event.split(' ')[0]}`;
      await sql
        .raw(`create trigger ${name} after ${event} on ${t.source} for each row ${when} execute function ${t.table}_apply()`)
        .execute(db);
    }
    return;
  }
  const triggers: [string, string, string, string[]][] = [
    ['insert', 'insert', t.counts('new'), add(t, 'new', d)],
    ['delete', 'delete', t.counts('old'), subtract(t, 'old', d)],
    ['update_old', 'update', `(${t.counts('old')}) and (${changed})`, subtract(t, 'old', d)],
    ['update_new', 'update', `(${t.counts('new')}) and (${changed})`, add(t, 'new', d)],
  ];
  for (const [suffix, event, when, body] of triggers) {
    await sql.raw(`create trigger ${t.table}_${suffix} after ${event} on ${t.source} when ${when} begin ${body.join(' ')} end`).execute(db);
  }
}

/** The totals as a full recount of the base rows computes them (the backfill, and what tests compare with). */
export function recountSql(db: Kysely<any>, t: Totals) {
  const d = dialectOf(db);
  const keys = t.keys.map((k) => k.column);
  const sums = Object.entries(t.sums).map(([c, e]) => `sum(${e(t.source, d)}) as ${c}`);
  return `select ${keys.join(', ')}, count(*) as row_count, ${sums.join(', ')} from ${t.source}
    where ${t.counts(t.source)} group by ${keys.join(', ')}`;
}

export async function up(db: Kysely<any>): Promise<void> {
  const d = dialectOf(db);
  const keyTypes: Record<string, 'date' | 'text'> = { due_date: dateType(db) };
  for (const t of TOTALS) {
    let table = db.schema.createTable(t.table);
    for (const { column, nullable } of t.keys)
      table = table.addColumn(column, keyTypes[column] ?? 'text', (c) => (nullable ? c : c.notNull()));
    table = table.addColumn('row_count', 'integer', (c) => c.notNull());
    for (const c of Object.keys(t.sums)) table = table.addColumn(c, 'bigint', (col) => col.notNull());
    await table.execute();
    let unique = db.schema
      .createIndex(`${t.table}_key_idx`)
      .on(t.table)
      .columns(t.keys.map((k) => k.column))
      .unique();
    if (d.postgres) unique = unique.nullsNotDistinct();
    await unique.execute();
    await sql
      .raw(
        `insert into ${t.table} (${[...t.keys.map((k) => k.column), 'row_count', ...Object.keys(t.sums)].join(', ')}) ${recountSql(db, t)}`,
      )
      .execute(db);
    await createTriggers(db, t, d);
  }

  // Late tasks per project (open and due before today): the one count the portfolio still reads
  // from tasks, walking only the open ones. Written with literals, as queries must, to be usable.
  await sql`create index tasks_open_due_idx on tasks (project_id, due_date, status) where status <> 'done'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  const d = dialectOf(db);
  await db.schema.dropIndex('tasks_open_due_idx').execute();
  for (const t of TOTALS) {
    if (d.postgres) {
      for (const e of ['insert', 'update']) await sql.raw(`drop trigger ${t.table}_${e} on ${t.source}`).execute(db);
      await sql.raw(`drop function ${t.table}_apply()`).execute(db);
    } else {
      for (const s of ['insert', 'delete', 'update_old', 'update_new']) await sql.raw(`drop trigger ${t.table}_${s}`).execute(db);
    }
    await db.schema.dropTable(t.table).execute();
  }
}
