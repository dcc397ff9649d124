import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issuedInvoice } from '../../test/billing-fixtures.js';
import { createClaim } from '../../test/claim-fixtures.js';
import { createMilestone, createProject, createTask } from '../../test/delivery-fixtures.js';
import { createInteraction } from '../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { agendaItems as flat, agendaOfKind as byKind, moveClockTo, todayOf } from '../../test/today-fixtures.js';
import { buildWorld, type World } from '../../test/world.js';

const moveTo = (iso: string) => moveClockTo(t, w, iso);

let t: TestApp;
let w: World;
let invoiceA: { id: string; number: string | null };
let late: { id: string };
let blocked: { id: string };
let claimId: string;
let meetingId: string;
let projectId: string;
let milestoneId: string;
let unassignedId: string;
beforeAll(async () => {
  t = await createTestApp({ now: '2026-10-01T09:00:00.000Z' });
  w = await buildWorld(t);
  invoiceA = await issuedInvoice(w.as.owner, w.accountA.id, { issueDate: '2026-10-01' }); // due 2026-10-15
  await issuedInvoice(w.as.nonOwner, w.accountB.id, { issueDate: '2026-10-01' });
  const project = await createProject(w.as.owner, w.accountA.id, { name: 'Relaunch' });
  late = await createTask(w.as.owner, project.id, { title: 'Write the copy', dueDate: '2026-10-20', assigneeId: w.as.specialist.user.id });
  blocked = await createTask(w.as.owner, project.id, { title: 'Set up hosting', dueDate: '2026-11-20' });
  const res = await w.as.owner.patch(`/api/v1/tasks/${blocked.id}`, { status: 'blocked', blockedReason: 'Waiting for DNS access' });
  expect(res.statusCode, res.body).toBe(200);
  projectId = project.id;
  milestoneId = (await createMilestone(w.as.owner, project.id, 'Design signed off', '2026-10-20')).id;
  expect((await w.as.owner.post('/api/v1/requirements', { projectId, party: 'company', text: 'Pages load in 2 s' })).statusCode).toBe(201);
  expect((await w.as.owner.post('/api/v1/requirements', { projectId, party: 'company', text: 'Works offline' })).statusCode).toBe(201);
  const submitted = await w.as.owner.post(`/api/v1/projects/${project.id}/plan/submit`, {});
  expect(submitted.statusCode, submitted.body).toBe(200);
  unassignedId = (await t.createAccount(t.admin, { name: 'Nobody’s Ltd', status: 'active' })).id;
  await moveTo('2026-10-28T09:00:00.000Z');
  claimId = (await createClaim(w.as.owner, w.accountA.id, { severity: 'high' })).id;
  meetingId = (
    await createInteraction(w.as.owner, w.accountA.id, {
      type: 'meeting',
      summary: 'Design review',
      occurredAt: '2026-10-27T10:00:00.000Z',
    })
  ).id;
  await moveTo('2026-10-29T09:00:00.000Z');
});
afterAll(() => t.close());

