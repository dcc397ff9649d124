import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import type { Kysely } from 'kysely';
import { openDatabase } from '../server/db/database.js';
import type { DB } from '../server/db/schema.js';
import { addDays } from '../server/lib/dates.js';
import { newId } from '../server/lib/ids.js';
import { searchText } from '../server/lib/text.js';
import type { ScheduledRun } from '../server/modules/status-reports/index.js';
import { table } from './report.js';
import type { Seeded } from './seed.js';
import type { SinkCount, SinkReady } from './smtp-sink-process.js';
import type { Location } from './target.js';

/** The monthly run: this many projects report on the 1st at 09:00. */
export const SCHEDULED_PROJECTS = 1_000;
const GOAL_RATIO = 2;
const IDLE_SECONDS = 15;
const CHUNK = 200;

/** When the monthly reports of the seeded month fall due, and the month they cover. */
export function monthlyRun(today: string) {
  const from = `${today.slice(0, 7)}-01`;
  const next = addDays(from, 32).slice(0, 7);
  return { from, to: addDays(`${next}-01`, -1), at: `${next}-01T09:00:00.000Z` };
}

async function insertAll(db: Kysely<DB>, table: 'projects' | 'milestones' | 'tasks' | 'contacts', rows: Record<string, unknown>[]) {
  for (let i = 0; i < rows.length; i += CHUNK)
    await db
      .insertInto(table)
      .values(rows.slice(i, i + CHUNK) as never)
      .execute();
}

/**
 * 1,000 projects on as many accounts that report monthly on the 1st at 09:00, as the services
 * would have written them: a plan of three milestones (one done, one late, one ahead), four
 * tasks done in the month, one blocked, and a contact who receives reports.
 */
export async function seedScheduledReports(location: Location, today: string): Promise<void> {
  const { db } = openDatabase(location);
  try {
    const month = monthlyRun(today);
    const accounts = await db.selectFrom('accounts').select('id').orderBy('id').limit(SCHEDULED_PROJECTS).execute();
    const at = `${month.from}T08:00:00.000Z`;
    const meta = { version: 1, created_at: at, updated_at: at };
    const projects = [];
    const milestones = [];
    const tasks = [];
    const contacts = [];
    for (const [i, a] of accounts.entries()) {
      const id = newId();
      const name = `Reported project ${i}`;
      projects.push({
        ...meta,
        id,
        account_id: a.id,
        name,
        search_text: searchText(name),
        kind: 'seo',
        stage: 'in_progress',
        start_date: addDays(month.from, -60),
        due_date: addDays(month.to, 60),
        budget_minor: 2_000_000,
        currency: 'EUR',
        report_schedule: 'monthly',
        report_day: 1,
        report_hour: 9,
        share_budget: 1,
        plan_status: 'approved',
        brief_questions: '[]',
      });
      for (const [m, [title, due, status]] of [
        ['Discovery', addDays(month.from, -20), 'done'],
        ['Design', addDays(month.from, 10), 'in_progress'],
        ['Launch', addDays(month.to, 40), 'planned'],
      ].entries()) {
        milestones.push({
          ...meta,
          id: newId(),
          project_id: id,
          title: `${title} ${m + 1}`,
          due_date: due,
          status,
          client_approved_at: null,
        });
      }
      for (let k = 0; k < 5; k++) {
        const done = k < 4;
        const title = `Task ${k} of ${name}`;
        tasks.push({
          ...meta,
          id: newId(),
          project_id: id,
          account_id: a.id,
          title,
          search_text: searchText(title),
          assignee_id: null,
          role: 'seo',
          status: done ? 'done' : 'blocked',
          blocked_reason: done ? null : 'Internal: waiting for the client',
          due_date: addDays(month.from, 5 + k),
          estimate_hours: 4,
          spent_hours: done ? 4 : 1,
          milestone_id: null,
          done_on: done ? addDays(month.from, 2 + k) : null,
        });
      }
      const first = `Reader${i}`;
      contacts.push({
        ...meta,
        id: newId(),
        account_id: a.id,
        first_name: first,
        last_name: null,
        sort_name: first.toLowerCase(),
        email: `reader${i}@client.example`,
        phone: null,
        position: null,
        decision_role: null,
        portal_access: 0,
        receives_reports: 1,
        language: i % 2 ? 'ru' : null,
        search_text: searchText(first),
      });
    }
    await insertAll(db, 'projects', projects);
    await insertAll(db, 'milestones', milestones);
    await insertAll(db, 'tasks', tasks);
    await insertAll(db, 'contacts', contacts);
  } finally {
    await db.destroy();
  }
}

