import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionAbilities } from '../../../common/schemas/auth.js';
import { ABILITIES_BY_ROLE } from '../../../common/testing/abilities-by-role.js';
import { LINES } from '../../test/billing-fixtures.js';
import { createProject, createTask } from '../../test/delivery-fixtures.js';
import { PASSWORD, createTestApp, type Caller, type TestApp } from '../../test/harness.js';
import { VIEWERS, buildWorld, type Viewer, type World } from '../../test/world.js';

/*
 * `GET /auth/me` answers what the signed-in user may do across the app. For each point of
 * view of the access world, the flags must be what the rules say, and the API must agree:
 * each flag is probed with a request that succeeds exactly when the flag is true.
 */

let t: TestApp;
let w: World;
let projectA: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  projectA = await createProject(t.admin, w.accountA.id);
  const projectB = await createProject(t.admin, w.accountB.id);
  await createTask(t.admin, projectA.id, { assigneeId: w.as.specialist.user.id });
  // Another specialist's blocked work on both companies, for the delivery and workload overviews.
  const other = await t.signIn('specialist');
  for (const p of [projectA, projectB]) {
    await createTask(t.admin, p.id, { assigneeId: other.user.id, status: 'blocked', blockedReason: 'Waiting for access' });
  }
});
afterAll(() => t.close());

type Flag = keyof SessionAbilities;

let seq = 0;
const ok = (status: number) => status >= 200 && status < 300;

/** Accounts to try adding to: both companies, and one the viewer owns when they may own one. */
async function accountsFor(viewer: Caller): Promise<string[]> {
  const own = await t.admin.post('/api/v1/accounts', { name: `Owned ${++seq}`, ownerId: viewer.user.id });
  return [w.accountA.id, w.accountB.id, ...(own.statusCode === 201 ? [own.json().id as string] : [])];
}

/** Whether adding to some account the viewer may reach succeeds. */
async function addsToSomeAccount(viewer: Caller, add: (accountId: string) => Promise<{ statusCode: number }>) {
  for (const id of await accountsFor(viewer)) if (ok((await add(id)).statusCode)) return true;
  return false;
}

const status = async (res: Promise<{ statusCode: number }>) => ok((await res).statusCode);

