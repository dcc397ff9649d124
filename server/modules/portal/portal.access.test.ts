import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../../common/schemas/account.js';
import type { Document } from '../../../common/schemas/document.js';
import type { Invoice } from '../../../common/schemas/invoice.js';
import type { Project } from '../../../common/schemas/project.js';
import { issuedInvoice, pay } from '../../test/billing-fixtures.js';
import { createMilestone, createProject, createTask } from '../../test/delivery-fixtures.js';
import { createDocument, sendDocument } from '../../test/document-fixtures.js';
import { createInteraction, TINY_JPEG, TINY_PNG } from '../../test/fixtures.js';
import { createTestApp, type Caller, type TestApp } from '../../test/harness.js';
import { buildWorld, type World } from '../../test/world.js';

/*
 * The portal access matrix: every endpoint the portal calls, as a client user, against their
 * own company (allowed), another company (404, as if it did not exist) and the internal fields
 * that must never be in an answer (notes, hours, rates, margins, interactions, the team).
 */

let t: TestApp;
let w: World;

/** What one company has: work, paperwork and money, with internal facts beside them. */
interface Company {
  account: Account;
  project: Project;
  requirements: [string, string];
  acts: [Document, Document];
  invoice: Invoice;
  secret: string;
  /** The agency's message in the company's Requests thread. */
  message: string;
}
let A: Company;
let B: Company;

/** Internal facts that no client answer may contain, whatever the company. */
const INTERNAL_TASK = 'Internal task: twelve hours of link building';
/** Keys of staff-only facts (hours, rates, costs, margins, capacity); the client's answers carry none of them. */
const INTERNAL_KEYS = new Set([
  'estimateHours',
  'spentHours',
  'remainingHours',
  'hoursLeft',
  'capacityHours',
  'capacityHoursPerWeek',
  'hourlyRateMinor',
  'roleRates',
  'missingRates',
  'cost',
  'costMinor',
  'margin',
  'marginMinor',
  'specialties',
]);

function internalKeysIn(value: unknown, path = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => internalKeysIn(v, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => {
    const here = `${path}.${k}`;
    const own = INTERNAL_KEYS.has(k) || (k === 'team' && Array.isArray(v) && v.length > 0) ? [here] : [];
    return [...own, ...internalKeysIn(v, here)];
  });
}

async function company(owner: Caller, account: Account, contactId: string, tag: string): Promise<Company> {
  const project = await createProject(owner, account.id, { name: `${tag} relaunch`, stage: 'planning', budgetMinor: 900_000 });
  await createMilestone(owner, project.id, `${tag} audit`, '2026-04-01');
  expect((await owner.post(`/api/v1/projects/${project.id}/plan/submit`)).statusCode).toBe(200);
  const requirement = async (text: string) =>
    (await owner.post('/api/v1/requirements', { projectId: project.id, party: 'client', text })).json<{ id: string }>().id;
  const requirements: [string, string] = [await requirement(`${tag}: give CMS access`), await requirement(`${tag}: send the logo`)];
  await createTask(owner, project.id, { title: `${INTERNAL_TASK} (${tag})`, estimateHours: 12, spentHours: 12 });
  const secret = `Internal note on ${tag}: keep the rate at 9000, margin 40%`;
  await createInteraction(owner, account.id, { type: 'note', summary: secret });
  const sentAct = async () => {
    const act = await createDocument(owner, account.id, { kind: 'act' });
    const res = await sendDocument(owner, act.id, [contactId]);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ document: Document }>().document;
  };
  const acts: [Document, Document] = [await sentAct(), await sentAct()];
  const report = await createDocument(owner, account.id, { kind: 'status_report', projectId: project.id });
  expect((await sendDocument(owner, report.id, [contactId])).statusCode).toBe(200);
  const invoice = await issuedInvoice(t.admin, account.id, { issueDate: '2026-02-01' });
  await pay(t.admin, invoice.id, 10_000, '2026-02-10');
  const message = `${tag}: the launch moves to May`;
  expect((await owner.post('/api/v1/messages', { accountId: account.id, body: message })).statusCode).toBe(201);
  return { account, project, requirements, acts, invoice, secret, message };
}

beforeAll(async () => {
  t = await createTestApp({ now: '2026-03-10T10:00:00.000Z' });
  w = await buildWorld(t);
  const phone = await t.admin.patch(`/api/v1/users/${w.as.owner.user.id}`, { phone: '+44 20 7946 0001' });
  expect(phone.statusCode, phone.body).toBe(200);
  const details = await t.admin.patch('/api/v1/settings/agency', {
    name: 'Northwind',
    legalName: { en: 'Northwind Digital Ltd', ru: 'ООО «Нордвинд Диджитал»' },
    bankDetails: { en: 'IBAN GB33 BUKB 2020 1555 5555 55', ru: 'р/с 40702810900000000001 в АО «Банк»' },
    taxId: '7701234567',
  });
  expect(details.statusCode, details.body).toBe(200);
  A = await company(w.as.owner, w.accountA, w.contactA.id, 'Alpha');
  B = await company(w.as.nonOwner, w.accountB, w.contactB.id, 'Beta');
});
afterAll(() => t.close());

