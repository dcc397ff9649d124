import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createService, serviceBody } from '../../test/catalog-fixtures.js';
import { auditEntries, createInteraction, expectProblem, rowCounts } from '../../test/fixtures.js';
import type { Deal } from '../../../common/schemas/deal.js';
import type { PipelineReport } from '../../../common/schemas/deal-report.js';
import type { SatisfactionReport } from '../../../common/schemas/satisfaction-report.js';
import { createDeal, dealBody } from '../../test/deal-fixtures.js';
import { claimBody, createClaim } from '../../test/claim-fixtures.js';
import type { Claim } from '../../../common/schemas/claim.js';
import { actionBody, createAction } from '../../test/corrective-action-fixtures.js';
import { createObjection, objectionBody } from '../../test/objection-fixtures.js';
import { createProposal } from '../../test/proposal-fixtures.js';
import { PASSWORD, createTestApp, type TestApp } from '../../test/harness.js';
import { VIEWERS, buildWorld, type Viewer, type World } from '../../test/world.js';

let t: TestApp;
let w: World;
/** Company A's and company B's deals, opened by an admin for their accounts' managers. */
let dealA: Deal;
let dealB: Deal;
/** A service of the catalog: not any company's, so every staff role reads it alike. */
let serviceId: string;
/** Company A's claim, registered by an admin. */
let claimA: Claim;
/** A corrective action on company A's claim, owned by A's manager. */
let actionA: string;
/** An objection on company A's deal. */
let objectionA: string;
let objectionB: string;
/** A survey sent to company A's contact. */
let surveyA: string;
/** A draft proposal on each company's deal. */
let proposalA: string;
let proposalB: string;
/** A loyalty tier, made by an admin. */
let tierA: string;
const proposalLines = [{ description: 'Matrix work', quantity: 1, unitPriceMinor: 10_000 }];
beforeAll(async () => {
  t = await createTestApp({ publicUrl: 'https://liaison.example.test' });
  w = await buildWorld(t);
  dealA = await createDeal(t.admin, w.accountA.id);
  dealB = await createDeal(t.admin, w.accountB.id);
  serviceId = (await createService(t.admin)).id;
  claimA = await createClaim(t.admin, w.accountA.id);
  actionA = (await createAction(t.admin, actionBody(claimA.id, w.as.owner.user.id))).id;
  objectionA = (await createObjection(t.admin, dealA.id)).id;
  objectionB = (await createObjection(t.admin, dealB.id)).id;
  // Every send below asks the same contact: no throttle, so each allowed one succeeds.
  const surveySettings = (await t.admin.get('/api/v1/settings/surveys')).json();
  await t.admin.put('/api/v1/settings/surveys', { ...surveySettings, throttleDays: 0 });
  surveyA = (await t.admin.post('/api/v1/surveys', { accountId: w.accountA.id, contactId: w.contactA.id, kind: 'nps' })).json().id;
  proposalA = (await createProposal(t.admin, dealA.id, { lines: proposalLines })).id;
  proposalB = (await createProposal(t.admin, dealB.id, { lines: proposalLines })).id;
  tierA = (await t.admin.post('/api/v1/loyalty/tiers', tierBody())).json().id;
});
afterAll(() => t.close());

type Op = 'read' | 'list' | 'create' | 'update' | 'delete';
/** Expected statuses in VIEWERS order: admin, owner, nonOwner, backup, specialist, finance, clientA, clientB. */
type Row = [number, number, number, number, number, number, number, number];
type Table =
  | 'accounts'
  | 'contacts'
  | 'interactions'
  | 'users'
  | 'deals'
  | 'services'
  | 'claims'
  | 'objections'
  | 'surveys'
  | 'proposals'
  | 'corrective_actions'
  | 'loyalty_tiers';

interface Resource {
  name: string;
  path: string;
  table?: Table;
  expect: Partial<Record<Op, Row>>;
  /** Company A's record, the one every viewer is tried against. */
  id?: (w: World) => string;
  listUrl?: (w: World) => string;
  /** Whether a page of the list shows company A's record; by default, `id` among the items. */
  listedIn?: (w: World, items: Array<{ id: string; recordId?: string }>) => boolean;
  createBody?: (w: World, accountId?: string) => object;
  updateBody?: object;
  /** A disposable record of company A, for writes that are expected to succeed. */
  fresh?: (w: World) => Promise<string>;
}

