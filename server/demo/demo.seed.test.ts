import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLAIM_CLOSINGS, CLAIM_SOURCES, CLAIM_STATUSES, DEAL_STAGES, PROJECT_STAGES, PROPOSAL_STATUSES } from '../../common/enums.js';
import { createTestDatabase, type TestDatabase } from '../test/database.js';
import { hasData, seedDemo, wipe } from './demo.seed.js';

let database: TestDatabase;
let seeded: Awaited<ReturnType<typeof seedDemo>>;
const today = new Date('2026-11-27T09:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
  seeded = await seedDemo(database.db, today);
}, 600_000); // a hang guard: the whole year of demo billing goes through the services
afterAll(() => database.drop());

const count = async (table: 'users' | 'accounts' | 'projects' | 'contacts' | 'interactions', where?: [string, string]) => {
  let q = database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
  if (where) q = q.where(where[0] as never, '=', where[1] as never);
  return Number((await q.executeTakeFirstOrThrow()).n);
};

describe('demo agency', () => {
  it('has the staff, clients and projects the product promises', async () => {
    expect(await count('users', ['role', 'account_manager'])).toBe(3);
    expect(await count('users', ['role', 'specialist'])).toBe(8);
    expect(await count('accounts')).toBe(40);
    expect(await count('projects')).toBe(60);
    expect(await count('contacts')).toBeGreaterThanOrEqual(80);
    expect(await count('interactions')).toBeGreaterThan(40 * 10);
    const stages = await database.db.selectFrom('projects').select('stage').distinct().execute();
    expect(stages.map((s) => s.stage).sort()).toEqual([...PROJECT_STAGES].sort());
  });

  it('gives each manager a pipeline: deals in every stage, won and lost ones with reasons across the year, dated history', async () => {
    const { services, people } = seeded;
    for (const manager of people.managers) {
      const deals = await services.deals.list(manager, { limit: 200, owner: 'me', sort: 'close' });
      expect(new Set(deals.items.map((d) => d.stage))).toEqual(new Set(DEAL_STAGES));
      expect(deals.items.filter((d) => d.state === 'open').every((d) => d.nextStep && d.nextStepDue)).toBe(true);
      expect(deals.items.filter((d) => d.nextStepOverdue).length).toBeGreaterThan(0);
      const lost = deals.items.filter((d) => d.state === 'lost');
      expect(new Set(lost.map((d) => d.lostReason)).size).toBeGreaterThanOrEqual(4);
      const closed = [...lost, ...deals.items.filter((d) => d.state === 'won')].map((d) => d.closedAt!.slice(0, 10)).sort();
      expect(closed[0] < '2026-05-01' && closed[closed.length - 1] > '2026-09-01').toBe(true);
    }
    const history = await database.db.selectFrom('deal_stage_changes').select(['at']).orderBy('at').execute();
    expect(history[0].at < '2026-01-01T00:00:00.000Z').toBe(true);
  });

  it('gives each manager claims in every status, from every source, resolved with root causes, some past their deadlines', async () => {
    const { services, people } = seeded;
    for (const manager of people.managers) {
      const mine = (await services.claims.list(manager, { limit: 200 })).items.filter((c) => c.ownerId === manager.id);
      expect(new Set(mine.map((c) => c.status))).toEqual(new Set(CLAIM_STATUSES));
      expect(new Set(mine.map((c) => c.source))).toEqual(new Set(CLAIM_SOURCES));
      expect(new Set(mine.flatMap((c) => (c.closedHow ? [c.closedHow] : [])))).toEqual(new Set(CLAIM_CLOSINGS));
      const resolved = mine.filter((c) => c.status === 'resolved' || c.status === 'closed');
      expect(resolved.every((c) => c.rootCause && c.rootCauseNote)).toBe(true);
      expect(new Set(resolved.map((c) => c.rootCause)).size).toBeGreaterThanOrEqual(3);
      expect(mine.some((c) => c.respondBreached)).toBe(true);
    }
  });

  it('has corrective actions on claims: checked effective with their figures, one not effective with its open follow-up, a root cause’s', async () => {
    const { services, people } = seeded;
    const all = (await services.correctiveActions.list(people.admin, { limit: 200 })).items;
    const effective = all.filter((a) => a.result === 'effective');
    expect(effective.length).toBeGreaterThanOrEqual(people.managers.length);
    expect(effective.every((a) => a.checkFigures && a.checkFigures.accountIds.length === 1)).toBe(true);
    const failed = all.filter((a) => a.result === 'not_effective');
    expect(failed).toHaveLength(1);
    expect(all.find((a) => a.id === failed[0].followUpId)).toMatchObject({ status: 'open', followUpOfId: failed[0].id });
    expect(all.some((a) => a.scope === 'root_cause' && a.claims.length > 1)).toBe(true);
    expect(all.filter((a) => a.status === 'open').length).toBeGreaterThanOrEqual(people.managers.length);
  });

  it('has objections whose answers make the playbook meaningful: several answers per category with different records, the pinned one first', async () => {
    const { services, people } = seeded;
    const manager = people.managers[0];
    const stats = await services.objections.categoryStats(manager);
    expect(stats[0]).toMatchObject({ category: 'price' });
    expect(stats.filter((s) => s.closedDeals > 0 && s.wonDeals > 0).length).toBeGreaterThanOrEqual(4);
    const price = await services.objections.playbook(manager, 'price', 50);
    expect(price.items[0].pinned).toBe(true);
    const ranked = price.items.filter((a) => a.closed > 0);
    expect(ranked.length).toBeGreaterThanOrEqual(4);
    expect(new Set(ranked.map((a) => `${a.won}/${a.closed}`)).size).toBeGreaterThanOrEqual(3);
    const scores = price.items.filter((a) => !a.pinned).map((a) => a.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores[0]).toBeGreaterThan(scores[scores.length - 1]);
  });

  it('has proposals in every state for each manager, the accepted one winning its deal and the opened ones on the timeline', async () => {
    const { services, people } = seeded;
    for (const manager of people.managers) {
      const { items: mine } = await services.proposals.list(manager, { limit: 200 });
      expect(new Set(mine.map((p) => p.status))).toEqual(new Set(PROPOSAL_STATUSES));
      // A manager also reads the proposals of accounts they back up; their own accepted one waits for its project.
      const accepted = mine.find((p) => p.status === 'accepted' && p.can.startProject)!;
      expect(accepted).toBeDefined();
      expect((await services.deals.get(manager, accepted.dealId)).stage).toBe('won');
      expect(mine.find((p) => p.status === 'declined')!.declineReason).toBeTruthy();
    }
    const viewed = await database.db.selectFrom('timeline_events').select('id').where('kind', '=', 'proposal_viewed').execute();
    expect(viewed.length).toBe(people.managers.length * 3);
  });

  it('sells from a catalog in both languages, priced per currency, with delivery templates', async () => {
    const { services, people } = seeded;
    const { items } = await services.catalog.list(people.managers[0], { limit: 200 });
    expect(items.length).toBeGreaterThanOrEqual(8);
    expect(items.every((s) => s.name.en && s.name.ru && s.description.en && s.description.ru)).toBe(true);
    expect(new Set(items.flatMap((s) => s.prices.map((p) => p.currency)))).toEqual(new Set(['EUR', 'USD', 'RUB']));
    expect(new Set(items.map((s) => s.unit))).toEqual(new Set(['hour', 'month', 'piece', 'project']));
    const templated = items.filter((s) => s.template.milestones.length >= 2 && s.template.tasks.length >= 3);
    expect(templated.length).toBeGreaterThanOrEqual(3);
    expect(items.filter((s) => !s.active).map((s) => s.name.en)).toEqual(['Link building package']);
  });

  it('shows real problems: late and blocked tasks, plans waiting for approval', async () => {
    const { services, people } = seeded;
    const manager = people.managers[0];
    const report = await services.projects.list(manager, { limit: 200, sort: undefined } as never);
    expect(report.items.length).toBeGreaterThan(10);
    const late = await database.db
      .selectFrom('tasks')
      .select('id')
      .where('status', '!=', 'done')
      .where('due_date', '<', '2026-11-27')
      .execute();
    const blocked = await database.db.selectFrom('tasks').select('id').where('status', '=', 'blocked').execute();
    expect(late.length).toBeGreaterThan(0);
    expect(blocked.length).toBeGreaterThan(0);
    const waiting = await database.db.selectFrom('projects').select('id').where('plan_status', '=', 'submitted').execute();
    expect(waiting.length).toBeGreaterThan(0);
    const overdue = await database.db
      .selectFrom('invoices')
      .select('id')
      .where('status', 'in', ['issued', 'partially_paid'])
      .where('due_date', '<', '2026-11-27')
      .execute();
    expect(overdue.length).toBeGreaterThan(0);
  });

  it('keeps promises: next steps of the past are done on their day, and only a few of the last weeks are overdue', async () => {
    const steps = await database.db.selectFrom('next_steps').select(['due_date', 'done_at']).execute();
    const open = steps.filter((s) => !s.done_at);
    const overdue = open.filter((s) => s.due_date !== null && s.due_date < '2026-11-27');
    expect(steps.length).toBeGreaterThan(200);
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.length).toBeLessThan(steps.length / 10);
    expect(overdue.every((s) => s.due_date! >= '2026-10-13')).toBe(true); // 45 days before the demo's today
    for (const s of steps.filter((x) => x.done_at)) expect(s.done_at!.slice(0, 10)).toBe(s.due_date);
  });

  it('gives each manager a Today to start from: an overdue next step and an invoice to chase, with their reasons', async () => {
    const { services, people } = seeded;
    for (const manager of people.managers) {
      const today = await services.today.read(manager);
      const overdue = today.groups.find((g) => g.group === 'overdue')!.items;
      expect(overdue.some((i) => i.kind === 'next_step_due' && /was due .+ overdue$/.test(i.reason))).toBe(true);
      expect(overdue.some((i) => i.kind === 'invoice_overdue' && /^Invoice .+ is \d+\u00a0days? overdue/.test(i.reason))).toBe(true);
    }
  });

  it('has draft acts made from delivered work, priced at the role rates', async () => {
    const acts = await database.db
      .selectFrom('documents')
      .select(['id', 'total_minor'])
      .where('kind', '=', 'act')
      .where('status', '=', 'draft')
      .execute();
    expect(acts.length).toBeGreaterThan(0);
    expect(acts.every((a) => Number(a.total_minor) > 0)).toBe(true);
    const sources = await database.db.selectFrom('act_sources').select('source_id').execute();
    expect(sources.length).toBeGreaterThanOrEqual(acts.length);
  });

  it('shows each portal client its recent status reports on any weekday, leaving the current period to the schedule', async () => {
    const { services } = seeded;
    // The 27th is a Friday: the Monday report's window of catch-up has closed, so the schedule sends nothing.
    expect(await services.scheduledReports.runDue()).toMatchObject({ sent: 0 });
    const clients = await database.db
      .selectFrom('users as u')
      .innerJoin('contacts as c', 'c.id', 'u.contact_id')
      .select(['u.id', 'c.account_id as accountId'])
      .where('u.role', '=', 'client')
      .execute();
    expect(clients).toHaveLength(2);
    for (const client of clients) {
      const actor = { id: client.id, role: 'client' as const, accountId: client.accountId };
      const reports = (await services.documents.list(actor, { kind: 'status_report', limit: 20, sort: '-createdAt' })).items;
      expect(reports.length).toBeGreaterThan(0);
      expect(reports.every((r) => r.status === 'sent' && r.accountId === client.accountId)).toBe(true);
      // Last week's report (16–22 November for a Monday schedule) is the schedule's own to send; the seeded ones end before it.
      expect(reports.every((r) => r.periodTo! < '2026-11-16')).toBe(true);
    }
  });

  it('briefs Russian-speaking clients in Russian and English-speaking ones in English', async () => {
    const projects = await database.db
      .selectFrom('projects')
      .innerJoin('accounts', 'accounts.id', 'projects.account_id')
      .select(['accounts.language', 'projects.brief_questions'])
      .execute();
    expect(new Set(projects.map((p) => p.language))).toEqual(new Set(['en', 'ru']));
    for (const p of projects) {
      const questions = (JSON.parse(p.brief_questions) as { text: string }[]).map((q) => q.text).join(' ');
      expect(/[а-яё]/i.test(questions), questions).toBe(p.language === 'ru');
    }
    const answers = await database.db
      .selectFrom('brief_answers')
      .innerJoin('projects', 'projects.id', 'brief_answers.project_id')
      .innerJoin('accounts', 'accounts.id', 'projects.account_id')
      .select(['accounts.language', 'brief_answers.answer'])
      .execute();
    expect(answers.length).toBeGreaterThan(0);
    for (const a of answers) expect(/[а-яё]/i.test(a.answer), a.answer).toBe(a.language === 'ru');
  });

  it('names Russian contacts as Russians are named: the surname agrees with the first name', async () => {
    const contacts = await database.db.selectFrom('contacts').select(['first_name', 'last_name']).execute();
    const russian = contacts.filter((c) => /[а-яё]/i.test(c.first_name));
    expect(russian.length).toBeGreaterThan(10);
    for (const c of russian) {
      const woman = /[ая]$/.test(c.first_name);
      expect(/а$/.test(c.last_name ?? ''), `${c.first_name} ${c.last_name}`).toBe(woman);
    }
  });

  it('tells the truth about delivery: finished projects are never late, rouble projects are priced in roubles', async () => {
    const { services, people } = seeded;
    const cards = (await services.deliveryReports.portfolio(people.admin, { scope: 'all' })).stages.flatMap((s) => s.projects);
    const finished = cards.filter((p) => p.stage === 'delivered' || p.stage === 'closed');
    expect(finished.length).toBeGreaterThan(0);
    expect(finished.every((p) => p.dueDate !== null && p.dueDate < '2026-11-27' && !p.late)).toBe(true);
    expect(cards.some((p) => p.late)).toBe(true);
    const roubles = cards.filter((p) => p.currency === 'RUB' && p.spentHours > 0);
    expect(roubles.length).toBeGreaterThan(0);
    expect(roubles.every((p) => p.budgetUsedMinor !== null && p.budgetUsedMinor > 0 && p.missingRates.length === 0)).toBe(true);
  });

  it('has a year of survey answers: an NPS of 30–45 agency-wide, and one account dipping lately', async () => {
    const answers = await database.db
      .selectFrom('surveys')
      .select(['account_id', 'kind', 'score', 'answered_at'])
      .where('answered_at', 'is not', null)
      .execute();
    const nps = (rows: typeof answers) => {
      const scores = rows.filter((r) => r.kind === 'nps').map((r) => r.score!);
      return Math.round((100 * (scores.filter((s) => s >= 9).length - scores.filter((s) => s <= 6).length)) / scores.length);
    };
    expect(answers.length).toBeGreaterThan(100);
    expect(nps(answers)).toBeGreaterThanOrEqual(30);
    expect(nps(answers)).toBeLessThanOrEqual(45);
    const recent = new Date(today.getTime() - 120 * 86_400_000).toISOString();
    const dipping = answers.filter((r) => r.account_id === seeded.accounts[1].id && r.answered_at! >= recent);
    expect(dipping.length).toBeGreaterThan(0);
    expect(dipping.every((r) => (r.kind === 'nps' ? r.score! <= 6 : r.score! <= 3))).toBe(true);
  });

  it('reads, on the cooperation analysis, an agency-wide NPS of 30–45 over the last twelve months with one quarter dipping', async () => {
    const report = await seeded.services.satisfactionReports.report(seeded.people.admin, {});
    expect(report.nps.months).toHaveLength(12);
    expect(report.nps.total.responses).toBeGreaterThan(100);
    expect(report.nps.total.nps).toBeGreaterThanOrEqual(30);
    expect(report.nps.total.nps).toBeLessThanOrEqual(45);
    // The twelve months as four quarters, each with the NPS of its answers together.
    const quarters = [0, 3, 6, 9].map((i) => {
      const months = report.nps.months.slice(i, i + 3);
      const [promoters, detractors, responses] = (['promoters', 'detractors', 'responses'] as const).map((k) =>
        months.reduce((sum, m) => sum + m[k], 0),
      );
      expect(responses).toBeGreaterThan(10);
      return (100 * (promoters - detractors)) / responses;
    });
    const lowest = Math.min(...quarters);
    expect(quarters.filter((q) => q === lowest)).toHaveLength(1);
    expect(quarters.filter((q) => q !== lowest).every((q) => q - lowest >= 10)).toBe(true);
  });

  it('has Silver, Gold and Platinum clients, moves that say why (a downgrade among them), referrals, and today left to evaluate', async () => {
    const { services, people, accounts } = seeded;
    const tiers = await services.loyaltyTiers.list(people.admin);
    expect(tiers.map((t) => t.name)).toEqual(['Silver', 'Gold', 'Platinum']);
    const standings = await Promise.all(
      accounts.filter((a) => a.status === 'active').map((a) => services.loyaltyStandings.get(people.admin, a.id)),
    );
    const held = new Map<string, number>();
    for (const s of standings) if (s.tier) held.set(s.tier.name, (held.get(s.tier.name) ?? 0) + 1);
    for (const name of ['Silver', 'Gold', 'Platinum']) expect(held.get(name), name).toBeGreaterThanOrEqual(2);
    expect(standings.every((s) => s.evaluatedAt && s.checks.length > 0)).toBe(true);

    const moves = await database.db.selectFrom('loyalty_moves').select(['account_id', 'direction', 'checks']).execute();
    expect(moves.filter((m) => m.direction === 'upgrade').length).toBeGreaterThan(held.size);
    const downgrades = moves.filter((m) => m.direction === 'downgrade');
    expect(downgrades.length).toBeGreaterThan(0);
    // The client with the open critical claim dropped to Silver, and its history says so with the count.
    const missed = (m: { checks: string }) => (JSON.parse(m.checks) as { rule: string; passed: boolean }[]).filter((c) => !c.passed);
    const claimed = downgrades.find((m) => missed(m).some((c) => c.rule === 'critical_claims'))!;
    const history = await services.loyaltyStandings.history(people.admin, claimed.account_id, { limit: 20 });
    const down = history.items.find((m) => m.direction === 'downgrade')!;
    expect(down.to?.name).toBe('Silver');
    expect(down.checks.filter((c) => !c.passed).map((c) => [c.rule, c.value])).toContainEqual(['critical_claims', 1]);

    const referrer = standings.find((s) => s.referrals.length > 0)!;
    expect(referrer.referrals).toHaveLength(2);
    expect(referrer.referrals.some((r) => r.reward !== null)).toBe(true);
    // The last run was yesterday: "Evaluate now" has today's evaluation to make.
    const run = await services.loyaltyEvaluation.evaluateNow(people.admin);
    expect(run.repeated).toBe(false);
    expect(run.evaluated).toBe(standings.length);
  });

  it("has two weeks of health snapshots, and a good client whose bad week shows as a fall on its owner's Today", async () => {
    const { services, people } = seeded;
    const days = await database.db.selectFrom('health_snapshots').select('day').distinct().orderBy('day').execute();
    expect(days).toHaveLength(15);
    expect(days.at(-1)!.day).toBe(today.toISOString().slice(0, 10));
    const anna = people.managers[0];
    const agenda = await services.today.read(anna);
    const drops = agenda.groups.flatMap((g) => g.items).filter((i) => i.kind === 'health_drop');
    const meridian = drops.find((i) => i.account?.name === 'Meridian Travel')!;
    // Fell from the high 80s by more than the 15-point alert, for the claim and the 1-of-5 answer.
    expect(meridian.reason).toMatch(/Health fell from 8\d to [0-6]\d/);
    expect(meridian.reason).toMatch(/critical/);
    expect(meridian.reason).toMatch(/CSAT/);
  });

  it('refuses to mix with existing data unless wiped', async () => {
    expect(await hasData(database.db)).toBe(true);
    await wipe(database.db, database.dialect);
    expect(await hasData(database.db)).toBe(false);
    expect(await count('projects')).toBe(0);
  });
});