/** One autocannon run of the API until `until` resolves (or for `seconds`), answering its p99 in ms. */
function apiLoad(
  url: string,
  headers: Record<string, string>,
  seconds: number,
  until?: Promise<unknown>,
): Promise<{ p99: number; requests: number }> {
  return new Promise((resolve, reject) => {
    const instance = autocannon({ url, headers, connections: 10, duration: seconds }, (err: unknown, result) =>
      err
        ? reject(err instanceof Error ? err : new Error('autocannon failed'))
        : resolve({ p99: result.latency.p99, requests: result.requests.total }),
    );
    void until?.then(() => instance.stop());
  });
}

export interface ReportRunFigures {
  seconds: number;
  run: ScheduledRun;
  idle: { p99: number; requests: number };
  during: { p99: number; requests: number };
  emailsReceived: number;
}

const SINK = fileURLToPath(new URL('./smtp-sink-process.ts', import.meta.url));

/** The SMTP sink in a process of its own; `reports` asks it how many report emails it received. */
async function startSinkProcess() {
  const child = fork(SINK, [], { execArgv: ['--import', 'tsx'] });
  const [{ url }] = (await once(child, 'message')) as [SinkReady];
  return {
    url,
    async reports() {
      child.send('count');
      const [count] = (await once(child, 'message')) as [SinkCount];
      return count.reports;
    },
    async close() {
      child.disconnect();
      if (child.exitCode === null) await once(child, 'exit');
    },
  };
}

/**
 * The monthly run inside the app server's process (where a job runner would run it), emails
 * to a local SMTP sink in another process, while autocannon reads the accounts list; against the same list idle.
 */
export async function timeScheduledReports(
  start: (config: {
    clockAt: string;
    smtpUrl: string;
  }) => Promise<{ appUrl: string; ask: (message: string) => Promise<unknown>; stop: () => Promise<void> }>,
  seeded: Seeded,
): Promise<ReportRunFigures> {
  const sink = await startSinkProcess();
  const server = await start({ clockAt: monthlyRun(seeded.today).at, smtpUrl: sink.url });
  try {
    const url = `${server.appUrl}/api/v1/accounts?limit=50`;
    const headers = { authorization: `Bearer ${seeded.token}` };
    await apiLoad(url, headers, 1); // warm-up
    const idle = await apiLoad(url, headers, IDLE_SECONDS);
    const ran = server.ask('status-reports') as Promise<{ seconds: number; run: ScheduledRun }>;
    const during = await apiLoad(url, headers, 3600, ran);
    const { seconds, run } = await ran;
    return { seconds, run, idle, during, emailsReceived: await sink.reports() };
  } finally {
    await server.stop();
    await sink.close();
  }
}

export function printScheduledReports(f: ReportRunFigures) {
  console.log(
    `\nmonthly run of ${SCHEDULED_PROJECTS} scheduled status reports (PDF each, emailed to an SMTP sink), API p99 on the accounts list`,
  );
  const ratio = f.during.p99 / Math.max(f.idle.p99, 1);
  table(
    [
      'job',
      'seconds',
      'reports',
      'skipped',
      'report emails received',
      'API p99 idle ms',
      'API p99 during ms',
      `ratio (goal <= ${GOAL_RATIO})`,
    ],
    [
      [
        'documents.status_reports',
        f.seconds.toFixed(1),
        String(f.run.sent),
        String(f.run.skipped),
        String(f.emailsReceived),
        String(f.idle.p99),
        String(f.during.p99),
        `${ratio.toFixed(2)} ${ratio <= GOAL_RATIO ? 'ok' : 'over'}`,
      ],
    ],
  );
}