/** Who reads, lists, changes and deletes company A's account (and its contacts). */
const ACCOUNT_RULES: Partial<Record<Op, Row>> = {
  read: [200, 200, 404, 200, 404, 200, 200, 404],
  list: [200, 200, 200, 200, 200, 200, 200, 200],
  update: [200, 200, 404, 403, 404, 403, 403, 404],
  delete: [204, 204, 404, 403, 404, 403, 403, 404],
};

/** Deals follow the account's internal records: finance reads; specialists and clients see none. */
const DEAL_RULES: Partial<Record<Op, Row>> = {
  read: [200, 200, 404, 200, 404, 200, 404, 404],
  list: [200, 200, 200, 200, 403, 200, 403, 403],
  create: [201, 201, 400, 403, 403, 403, 403, 403],
  // The backup manager changes only deals they own (record-abilities tests that case).
  update: [200, 200, 404, 403, 404, 403, 404, 404],
};

let emails = 0;
/** Loyalty tiers made in the matrix: each needs its own rank. */
let tierRank = 0;
const tierBody = () => ({ name: `Matrix tier ${++tierRank}`, rank: tierRank });
const has = (id: string) => (items: Array<{ id: string }>) => items.some((i) => i.id === id);

const RESOURCES: Resource[] = [
  {
    name: 'accounts',
    path: '/api/v1/accounts',
    table: 'accounts',
    id: (w) => w.accountA.id,
    createBody: () => ({ name: 'Opened in the matrix' }),
    updateBody: { industry: 'Retail' },
    fresh: async (w) => (await t.createAccount(t.admin, { ownerId: w.as.owner.user.id, backupOwnerId: w.as.backup.user.id })).id,
    expect: { ...ACCOUNT_RULES, create: [201, 201, 201, 201, 403, 403, 403, 403] },
  },
  {
    name: 'contacts',
    path: '/api/v1/contacts',
    table: 'contacts',
    id: (w) => w.contactA.id,
    // Creating under an account one may not see answers exactly as for an account that does not exist.
    createBody: (w, accountId = w.accountA.id) => ({ accountId, firstName: 'Nina' }),
    updateBody: { position: 'CTO' },
    fresh: async (w) => (await t.createContact(t.admin, w.accountA.id, 'Spare')).id,
    // A contact follows its account's rules; creating one needs a visible account.
    expect: { ...ACCOUNT_RULES, create: [201, 201, 400, 403, 400, 403, 403, 400] },
  },
  {
    name: 'interactions',
    path: '/api/v1/interactions',
    table: 'interactions',
    id: (w) => w.interactionA.id,
    createBody: (w, accountId = w.accountA.id) => ({ accountId, type: 'note', occurredAt: '2026-03-01T12:00:00Z', summary: 'Matrix note' }),
    updateBody: { summary: 'Rewritten' },
    fresh: async (w) => (await createInteraction(t.admin, w.accountA.id)).id,
    expect: {
      read: [200, 200, 404, 200, 404, 200, 404, 404],
      list: [200, 200, 200, 200, 403, 200, 403, 403],
      // Roles that never see internal records are refused before the body is looked at.
      create: [201, 201, 400, 403, 403, 403, 403, 403],
      update: [200, 200, 404, 403, 404, 403, 404, 404],
      delete: [204, 204, 404, 403, 404, 403, 404, 404],
    },
  },
  {
    name: 'deals',
    path: '/api/v1/deals',
    table: 'deals',
    id: () => dealA.id,
    createBody: (w, accountId = w.accountA.id) => dealBody(accountId),
    updateBody: { amount: 990_000 },
    fresh: async (w) => (await createDeal(t.admin, w.accountA.id)).id,
    expect: DEAL_RULES,
  },
  {
    name: 'claims',
    path: '/api/v1/claims',
    table: 'claims',
    id: () => claimA.id,
    createBody: (w, accountId = w.accountA.id) => claimBody(accountId),
    updateBody: { severity: 'high' },
    fresh: async (w) => (await createClaim(t.admin, w.accountA.id)).id,
    expect: {
      // Claims follow the account's internal records: finance reads; clients use the portal's view; specialists see none.
      read: [200, 200, 404, 200, 404, 200, 404, 404],
      list: [200, 200, 200, 200, 403, 200, 403, 403],
      create: [201, 201, 400, 403, 403, 403, 403, 403],
      update: [200, 200, 404, 403, 404, 403, 404, 404],
    },
  },
  {
    name: 'surveys',
    path: '/api/v1/surveys',
    table: 'surveys',
    id: () => surveyA,
    createBody: (w, accountId = w.accountA.id) => ({ accountId, contactId: w.contactA.id, kind: 'csat' }),
    expect: {
      // Surveys follow the account's internal records: finance reads; specialists and clients (who answer theirs in the portal) see none.
      read: [200, 200, 404, 200, 404, 200, 404, 404],
      list: [200, 200, 200, 200, 403, 200, 403, 403],
      create: [201, 201, 400, 403, 403, 403, 403, 403],
    },
  },
  {
    name: 'timeline',
    path: '/api/v1/accounts',
    listUrl: (w) => `/api/v1/accounts/${w.accountA.id}/timeline`,
    listedIn: (w, items) => has(w.interactionA.id)(items),
    expect: { list: [200, 200, 404, 200, 404, 200, 403, 404] },
  },
  {
    name: 'users',
    path: '/api/v1/users',
    table: 'users',
    id: (w) => w.as.specialist.user.id,
    createBody: () => ({ email: `matrix${++emails}@example.test`, name: 'Matrix User', role: 'finance', password: PASSWORD }),
    updateBody: { name: 'Renamed' },
    fresh: async () =>
      (
        await t.admin.post('/api/v1/users', {
          email: `spare${++emails}@example.test`,
          name: 'Spare',
          role: 'specialist',
          password: PASSWORD,
        })
      ).json().id,
    expect: {
      read: [200, 200, 200, 200, 200, 200, 404, 404],
      list: [200, 200, 200, 200, 200, 200, 403, 403],
      create: [201, 403, 403, 403, 403, 403, 403, 403],
      update: [200, 403, 403, 403, 403, 403, 403, 403],
      // Users are deactivated, never deleted: there is no such route for anyone.
      delete: [404, 404, 404, 404, 404, 404, 404, 404],
    },
  },
  {
    name: 'services',
    path: '/api/v1/services',
    table: 'services',
    id: () => serviceId,
    createBody: () => serviceBody(),
    updateBody: { unit: 'hour' },
    fresh: async () => (await createService(t.admin)).id,
    expect: {
      // Every staff role reads the catalog; a client never sees it.
      read: [200, 200, 200, 200, 200, 200, 404, 404],
      list: [200, 200, 200, 200, 200, 200, 403, 403],
      create: [201, 403, 403, 403, 403, 403, 403, 403],
      update: [200, 403, 403, 403, 403, 403, 404, 404],
      // Services are deactivated, never deleted: there is no such route for anyone.
      delete: [404, 404, 404, 404, 404, 404, 404, 404],
    },
  },
  {
    name: 'objections',
    path: '/api/v1/objections',
    table: 'objections',
    id: () => objectionA,
    // A deal one may not see answers exactly as one that does not exist.
    createBody: (_w, accountId) => objectionBody(accountId === 'no-such-account' ? 'no-such-deal' : dealA.id),
    updateBody: { result: 'overcome' },
    fresh: async () => (await createObjection(t.admin, dealA.id)).id,
    // Objections follow their deal: the backup manager, who may not change this deal, may not log on it either.
    expect: { ...DEAL_RULES, delete: [204, 204, 404, 403, 404, 403, 404, 404] },
  },
  {
    name: 'proposals',
    path: '/api/v1/proposals',
    table: 'proposals',
    id: () => proposalA,
    // A deal one may not see answers exactly as one that does not exist.
    createBody: (_w, accountId) => ({ dealId: accountId === 'no-such-account' ? 'no-such-deal' : dealA.id, lines: proposalLines }),
    updateBody: { notes: 'Start in May' },
    fresh: async () => (await createProposal(t.admin, dealA.id, { lines: proposalLines })).id,
    // Proposals follow their deal; specialists and clients (who use the portal) find no proposal on the staff routes, as for deals.
    expect: {
      read: [200, 200, 404, 200, 404, 200, 404, 404],
      list: [200, 200, 200, 200, 403, 200, 403, 403],
      create: [201, 201, 400, 403, 403, 403, 403, 403],
      update: [200, 200, 404, 403, 404, 403, 404, 404],
      delete: [204, 204, 404, 403, 404, 403, 404, 404],
    },
  },
  {
    name: 'corrective-actions',
    path: '/api/v1/corrective-actions',
    table: 'corrective_actions',
    id: () => actionA,
    // A claim one may not see answers exactly as one that does not exist.
    createBody: (w, accountId) => actionBody(accountId === 'no-such-account' ? 'no-such-claim' : claimA.id, w.as.owner.user.id),
    updateBody: { what: 'Changed in the matrix' },
    fresh: async (w) => (await createAction(t.admin, actionBody(claimA.id, w.as.owner.user.id))).id,
    expect: {
      // They follow the claim's account: finance reads; the backup reads only; specialists and clients never see one (404, not in the portal).
      read: [200, 200, 404, 200, 404, 200, 404, 404],
      list: [200, 200, 200, 200, 403, 200, 403, 403],
      create: [201, 201, 400, 403, 403, 403, 403, 403],
      update: [200, 200, 404, 403, 404, 403, 404, 404],
    },
  },
  {
    name: 'loyalty tiers',
    path: '/api/v1/loyalty/tiers',
    table: 'loyalty_tiers',
    id: () => tierA,
    createBody: tierBody,
    updateBody: { benefits: { discountPercent: 3 } },
    fresh: async () => (await t.admin.post('/api/v1/loyalty/tiers', tierBody())).json().id,
    // The programme is the agency's: every staff role reads its rules, admins change them; clients never see them.
    expect: {
      read: [200, 200, 200, 200, 200, 200, 403, 403],
      list: [200, 200, 200, 200, 200, 200, 403, 403],
      create: [201, 403, 403, 403, 403, 403, 403, 403],
      update: [200, 403, 403, 403, 403, 403, 403, 403],
      delete: [204, 403, 403, 403, 403, 403, 403, 403],
    },
  },
  {
    name: 'audit-log',
    path: '/api/v1/audit-log',
    listedIn: (w, items) => items.some((e) => e.recordId === w.accountA.id),
    expect: { list: [200, 403, 403, 403, 403, 403, 403, 403] },
  },
];

