import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SatisfactionRecord, SatisfactionReport } from '../../../common/schemas/satisfaction-report.js';
import { issuedInvoice, pay } from '../../test/billing-fixtures.js';
import { createClaim, moveClaim, RESOLVE } from '../../test/claim-fixtures.js';
import { createMilestone, createProject, createTask } from '../../test/delivery-fixtures.js';
import { expectProblem } from '../../test/fixtures.js';
import { createTestApp, type Caller, type TestApp } from '../../test/harness.js';
import { buildWorld, type World } from '../../test/world.js';

const NOW = '2026-06-15T09:00:00.000Z';
const PERIOD = '?from=2026-03&to=2026-05';
let t: TestApp;
let w: World;
let seq = 0;
const ids: Record<string, string> = {};

/** An answered survey, written as the surveys module stores one: the constructed data the arithmetic is checked on. */
async function answer(
  accountId: string,
  contactId: string,
  kind: 'nps' | 'csat',
  score: number,
  answeredAt: string,
  extra: { projectId?: string; milestoneId?: string; comment?: string } = {},
) {
  const id = `survey-${++seq}`;
  await t.database.db
    .insertInto('surveys')
    .values({
      id,
      created_at: answeredAt,
      updated_at: answeredAt,
      account_id: accountId,
      project_id: extra.projectId ?? null,
      contact_id: contactId,
      kind,
      trigger: 'manual',
      language: 'en',
      token_hash: null,
      sent_at: answeredAt,
      expires_at: answeredAt,
      score,
      comment: extra.comment ?? null,
      answered_at: answeredAt,
      sent_by_id: null,
      milestone_id: extra.milestoneId ?? null,
      email_id: null,
    })
    .execute();
  return id;
}

/** A claim registered at `at`, responded `respond` hours later and resolved `resolve` hours later with a root cause. */
async function claimAt(accountId: string, at: string, category: string, respond?: number, resolve?: { hours: number; rootCause: string }) {
  const start = Date.parse(at);
  const by = accountId === w.accountA.id ? w.as.owner : w.as.nonOwner;
  t.clock.set(at);
  const claim = await createClaim(by, accountId, { category, severity: 'medium' });
  if (respond !== undefined) {
    t.clock.set(new Date(start + respond * 3600_000).toISOString());
    await moveClaim(by, claim.id, { status: 'in_progress' });
  }
  if (resolve) {
    t.clock.set(new Date(start + resolve.hours * 3600_000).toISOString());
    await moveClaim(by, claim.id, { ...RESOLVE, rootCause: resolve.rootCause });
  }
  t.clock.set(NOW);
  return claim.id;
}

/**
 * The constructed quarter (March to May 2026, today 15 June, agency in UTC). Alpha Works
 * (owner): NPS answers in April and May, CSAT on an SEO and a design project, four claims, a
 * late milestone and task, an invoice paid late and one overdue. Beta Studio (nonOwner): three
 * April NPS answers and a claim. March has no answer at all.
 */
beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  w = await buildWorld(t);
  const [a, b, ca, cb] = [w.accountA.id, w.accountB.id, w.contactA.id, w.contactB.id];
  const s1 = w.as.specialist.user.id;
  const s2 = (await t.signIn('specialist', { name: 'Second Specialist' })).user.id;
  ids.s1 = s1;
  ids.s2 = s2;

  // NPS. Alpha: one promoter in April; May 10, 9, 10, 8, 7, 8, 6, 2 → (3 − 2) / 8 = 12.5 % → 13.
  await answer(a, ca, 'nps', 10, '2026-04-03T10:00:00.000Z');
  for (const [i, score] of [10, 9, 10, 8, 7, 8, 6, 2].entries()) {
    await answer(a, ca, 'nps', score, `2026-05-${String(i + 2).padStart(2, '0')}T10:00:00.000Z`, {
      comment: score <= 6 ? `Reports arrive late ${i}` : undefined,
    });
  }
  // Beta in April: 0, 5, 7. Outside the period: February and June.
  for (const score of [0, 5, 7]) await answer(b, cb, 'nps', score, '2026-04-20T10:00:00.000Z');
  await answer(a, ca, 'nps', 0, '2026-02-27T10:00:00.000Z');
  await answer(a, ca, 'nps', 0, '2026-06-01T00:00:00.000Z');

  // CSAT. The SEO project has a task of each specialist, the second's on the milestone.
  const seo = await createProject(w.as.owner, a, { name: 'SEO sprint', kind: 'seo' });
  const design = await createProject(w.as.owner, a, { name: 'Logo', kind: 'design' });
  ids.seo = seo.id;
  ids.design = design.id;
  const milestone = await createMilestone(w.as.owner, seo.id, 'Audit delivered', '2026-04-20');
  ids.milestone = milestone.id;
  await createTask(w.as.owner, seo.id, { assigneeId: s1, dueDate: '2026-05-05', title: 'Keyword map' });
  await createTask(w.as.owner, seo.id, { assigneeId: s2, milestoneId: milestone.id, dueDate: '2026-07-01', title: 'Audit' });
  const onTime = await createTask(w.as.owner, design.id, { assigneeId: s1, dueDate: '2026-05-10', title: 'Sketches' });
  const lateDone = await createTask(w.as.owner, design.id, { assigneeId: s1, dueDate: '2026-05-10', title: 'Vector logo' });
  await t.database.db.updateTable('tasks').set({ status: 'done', done_on: '2026-05-09' }).where('id', '=', onTime.id).execute();
  await t.database.db.updateTable('tasks').set({ status: 'done', done_on: '2026-05-13' }).where('id', '=', lateDone.id).execute();
  await answer(a, ca, 'csat', 5, '2026-04-10T10:00:00.000Z', { projectId: seo.id });
  await answer(a, ca, 'csat', 4, '2026-04-11T10:00:00.000Z', { projectId: seo.id });
  await answer(a, ca, 'csat', 1, '2026-04-21T10:00:00.000Z', {
    projectId: seo.id,
    milestoneId: milestone.id,
    comment: 'The audit missed half the site',
  });
  await answer(a, ca, 'csat', 2, '2026-05-20T10:00:00.000Z', { projectId: design.id, comment: 'Too many rounds' });
  await answer(a, ca, 'csat', 3, '2026-05-21T10:00:00.000Z');

  // Claims (medium: respond within 24 h, resolve within 120 h).
  ids.c1 = await claimAt(a, '2026-04-01T08:00:00.000Z', 'quality', 2, { hours: 100, rootCause: 'no_review' });
  ids.c2 = await claimAt(a, '2026-04-05T08:00:00.000Z', 'quality', 30, { hours: 130, rootCause: 'no_review' });
  ids.c3 = await claimAt(a, '2026-04-09T08:00:00.000Z', 'deadline', 10, { hours: 50, rootCause: 'underestimated' });
  ids.c4 = await claimAt(a, '2026-05-01T08:00:00.000Z', 'quality');
  ids.c5 = await claimAt(b, '2026-05-03T08:00:00.000Z', 'communication', 5);
  await claimAt(a, '2026-02-10T08:00:00.000Z', 'billing');

  // Invoices: one due in April paid 9 days late; one due in May still owed.
  t.clock.set('2026-03-20T09:00:00.000Z');
  const paidLate = await issuedInvoice(t.admin, a, { issueDate: '2026-03-20' });
  ids.paidLate = paidLate.id;
  t.clock.set('2026-05-01T09:00:00.000Z');
  const owed = await issuedInvoice(t.admin, a, { issueDate: '2026-05-01' });
  ids.owed = owed.id;
  t.clock.set(NOW);
  const due = paidLate.dueDate!;
  const plusDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  await pay(t.admin, paidLate.id, paidLate.totalMinor, plusDays(due, 9));
  ids.owedTotal = String(owed.totalMinor);
  ids.currency = owed.currency;
});
afterAll(() => t.close());

const report = async (by: Caller, query = PERIOD): Promise<SatisfactionReport> => {
  const res = await by.get(`/api/v1/reports/satisfaction${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

const records = async (by: Caller, drill: Record<string, string>, query = PERIOD): Promise<SatisfactionRecord[]> => {
  const res = await by.get(`/api/v1/reports/satisfaction/records${query}&${new URLSearchParams(drill).toString()}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: SatisfactionRecord[] }>().items;
};