/** Names and ids of the other company and of staff who are not the client's managers, and every internal fact. */
const hiddenFromA = () => [
  B.account.id,
  B.project.id,
  B.project.name,
  B.invoice.id,
  ...B.acts.map((d) => d.id),
  ...B.requirements,
  A.secret,
  B.secret,
  INTERNAL_TASK,
  w.interactionA.summary,
  w.as.nonOwner.user.name,
  w.as.specialist.user.name,
  w.as.finance.user.name,
  w.as.specialist.user.email,
];

/** A client's 200 answer: none of what is hidden from them, no internal key, no team. */
function expectClientSafe(res: LightMyRequestResponse, what: string) {
  expect(res.statusCode, `${what}: ${res.body}`).toBe(200);
  for (const hidden of hiddenFromA()) expect(res.body, `${what} shows ${hidden}`).not.toContain(hidden);
  if ((res.headers['content-type'] ?? '').toString().includes('json')) expect(internalKeysIn(res.json()), what).toEqual([]);
}

/** Reads of one company's record: the client's own answers 200 and client-safe, another company's 404. */
const READS: Array<[string, (c: Company) => string]> = [
  ['the project', (c) => `/api/v1/projects/${c.project.id}`],
  ['its milestones', (c) => `/api/v1/milestones?projectId=${c.project.id}`],
  ['its requirements', (c) => `/api/v1/requirements?projectId=${c.project.id}`],
  ['its brief', (c) => `/api/v1/projects/${c.project.id}/brief`],
  ['a sent act', (c) => `/api/v1/documents/${c.acts[0].id}`],
  ['the act’s PDF', (c) => `/api/v1/documents/${c.acts[0].id}/pdf`],
  ['an issued invoice', (c) => `/api/v1/invoices/${c.invoice.id}`],
  ['the invoice’s PDF', (c) => `/api/v1/invoices/${c.invoice.id}/pdf`],
  ['the statement', (c) => `/api/v1/accounts/${c.account.id}/statement?from=2026-01-01`],
  ['the statement as CSV', (c) => `/api/v1/accounts/${c.account.id}/statement.csv?from=2026-01-01`],
  ['the company’s requests', (c) => `/api/v1/messages?accountId=${c.account.id}`],
];

/** Lists and the portal's own pages: the client's company only (null: the same answer for every client). */
const LISTS: Array<[string, string, (c: Company) => string | null]> = [
  ['Home', '/api/v1/portal/home', (c) => c.project.id],
  ['Projects', '/api/v1/projects?limit=200', (c) => c.project.id],
  ['Documents', '/api/v1/documents?limit=200', (c) => c.acts[0].id],
  ['Invoices', '/api/v1/invoices?limit=200', (c) => c.invoice.id],
  ['a project’s status reports', '/api/v1/documents?kind=status_report&limit=200', (c) => c.project.id],
  ['Your manager', '/api/v1/portal/manager', () => w.as.owner.user.email],
  ['How to pay', '/api/v1/portal/payment-details', () => null],
  ['Requests', '/api/v1/messages', (c) => c.message],
  ['Notification choices', '/api/v1/portal/notification-preferences', () => null],
];