const adminView = (r: Resource, id: string) => t.admin.get(`${r.path}/${id}`);
const auditCount = async (recordId: string) => (await auditEntries(t, `recordId=${recordId}`)).length;

const RUN: Record<Op, (r: Resource, viewer: Viewer, status: number) => Promise<void>> = {
  async read(r, viewer, status) {
    const res = await w.as[viewer].get(`${r.path}/${r.id!(w)}`);
    if (status === 200) return void expect(res.json().id).toBe(r.id!(w));
    // A hidden record answers word for word like one that does not exist.
    const ghost = await w.as[viewer].get(`${r.path}/no-such-id`);
    expect(expectProblem(res, status).detail).toBe(ghost.json().detail);
  },
  async list(r, viewer, status) {
    const res = await w.as[viewer].get(r.listUrl ? `${r.listUrl(w)}?limit=200` : `${r.path}?limit=200`);
    if (status !== 200) return void expectProblem(res, status);
    expect(res.statusCode).toBe(200);
    const readable = r.expect.read ? r.expect.read[VIEWERS.indexOf(viewer)] === 200 : true;
    const listedIn = r.listedIn ?? ((w, items) => has(r.id!(w))(items));
    expect(listedIn(w, res.json().items)).toBe(readable);
  },
  async create(r, viewer, status) {
    const before = await rowCounts(t);
    const res = await w.as[viewer].post(r.path, r.createBody!(w));
    const after = await rowCounts(t);
    if (status === 201) {
      expect(res.statusCode, res.body).toBe(201);
      expect(after[r.table!]).toBe(before[r.table!] + 1);
      expect(await auditCount(res.json().id)).toBe(1);
      return;
    }
    const problem = expectProblem(res, status);
    expect(after).toEqual(before);
    if (status === 400) {
      const ghost = await w.as[viewer].post(r.path, r.createBody!(w, 'no-such-account'));
      expect({ status: res.statusCode, detail: problem.detail, errors: problem.errors }).toEqual({
        status: ghost.statusCode,
        detail: ghost.json().detail,
        errors: ghost.json().errors,
      });
    }
  },
  async update(r, viewer, status) {
    const id = status === 200 ? await r.fresh!(w) : r.id!(w);
    const before = (await adminView(r, id)).json();
    const audits = await auditCount(id);
    const res = await w.as[viewer].patch(`${r.path}/${id}`, r.updateBody);
    if (status === 200) {
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().version).toBe(before.version + 1);
      expect(await auditCount(id)).toBe(audits + 1);
      return;
    }
    expectProblem(res, status);
    expect((await adminView(r, id)).json()).toEqual(before);
    expect(await auditCount(id)).toBe(audits);
  },
  async delete(r, viewer, status) {
    const id = status === 204 ? await r.fresh!(w) : r.id!(w);
    const before = await rowCounts(t);
    const res = await w.as[viewer].delete(`${r.path}/${id}`);
    if (status === 204) {
      expect(res.statusCode, res.body).toBe(204);
      expect((await adminView(r, id)).statusCode).toBe(404);
      expect((await auditEntries(t, `recordId=${id}`)).map((e) => e.action)).toContain('delete');
      return;
    }
    expectProblem(res, status);
    expect(await rowCounts(t)).toEqual(before);
    expect((await adminView(r, id)).statusCode).toBe(200);
  },
};