describe('the NPS trend', () => {
  it('counts each month’s promoters, passives and detractors; a month without answers has no NPS, not 0', async () => {
    const r = await report(t.admin);
    expect(r.nps.months.map((m) => [m.month, m.promoters, m.passives, m.detractors, m.responses, m.nps])).toEqual([
      ['2026-03', 0, 0, 0, 0, null],
      ['2026-04', 1, 1, 2, 4, -25],
      ['2026-05', 3, 3, 2, 8, 13],
    ]);
    expect(r.nps.total).toEqual({ promoters: 4, passives: 4, detractors: 4, responses: 12, nps: 0 });
  });

  it('gives one answer its whole weight, and reads only the account asked for', async () => {
    const alpha = await report(w.as.owner, `${PERIOD}&account=${w.accountA.id}`);
    expect(alpha.nps.months.map((m) => m.nps)).toEqual([null, 100, 13]);
    const april = await records(w.as.owner, alpha.nps.months[1].drill, `${PERIOD}&account=${w.accountA.id}`);
    expect(april.map((a) => a.score)).toEqual([10]);
  });
});

describe('CSAT', () => {
  it('averages by project, kind of work and the specialists who worked on it, lowest first', async () => {
    const { csat } = await report(t.admin);
    expect(csat.total).toEqual({ responses: 5, average: 3, low: 2 });
    expect(csat.byProject.map((p) => [p.name, p.responses, p.average, p.low])).toEqual([
      ['Logo', 1, 2, 1],
      ['SEO sprint', 3, 3.33, 1],
    ]);
    expect(csat.byWorkKind.map((k) => [k.workKind, k.responses, k.average])).toEqual([
      ['design', 1, 2],
      ['seo', 3, 3.33],
    ]);
    // The milestone's answer (1) counts for the second specialist alone; the design answer for the first.
    expect(csat.bySpecialist.map((s) => [s.userId, s.responses, s.average])).toEqual([
      [ids.s2, 3, 3.33],
      [ids.s1, 3, 3.67],
    ]);
    const second = await records(t.admin, { kind: 'answers', surveyKind: 'csat', specialistId: ids.s2 });
    expect(second.map((a) => a.score).sort()).toEqual([1, 4, 5]);
  });
});

describe('claims', () => {
  it('ranks categories and root causes with their cumulative percent', async () => {
    const { claims } = await report(t.admin);
    expect(claims.total).toBe(5);
    expect(claims.byCategory.map((c) => [c.key, c.name, c.claims, c.cumulativePercent])).toEqual([
      ['quality', 'Quality', 3, 60],
      ['communication', 'Communication', 1, 80],
      ['deadline', 'Deadline', 1, 100],
    ]);
    expect(claims.byRootCause.map((c) => [c.key, c.claims, c.cumulativePercent])).toEqual([
      ['no_review', 2, 66.7],
      ['underestimated', 1, 100],
    ]);
    const quality = await records(t.admin, claims.byCategory[0].drill);
    expect(quality.map((c) => c.id).sort()).toEqual([ids.c1, ids.c2, ids.c4].sort());
    const noReview = await records(t.admin, { kind: 'claims', rootCause: 'no_review' });
    expect(noReview.map((c) => [c.id, c.rootCause])).toEqual([
      [ids.c2, 'No review before delivery'],
      [ids.c1, 'No review before delivery'],
    ]);
  });

  it('measures response and resolution against their deadlines', async () => {
    const { claims } = await report(t.admin);
    // Responded after 2, 30, 10 and 5 hours; c4 never.
    expect(claims.respond).toMatchObject({
      due: 5,
      met: 3,
      late: 1,
      open: 1,
      breaches: 2,
      withinShare: 0.75,
      medianHours: 7.5,
      averageHours: 11.8,
    });
    // Resolved after 100, 130 and 50 hours; c4 and c5 not yet, both past 120 hours.
    expect(claims.resolve).toMatchObject({ due: 5, met: 2, late: 1, open: 2, breaches: 3, medianHours: 100, averageHours: 93.3 });
    const breached = await records(t.admin, claims.respond.drill);
    expect(breached.map((c) => c.id).sort()).toEqual([ids.c2, ids.c4].sort());
    const resolvedInTime = await records(t.admin, { kind: 'claims', met: 'resolve' });
    expect(resolvedInTime.map((c) => c.id).sort()).toEqual([ids.c1, ids.c3].sort());
  });
});