describe('the portal access matrix, as a client user', () => {
  it.each(READS)('%s: own company 200 and client-safe, another company 404', async (what, url) => {
    expectClientSafe(await w.as.clientA.get(url(A)), what);
    expect((await w.as.clientA.get(url(B))).statusCode, what).toBe(404);
  });

  it.each(LISTS)('%s lists the own company’s records only, with no internal field', async (what, url, ownMark) => {
    const res = await w.as.clientA.get(url);
    expectClientSafe(res, what);
    const mark = ownMark(A);
    if (mark === null) return;
    expect(res.body, what).toContain(mark);
    expect((await w.as.clientB.get(url)).body, what).not.toContain(mark);
  });

  it('the project shows no budget unless shared and never its team; the milestone keeps its price; another project’s reports are none', async () => {
    const project = (await w.as.clientA.get(`/api/v1/projects/${A.project.id}`)).json<Project>();
    expect(project).toMatchObject({ budgetMinor: null, team: [] });
    const reports = await w.as.clientA.get(`/api/v1/documents?projectId=${B.project.id}&kind=status_report`);
    expect(reports.json().items).toEqual([]);
    const milestones = (await w.as.clientA.get(`/api/v1/milestones?projectId=${A.project.id}`)).json<{ items: object[] }>();
    expect(milestones.items[0]).toHaveProperty('priceMinor');
  });

  it('the statement lists the company’s invoice and payment with the running balance', async () => {
    const s = (await w.as.clientA.get(`/api/v1/accounts/${A.account.id}/statement?from=2026-01-01`)).json();
    expect(s.entries.map((e: { type: string; invoiceId: string }) => [e.type, e.invoiceId])).toEqual([
      ['invoice', A.invoice.id],
      ['payment', A.invoice.id],
    ]);
    expect(s.closingBalanceMinor).toBe(A.invoice.totalMinor - 10_000);
  });

  const WRITES: Array<[string, (c: Company) => [string, object]]> = [
    ['approve the plan', (c) => [`/api/v1/projects/${c.project.id}/plan/approve`, {}]],
    ['agree to a requirement', (c) => [`/api/v1/requirements/${c.requirements[0]}/agree`, {}]],
    ['decline a requirement', (c) => [`/api/v1/requirements/${c.requirements[1]}/reject`, { note: 'Not now' }]],
    ['sign an act', (c) => [`/api/v1/documents/${c.acts[0].id}/sign`, { fullName: 'Anna Client', consent: true }]],
    ['decline an act', (c) => [`/api/v1/documents/${c.acts[1].id}/decline`, { reason: 'Wrong period' }]],
  ];

  it.each(WRITES)('may %s of the own company only: another company’s answers 404 and stays as it was', async (what, request) => {
    const [otherUrl, body] = request(B);
    expect((await w.as.clientA.post(otherUrl, body)).statusCode, what).toBe(404);
    const [ownUrl, ownBody] = request(A);
    expectClientSafe(await w.as.clientA.post(ownUrl, ownBody), what);
  });

  it('leaves the other company’s plan, requirements and acts untouched', async () => {
    expect((await w.as.nonOwner.get(`/api/v1/projects/${B.project.id}`)).json().planStatus).toBe('submitted');
    const requirements = (await w.as.nonOwner.get(`/api/v1/requirements?projectId=${B.project.id}`)).json<{
      items: { status: string }[];
    }>();
    expect(requirements.items.map((r) => r.status)).toEqual(['proposed', 'proposed']);
    for (const act of B.acts) expect((await w.as.nonOwner.get(`/api/v1/documents/${act.id}`)).json().status).toBe('sent');
  });

  it('answers and sends the brief of the own company only', async () => {
    const url = (c: Company) => `/api/v1/projects/${c.project.id}/brief`;
    const { questions } = (await w.as.clientA.get(url(A))).json<{ questions: { id: string }[] }>();
    const answers = questions.map((q) => ({ questionId: q.id, answer: 'Ours' }));
    expect((await w.as.clientA.put(`${url(B)}/answers`, { answers })).statusCode).toBe(404);
    expect((await w.as.clientA.post(`${url(B)}/submit`)).statusCode).toBe(404);
    expectClientSafe(await w.as.clientA.put(`${url(A)}/answers`, { answers }), 'brief answers');
    expectClientSafe(await w.as.clientA.post(`${url(A)}/submit`), 'brief submitted');
    expect((await w.as.nonOwner.get(url(B))).json().submittedAt).toBeNull();
  });

  it.each([
    ['interactions', '/api/v1/interactions'],
    ['the account’s timeline', () => `/api/v1/accounts/${A.account.id}/timeline`],
    ['tasks and their hours', () => `/api/v1/tasks?projectId=${A.project.id}`],
    ['staff', '/api/v1/users'],
    ['a staff member', () => `/api/v1/users/${w.as.owner.user.id}`],
    ['the account’s exposure', () => `/api/v1/accounts/${A.account.id}/exposure`],
    ['the receivables report', '/api/v1/reports/receivables'],
    ['the agency’s details as staff read them', '/api/v1/settings/agency'],
  ] as const)('refuses the client %s', async (what, url) => {
    const res = await w.as.clientA.get(typeof url === 'string' ? url : url());
    expect([403, 404], `${what}: ${res.statusCode}`).toContain(res.statusCode);
  });
});