const OPS: Op[] = ['read', 'list', 'create', 'update', 'delete'];

describe.each(RESOURCES)('$name', (r) => {
  const cases = VIEWERS.flatMap((viewer, i) => OPS.filter((op) => r.expect[op]).map((op) => ({ viewer, op, status: r.expect[op]![i] })));
  it.each(cases)('$viewer: $op → $status', ({ viewer, op, status }) => RUN[op](r, viewer, status));
});

/** Which of the two companies each viewer sees in lists. */
const SEES: Record<Viewer, Array<'A' | 'B'>> = {
  admin: ['A', 'B'],
  owner: ['A'],
  nonOwner: ['B'],
  backup: ['A'],
  specialist: [],
  finance: ['A', 'B'],
  clientA: ['A'],
  clientB: ['B'],
};

/** An account's loyalty standing and history follow its internal records: finance reads; specialists and clients never see the reasons. */
describe('loyalty standing of company A', () => {
  const STANDING: Row = [200, 200, 404, 200, 404, 200, 404, 404];
  it.each(VIEWERS.map((viewer, i) => ({ viewer, status: STANDING[i] })))('$viewer → $status', async ({ viewer, status }) => {
    for (const url of [`/api/v1/accounts/${w.accountA.id}/loyalty`, `/api/v1/accounts/${w.accountA.id}/loyalty/history`]) {
      const res = await w.as[viewer].get(url);
      if (status === 200) expect(res.statusCode, res.body).toBe(200);
      else expectProblem(res, status);
    }
  });

  it.each(VIEWERS.map((viewer, i) => ({ viewer, status: ([200, 200, 404, 403, 404, 403, 404, 404] as Row)[i] })))(
    '$viewer marks who referred it → $status',
    async ({ viewer, status }) => {
      const res = await w.as[viewer].put(`/api/v1/accounts/${w.accountA.id}/referral`, { referrerId: null });
      if (status === 200) expect(res.statusCode, res.body).toBe(200);
      else expectProblem(res, status);
    },
  );
});