describe('late work, payments and the causes', () => {
  it('lists each account’s late milestones and tasks, invoices paid late and what is overdue per currency', async () => {
    const { accounts } = await report(w.as.owner);
    expect(accounts).toEqual([
      expect.objectContaining({
        accountId: w.accountA.id,
        lateMilestones: 1,
        lateTasks: 2,
        paidLate: 1,
        averageDaysLate: 9,
        overdue: [{ currency: ids.currency, invoices: 1, amountMinor: Number(ids.owedTotal) }],
      }),
    ]);
    const tasks = await records(w.as.owner, accounts[0].drill.tasks);
    expect(tasks.map((r) => [r.title, r.daysLate])).toEqual([
      ['Vector logo', 3],
      ['Keyword map', 41],
    ]);
    const invoices = await records(w.as.owner, { kind: 'invoices' });
    expect(invoices.map((r) => r.id)).toEqual([ids.owed, ids.paidLate]);
  });

  it('ranks the causes of dissatisfaction with their counts and low answers’ comments', async () => {
    const { causes } = await report(t.admin);
    const low = causes.find((c) => c.source === 'low_answers' && c.key === 'none')!;
    // Detractors 6, 2 (Alpha) and 0, 5 (Beta), and the CSAT of 3 is not low.
    expect(low).toMatchObject({ count: 4, accounts: 2, comments: ['Reports arrive late 7', 'Reports arrive late 6'] });
    expect(causes.find((c) => c.key === 'no_review')).toMatchObject({ source: 'root_cause', count: 2, accounts: 1 });
    expect(causes.find((c) => c.key === 'tasks')).toMatchObject({ source: 'late_delivery', count: 2 });
    expect(causes.map((c) => c.count)).toEqual([...causes.map((c) => c.count)].sort((x, y) => y - x));
    const lowRecords = await records(t.admin, low.drill);
    expect(lowRecords).toHaveLength(4);
  });
});

describe('who reads the report', () => {
  it('a manager reads their own accounts; admins and finance all; specialists and clients none', async () => {
    expect((await report(w.as.owner)).claims.total).toBe(4);
    expect((await report(w.as.nonOwner)).claims.total).toBe(1);
    expect((await report(w.as.finance)).claims.total).toBe(5);
    expect((await report(t.admin, `${PERIOD}&owner=${w.as.nonOwner.user.id}`)).claims.total).toBe(1);
    expectProblem(await w.as.owner.get(`/api/v1/reports/satisfaction?owner=${w.as.nonOwner.user.id}`), 403);
    expectProblem(await w.as.owner.get(`/api/v1/reports/satisfaction?account=${w.accountB.id}`), 404);
    expectProblem(await w.as.owner.get(`/api/v1/reports/satisfaction/records?kind=claims&account=${w.accountB.id}`), 404);
    for (const who of [w.as.specialist, w.as.clientA]) {
      expectProblem(await who.get('/api/v1/reports/satisfaction'), 403);
      expectProblem(await who.get('/api/v1/reports/satisfaction/records?kind=claims'), 403);
    }
    // A manager's drill-down stays within their accounts too.
    expect((await records(w.as.nonOwner, { kind: 'claims' })).map((c) => c.id)).toEqual([ids.c5]);
  });
});

describe('a bad query', () => {
  it.each([
    ['a month that does not exist', '/reports/satisfaction?from=2026-13', 'from'],
    ['a period ending before it starts', '/reports/satisfaction?from=2026-10&to=2026-09-30', 'to'],
    ['a period longer than three years', '/reports/satisfaction?from=2023-01&to=2026-01', 'to'],
    ['an account and a manager at once', `/reports/satisfaction?account=x&owner=me`, 'owner'],
    ['records without a kind', '/reports/satisfaction/records', 'kind'],
    ['records of an unknown kind', '/reports/satisfaction/records?kind=deals', 'kind'],
    ['an unknown band', '/reports/satisfaction/records?kind=answers&band=angry', 'band'],
    ['a tampered cursor', '/reports/satisfaction/records?kind=claims&cursor=abc', 'cursor'],
  ])('answers %s with a 400', async (_what, url, field) => {
    expectProblem(await t.admin.get(`/api/v1${url}`), 400, field);
  });
});