describe('each module’s source on a constructed data set', () => {
  it('an overdue invoice: days, amount and the follow-up level in its key', async () => {
    const [item] = await byKind(w.as.owner, 'invoice_overdue');
    expect(item).toMatchObject({
      key: `invoice-overdue:${invoiceA.id}:14`,
      group: 'overdue',
      overdueDays: 14,
      severity: 'high',
      account: { id: w.accountA.id },
      record: { type: 'invoice', id: invoiceA.id, path: `/invoices/${invoiceA.id}` },
    });
    expect(item.reason).toMatch(new RegExp(`^Invoice ${invoiceA.number} is 14\u00a0days overdue — €1,\\d{3}\\.\\d{2} unpaid$`));
  });

  it('tasks late and blocked on the manager’s accounts; a specialist gets their own only', async () => {
    const tasks = flat(await todayOf(w.as.owner)).filter((i) => i.kind.startsWith('task_'));
    expect(tasks.map((i) => [i.kind, i.record.id, i.group])).toEqual([
      ['task_late', late.id, 'overdue'],
      ['task_blocked', blocked.id, 'today'],
    ]);
    expect(tasks[0].reason).toBe('Task “Write the copy” in Relaunch was due 20 Oct 2026 — 9\u00a0days late');
    expect(tasks[1].reason).toBe('Task “Set up hosting” in Relaunch is blocked: Waiting for DNS access');
    expect(flat(await todayOf(w.as.specialist)).map((i) => i.record.id)).toEqual([late.id]);
  });

  it('a claim past its deadline to answer; the admin sees the breach too', async () => {
    const [claim] = await byKind(w.as.owner, 'claim_deadline');
    expect(claim).toMatchObject({ key: `claim:${claimId}:respond`, severity: 'critical', record: { path: `/claims/${claimId}` } });
    expect(claim.reason).toBe('A high claim was not answered by its deadline 28 Oct 2026');
    expect((await byKind(t.admin, 'claim_deadline')).map((i) => i.record.id)).toEqual([claimId]);
  });

  it('a meeting with no outcome, and an account with no contact longer than its cadence', async () => {
    const [meeting] = await byKind(w.as.owner, 'meeting_without_outcome');
    expect(meeting).toMatchObject({ key: `meeting-outcome:${meetingId}`, due: '2026-10-27' });
    expect(meeting.reason).toBe('The meeting of 27 Oct 2026 has no outcome logged: “Design review”');
    // B's only contact is its kick-off of 1 March: over the 30 days of a prospect.
    const [quiet] = await byKind(w.as.nonOwner, 'no_recent_contact');
    expect(quiet).toMatchObject({
      key: `no-contact:${w.accountB.id}:2026-03-01`,
      due: '2026-03-31',
      actions: ['log_call', 'done', 'snooze', 'dismiss'],
    });
    expect(quiet.reason).toBe('No contact for 242\u00a0days (last on 1 Mar 2026); prospect accounts are contacted every 30\u00a0days');
    // A was met two days ago: no item.
    expect(await byKind(w.as.owner, 'no_recent_contact')).toEqual([]);
  });

  it('a late milestone, a brief, a plan and requirements waiting for the client longer than the setting', async () => {
    const items = flat(await todayOf(w.as.owner)).filter((i) => i.record.type === 'project');
    expect(items.map((i) => [i.kind, i.key, i.due])).toEqual([
      ['brief_unanswered', `brief-waiting:${projectId}:2026-10-01`, '2026-10-06'],
      ['plan_waiting', `plan-waiting:${projectId}:2026-10-01`, '2026-10-06'],
      ['requirement_waiting', `requirements-waiting:${projectId}:2026-10-01`, '2026-10-06'],
      ['milestone_late', `milestone-late:${milestoneId}:2026-10-20`, '2026-10-20'],
    ]);
    expect(items.map((i) => i.reason)).toEqual([
      'The brief of Relaunch has waited 28\u00a0days for the client’s answers',
      'The plan of Relaunch has waited 28\u00a0days for the client’s approval',
      '2 requirements of Relaunch have waited up to 28\u00a0days for the client to agree',
      'Milestone “Design signed off” of Relaunch was due 20 Oct 2026 and is not done — 9\u00a0days late',
    ]);
  });

  it('an admin sees the accounts nobody looks after', async () => {
    const items = await byKind(t.admin, 'account_unassigned');
    expect(items.map((i) => [i.key, i.severity, i.reason])).toEqual([
      [`unassigned:${unassignedId}`, 'high', 'Nobody’s Ltd (active) has no account manager'],
    ]);
    expect(await byKind(w.as.owner, 'account_unassigned')).toEqual([]);
  });

  it('a credit limit exceeded in the account’s currency', async () => {
    const res = await w.as.owner.patch(`/api/v1/accounts/${w.accountA.id}`, { creditLimitMinor: 50_000 });
    expect(res.statusCode, res.body).toBe(200);
    const [over] = await byKind(w.as.owner, 'credit_limit_exceeded');
    expect(over).toMatchObject({ key: `credit-limit:${w.accountA.id}:50000`, group: 'today', severity: 'high' });
    expect(over.reason).toMatch(/^€1,\d{3}\.\d{2} owed, over the credit limit of €500\.00$/);
  });

  it('finance gets the money items of every account and nothing else', async () => {
    const items = flat(await todayOf(w.as.finance));
    expect(new Set(items.map((i) => i.account?.id))).toEqual(new Set([w.accountA.id, w.accountB.id]));
    expect(new Set(items.map((i) => i.kind))).toEqual(new Set(['invoice_overdue', 'credit_limit_exceeded']));
  });

  it('a snoozed invoice comes back when it reaches the next follow-up level', async () => {
    const key = `invoice-overdue:${invoiceA.id}:14`;
    expect((await w.as.owner.post(`/api/v1/today/${encodeURIComponent(key)}/snooze`, { until: '2026-11-30' })).statusCode).toBe(204);
    await moveTo('2026-11-05T09:00:00.000Z');
    expect((await byKind(w.as.owner, 'invoice_overdue')).map((i) => i.key)).toEqual([]);
    await moveTo('2026-11-14T09:00:00.000Z'); // 30 days overdue
    expect((await byKind(w.as.owner, 'invoice_overdue')).map((i) => i.key)).toEqual([`invoice-overdue:${invoiceA.id}:30`]);
  });

  it('a manager never sees another manager’s account items', async () => {
    const mine = flat(await todayOf(w.as.owner));
    expect(mine.length).toBeGreaterThan(3);
    expect(mine.every((i) => i.account?.id === w.accountA.id)).toBe(true);
    expect(flat(await todayOf(w.as.nonOwner)).every((i) => i.account?.id === w.accountB.id)).toBe(true);
  });

  it('the payment desk’s follow-ups: the call given to the manager, the reminder sent, work stopped', async () => {
    const accountC = await t.createAccount(t.admin, { name: 'Gamma Foods', ownerId: w.as.owner.user.id, status: 'active' });
    const invoiceC = await issuedInvoice(w.as.owner, accountC.id, { issueDate: '2026-11-14' }); // due 2026-11-28
    await moveTo('2026-12-05T09:00:00.000Z'); // C 7 days overdue: a reminder and a call; A 51 days: work stops
    const run = await t.admin.post('/api/v1/follow-ups/run');
    expect(run.statusCode, run.body).toBe(200);
    const mine = flat(await todayOf(w.as.owner));
    const call = mine.find((i) => i.kind === 'payment_desk_action' && i.account?.id === accountC.id);
    expect(call).toMatchObject({
      actions: ['log_call', 'complete_billing_action', 'done', 'snooze', 'dismiss'],
      record: { type: 'billing_action' },
    });
    expect(call!.reason).toMatch(/^Payment desk: .*Gamma Foods/);
    const invoice = mine.find((i) => i.kind === 'invoice_overdue' && i.record.id === invoiceC.id);
    expect(invoice).toMatchObject({ key: `invoice-overdue:${invoiceC.id}:7` });
    expect(invoice!.reason).toMatch(/is 7\u00a0days overdue — .+ unpaid, reminder sent 5 Dec 2026$/);
    const stopped = mine.find((i) => i.kind === 'work_stopped');
    expect(stopped).toMatchObject({
      key: `work-stopped:${w.accountA.id}:2026-12-05`,
      severity: 'critical',
      account: { id: w.accountA.id },
    });
    // Done on the payment desk: off Today.
    expect((await w.as.owner.post(`/api/v1/billing-actions/${call!.record.id}/done`)).statusCode).toBe(200);
    expect(flat(await todayOf(w.as.owner)).map((i) => i.key)).not.toContain(call!.key);
  });
});