describe('list scoping', () => {
  const pick = (ids: string[], a: string, b: string) => [ids.includes(a) && 'A', ids.includes(b) && 'B'].filter(Boolean);
  const idsOf = async (viewer: Viewer, url: string) =>
    ((await w.as[viewer].get(url)).json().items as Array<{ id: string }>).map((i) => i.id);

  it.each(VIEWERS)('%s sees exactly the accounts and contacts of their companies', async (viewer) => {
    expect(pick(await idsOf(viewer, '/api/v1/accounts?limit=200'), w.accountA.id, w.accountB.id)).toEqual(SEES[viewer]);
    expect(pick(await idsOf(viewer, '/api/v1/contacts?limit=200'), w.contactA.id, w.contactB.id)).toEqual(SEES[viewer]);
  });

  it.each(['admin', 'owner', 'nonOwner', 'backup', 'finance'] as const)(
    '%s sees exactly the interactions of their companies',
    async (viewer) => {
      expect(pick(await idsOf(viewer, '/api/v1/interactions?limit=200'), w.interactionA.id, w.interactionB.id)).toEqual(SEES[viewer]);
    },
  );

  it.each(['admin', 'owner', 'nonOwner', 'backup', 'finance'] as const)('%s sees exactly the deals of their companies', async (viewer) => {
    expect(pick(await idsOf(viewer, '/api/v1/deals?limit=200'), dealA.id, dealB.id)).toEqual(SEES[viewer]);
    const exported = (await w.as[viewer].get('/api/v1/deals.csv')).body;
    expect([dealA, dealB].filter((d) => exported.includes(`\r\n${d.title},`)).map((d) => (d === dealA ? 'A' : 'B'))).toEqual(SEES[viewer]);
    expect(await idsOf(viewer, `/api/v1/deals?accountId=${viewer === 'nonOwner' ? w.accountA.id : w.accountB.id}`)).toEqual(
      SEES[viewer].length === 2 ? [dealB.id] : [],
    );
  });

  it.each(['admin', 'owner', 'nonOwner', 'backup', 'finance'] as const)(
    '%s’s sales report counts exactly the open deals they list',
    async (viewer) => {
      const report = (await w.as[viewer].get('/api/v1/reports/pipeline')).json<PipelineReport>();
      const listed = await idsOf(viewer, `/api/v1/deals?state=open&closeTo=${report.to}&limit=200`);
      expect(report.forecast.reduce((n, f) => n + f.total.deals, 0)).toBe(listed.length);
    },
  );

  it.each(['specialist', 'clientA', 'clientB'] as const)('%s gets no sales report', async (viewer) => {
    expectProblem(await w.as[viewer].get('/api/v1/reports/pipeline'), 403);
  });

  it.each(['admin', 'owner', 'nonOwner', 'backup', 'finance'] as const)(
    '%s’s cooperation analysis counts and opens exactly the claims they list',
    async (viewer) => {
      const report = (await w.as[viewer].get('/api/v1/reports/satisfaction')).json<SatisfactionReport>();
      const listed = await idsOf(viewer, '/api/v1/claims?limit=200');
      expect(report.claims.total).toBe(listed.length);
      expect((await idsOf(viewer, '/api/v1/reports/satisfaction/records?kind=claims&limit=200')).sort()).toEqual(listed.sort());
    },
  );

  it.each(['specialist', 'clientA', 'clientB'] as const)('%s gets no cooperation analysis', async (viewer) => {
    expectProblem(await w.as[viewer].get('/api/v1/reports/satisfaction'), 403);
    expectProblem(await w.as[viewer].get('/api/v1/reports/satisfaction/records?kind=answers'), 403);
  });

  it.each(['admin', 'owner', 'nonOwner', 'backup', 'finance'] as const)(
    '%s sees exactly the objections of their companies',
    async (viewer) => {
      expect(pick(await idsOf(viewer, '/api/v1/objections?limit=200'), objectionA, objectionB)).toEqual(SEES[viewer]);
    },
  );

  it.each(['admin', 'owner', 'nonOwner', 'backup', 'finance'] as const)(
    '%s sees exactly the proposals of their companies',
    async (viewer) => {
      expect(pick(await idsOf(viewer, '/api/v1/proposals?limit=200'), proposalA, proposalB)).toEqual(SEES[viewer]);
    },
  );

  it('a specialist without tasks sees no account and no contact at all', async () => {
    expect(await idsOf('specialist', '/api/v1/accounts?limit=200')).toEqual([]);
    expect(await idsOf('specialist', '/api/v1/contacts?limit=200')).toEqual([]);
  });

  it('a client sees nothing but their own company, even when asking for the other by filter or search', async () => {
    expect(await idsOf('clientA', '/api/v1/accounts?limit=200')).toEqual([w.accountA.id]);
    expect(await idsOf('clientA', '/api/v1/accounts?q=Beta')).toEqual([]);
    expect(await idsOf('clientA', `/api/v1/accounts?ownerId=${w.as.nonOwner.user.id}`)).toEqual([]);
    expect(await idsOf('clientA', `/api/v1/contacts?accountId=${w.accountB.id}`)).toEqual([]);
    const contacts = (await w.as.clientA.get('/api/v1/contacts?limit=200')).json().items as Array<{ id: string; accountId: string }>;
    expect(contacts.map((c) => c.id)).toContain(w.contactA.id);
    expect(new Set(contacts.map((c) => c.accountId))).toEqual(new Set([w.accountA.id]));
  });

  it('a manager never finds another manager’s account by search or filter', async () => {
    expect(await idsOf('owner', '/api/v1/accounts?q=Beta')).toEqual([]);
    expect(await idsOf('owner', `/api/v1/contacts?accountId=${w.accountB.id}`)).toEqual([]);
    expect(await idsOf('owner', `/api/v1/interactions?accountId=${w.accountB.id}`)).toEqual([]);
  });
});