/** For each flag, a request the API allows exactly when the flag is true. */
const PROBES: Record<Flag, (v: Caller) => Promise<boolean>> = {
  seeAccounts: async (v) => (await v.get('/api/v1/accounts?limit=200')).json().items.length > 0,
  createAccount: (v) => status(v.post('/api/v1/accounts', { name: `Opened ${++seq}` })),
  createContact: (v) => addsToSomeAccount(v, (accountId) => v.post('/api/v1/contacts', { accountId, firstName: 'Nina' })),
  seeInteractions: (v) => status(v.get('/api/v1/interactions')),
  logInteractions: (v) =>
    addsToSomeAccount(v, (accountId) =>
      v.post('/api/v1/interactions', { accountId, type: 'call', occurredAt: '2026-03-01T10:00:00.000Z', summary: 'Agreed the plan' }),
    ),
  // Beyond the projects one reaches through one's own tasks.
  seeProjects: async (v) => {
    const res = await v.get('/api/v1/projects?limit=200');
    const throughTasks = v === w.as.specialist ? [projectA.id] : [];
    return ok(res.statusCode) && res.json().items.some((p: { id: string }) => !throughTasks.includes(p.id));
  },
  // Beyond one's own tasks, in all one can see.
  seeDelivery: async (v) => {
    const res = await v.get('/api/v1/reports/delivery?scope=all');
    return ok(res.statusCode) && res.json().blockedTasks.some((task: { assigneeId: string }) => task.assigneeId !== v.user.id);
  },
  // Beyond one's own load.
  seeWorkload: async (v) => {
    const res = await v.get('/api/v1/reports/workload');
    return ok(res.statusCode) && res.json().specialists.length > 1;
  },
  createProject: (v) => addsToSomeAccount(v, (accountId) => v.post('/api/v1/projects', { accountId, name: 'Launch' })),
  takeTasks: (v) => status(t.admin.post('/api/v1/tasks', { projectId: projectA.id, title: 'Theirs', assigneeId: v.user.id })),
  seePortfolio: (v) => status(v.get('/api/v1/reports/portfolio')),
  switchReportScope: (v) => status(v.get('/api/v1/reports/delivery?scope=mine')),
  seeInvoices: (v) => status(v.get('/api/v1/invoices')),
  createInvoice: (v) => addsToSomeAccount(v, (accountId) => v.post('/api/v1/invoices', { accountId, lines: LINES })),
  seeReceivables: (v) => status(v.get('/api/v1/reports/receivables')),
  seeFollowUps: (v) => status(v.get('/api/v1/billing-actions')),
  runFollowUps: (v) => status(v.post('/api/v1/follow-ups/run')),
  changeStopWork: async (v) => {
    const account = await t.createAccount(t.admin, { name: `Stopped ${++seq}` });
    return status(v.post(`/api/v1/accounts/${account.id}/stop-work`, { reason: 'Unpaid invoices' }));
  },
  seeDocuments: (v) => status(v.get('/api/v1/documents')),
  createDocument: (v) => addsToSomeAccount(v, (accountId) => v.post('/api/v1/documents', { kind: 'other', accountId })),
  seeServices: (v) => status(v.get('/api/v1/services')),
  manageServices: (v) =>
    status(
      v.post('/api/v1/services', {
        name: { en: `Probe ${++seq}` },
        workKind: 'seo',
        unit: 'hour',
        prices: [{ currency: 'EUR', amountMinor: 100 }],
      }),
    ),
  seeUsers: (v) => status(v.get('/api/v1/users')),
  manageUsers: (v) =>
    status(v.post('/api/v1/users', { email: `probe.${++seq}@example.test`, name: 'Probe User', role: 'finance', password: PASSWORD })),
  manageSettings: (v) => status(v.patch('/api/v1/settings/billing', {})),
  seeAuditLog: (v) => status(v.get('/api/v1/audit-log')),
};

/** What each point of view may do across the app: what its role may (see `abilities-by-role.ts`). */
const EXPECTED: Record<Viewer, readonly Flag[]> = {
  admin: ABILITIES_BY_ROLE.admin,
  owner: ABILITIES_BY_ROLE.account_manager,
  nonOwner: ABILITIES_BY_ROLE.account_manager,
  backup: ABILITIES_BY_ROLE.account_manager,
  specialist: ABILITIES_BY_ROLE.specialist,
  finance: ABILITIES_BY_ROLE.finance,
  clientA: ABILITIES_BY_ROLE.client,
  clientB: ABILITIES_BY_ROLE.client,
};

describe.each([...VIEWERS])('%s', (viewer) => {
  let can: SessionAbilities;
  beforeAll(async () => {
    const res = await w.as[viewer].get('/api/v1/auth/me');
    expect(res.statusCode, res.body).toBe(200);
    can = res.json().can;
  });

  it('has a flag for every probe', () => {
    expect(Object.keys(can).sort()).toEqual(Object.keys(PROBES).sort());
  });

  it.each(Object.keys(PROBES) as Flag[])('can.%s is as the rules say, and the API agrees', async (flag) => {
    expect(can[flag]).toBe(EXPECTED[viewer].includes(flag));
    expect(await PROBES[flag](w.as[viewer])).toBe(can[flag]);
  });
});

describe('signing in answers the same abilities as /auth/me', () => {
  it('for a finance user', async () => {
    const finance = await t.signIn('finance', { email: 'signing.in@example.test' });
    const login = await t.login('signing.in@example.test');
    expect(login.json().can).toEqual((await finance.get('/api/v1/auth/me')).json().can);
  });
});