describe('your manager and how to pay, as a client reads them', () => {
  it('names the company’s manager and backup with their email and phone, nothing else', async () => {
    const res = await w.as.clientA.get('/api/v1/portal/manager');
    expect(res.json()).toEqual({
      manager: { name: w.as.owner.user.name, email: w.as.owner.user.email, phone: '+44 20 7946 0001', photoUrl: null },
      backup: { name: w.as.backup.user.name, email: w.as.backup.user.email, phone: null, photoUrl: null },
    });
    expect((await w.as.clientB.get('/api/v1/portal/manager')).json()).toEqual({
      manager: { name: w.as.nonOwner.user.name, email: w.as.nonOwner.user.email, phone: null, photoUrl: null },
      backup: null,
    });
  });

  it('no longer names a manager who left the agency', async () => {
    const leaver = await t.signIn('account_manager');
    const account = await t.createAccount(t.admin, { ownerId: leaver.user.id });
    const contact = await t.createContact(t.admin, account.id, 'Lea');
    const client = await t.signIn('client', { contactId: contact.id });
    expect((await client.get('/api/v1/portal/manager')).json().manager).toMatchObject({ name: leaver.user.name });
    expect((await t.admin.patch(`/api/v1/users/${leaver.user.id}`, { active: false })).statusCode).toBe(200);
    expect((await client.get('/api/v1/portal/manager')).json()).toEqual({ manager: null, backup: null });
  });

  it('gives the payee and bank details in the client’s language', async () => {
    expect((await w.as.clientA.get('/api/v1/portal/payment-details')).json()).toEqual({
      payee: 'Northwind Digital Ltd',
      bankDetails: 'IBAN GB33 BUKB 2020 1555 5555 55',
      taxId: '7701234567',
      registrationId: null,
      address: null,
    });
    expect((await w.as.clientB.patch('/api/v1/auth/me', { language: 'ru' })).statusCode).toBe(200);
    expect((await w.as.clientB.get('/api/v1/portal/payment-details')).json()).toMatchObject({
      payee: 'ООО «Нордвинд Диджитал»',
      bankDetails: 'р/с 40702810900000000001 в АО «Банк»',
    });
  });

  it('are the portal’s pages: staff are refused with a reason, and no one signed out reads them', async () => {
    for (const url of ['/api/v1/portal/manager', '/api/v1/portal/payment-details']) {
      for (const staff of [t.admin, w.as.owner, w.as.finance, w.as.specialist]) {
        const res = await staff.get(url);
        expect(res.statusCode, url).toBe(403);
        expect(res.json().code).toBe('access.portal_only');
      }
      expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    }
  });
});

describe('the manager’s photo, as a client sees it', () => {
  const jpegB = TINY_JPEG;

  beforeAll(async () => {
    expect((await w.as.owner.put(`/api/v1/users/${w.as.owner.user.id}/photo`, TINY_PNG, { 'content-type': 'image/png' })).statusCode).toBe(
      204,
    );
    expect((await t.admin.put(`/api/v1/users/${w.as.nonOwner.user.id}/photo`, jpegB, { 'content-type': 'image/jpeg' })).statusCode).toBe(
      204,
    );
  });

  it('gives each client the address of their own manager’s photo, and the photo itself', async () => {
    const a = (await w.as.clientA.get('/api/v1/portal/manager')).json();
    expect(a.manager.photoUrl).toMatch(/^\/api\/v1\/portal\/manager\/photo\/manager\?v=[0-9a-f]{12}$/);
    expect(a.backup.photoUrl).toBeNull();
    const photoA = await w.as.clientA.get(a.manager.photoUrl);
    expect(photoA.statusCode).toBe(200);
    expect(photoA.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(photoA.rawPayload, TINY_PNG)).toBe(0);
    const photoB = await w.as.clientB.get('/api/v1/portal/manager/photo/manager');
    expect(photoB.headers['content-type']).toBe('image/jpeg');
    expect(Buffer.compare(photoB.rawPayload, jpegB)).toBe(0);
  });

  it('shows a client no other photo: not another company’s manager, not a missing one (404)', async () => {
    expect((await w.as.clientB.get(`/api/v1/users/${w.as.owner.user.id}/photo`)).statusCode).toBe(404);
    expect((await w.as.clientA.get(`/api/v1/users/${w.as.nonOwner.user.id}/photo`)).statusCode).toBe(404);
    expect((await w.as.clientA.get('/api/v1/portal/manager/photo/backup')).statusCode).toBe(404);
    expect((await w.as.clientB.get('/api/v1/portal/manager/photo/backup')).statusCode).toBe(404);
    expect((await w.as.clientA.get('/api/v1/portal/manager/photo/someone')).statusCode).toBe(400);
  });

  it('lets staff see any staff photo, and not the portal’s address', async () => {
    const res = await w.as.specialist.get(`/api/v1/users/${w.as.nonOwner.user.id}/photo`);
    expect(Buffer.compare(res.rawPayload, jpegB)).toBe(0);
    expect((await w.as.owner.get('/api/v1/portal/manager/photo/manager')).statusCode).toBe(403);
  });
});