describe('crossing companies by id', () => {
  it.each([
    ['clientA', 'B'],
    ['owner', 'B'],
    ['nonOwner', 'A'],
  ] as const)('%s gets 404 for every record of company %s', async (viewer, company) => {
    const [account, contact, interaction] =
      company === 'A' ? [w.accountA, w.contactA, w.interactionA] : [w.accountB, w.contactB, w.interactionB];
    for (const url of [
      `/api/v1/accounts/${account.id}`,
      `/api/v1/accounts/${account.id}/timeline`,
      `/api/v1/contacts/${contact.id}`,
      `/api/v1/interactions/${interaction.id}`,
      `/api/v1/deals/${company === 'A' ? dealA.id : dealB.id}`,
    ]) {
      expectProblem(await w.as[viewer].get(url), 404);
    }
  });

  it('a client reads their own user record but no other', async () => {
    expect((await w.as.clientA.get(`/api/v1/users/${w.as.clientA.user.id}`)).statusCode).toBe(200);
    expectProblem(await w.as.clientA.get(`/api/v1/users/${w.as.clientB.user.id}`), 404);
  });
});

describe('Today: each viewer’s own agenda', () => {
  /** Company A's owner has an overdue next step on it. */
  let key = '';
  beforeAll(async () => {
    const res = await w.as.owner.post('/api/v1/next-steps', { accountId: w.accountA.id, text: 'Matrix promise', dueDate: '2026-02-20' });
    key = `next-step:${res.json<{ id: string }>().id}:2026-02-20`;
  });
  const statuses = (fn: (v: Viewer) => Promise<{ statusCode: number }>) => Promise.all(VIEWERS.map(async (v) => (await fn(v)).statusCode));

  it('staff read their own Today, clients have none; only the owner finds company A’s item on it', async () => {
    expect(await statuses((v) => w.as[v].get('/api/v1/today'))).toEqual([200, 200, 200, 200, 200, 200, 403, 403]);
    const holds = await Promise.all(
      VIEWERS.slice(0, 6).map(async (v) => {
        const today = (await w.as[v].get('/api/v1/today')).json<{ groups: { items: { key: string }[] }[] }>();
        return today.groups.some((g) => g.items.some((i) => i.key === key));
      }),
    );
    expect(holds).toEqual([false, true, false, false, false, false]);
  });

  it('a colleague’s Today only for their backup (or oneself), read-only', async () => {
    expect(await statuses((v) => w.as[v].get(`/api/v1/today?as=${w.as.owner.user.id}`))).toEqual([403, 200, 403, 200, 403, 403, 403, 403]);
  });

  it('only the owner snoozes the item; for anyone else it does not exist', async () => {
    const order: Viewer[] = ['admin', 'nonOwner', 'backup', 'specialist', 'finance', 'clientA', 'clientB', 'owner'];
    const codes = [];
    for (const v of order) {
      codes.push((await w.as[v].post(`/api/v1/today/${encodeURIComponent(key)}/snooze`, { until: '2026-03-20' })).statusCode);
    }
    expect(codes).toEqual([404, 404, 404, 404, 404, 403, 403, 204]);
  });
});
