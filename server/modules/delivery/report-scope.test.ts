import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProject, createTask } from '../../test/delivery-fixtures.js';
import { expectProblem } from '../../test/fixtures.js';
import { createTestApp, type Caller, type TestApp } from '../../test/harness.js';

/*
 * The delivery report and the portfolio cover the same projects: "mine" (the accounts one
 * owns) or "all I can see", narrowed to one owner's accounts on request. Four managers:
 * Olga owns Alpha, backed up by Boris; Nina owns Beta; Boris owns Gamma; Lena owns Delta and
 * sees nobody else's. Each project has one blocked task, so the delivery report lists it.
 */
let t: TestApp;
let olga: Caller;
let nina: Caller;
let boris: Caller;
let lena: Caller;
const project: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  olga = await t.signIn('account_manager', { name: 'Olga Owner' });
  nina = await t.signIn('account_manager', { name: 'Nina Other' });
  boris = await t.signIn('account_manager', { name: 'Boris Backup' });
  lena = await t.signIn('account_manager', { name: 'Lena Alone' });
  const seo = await t.signIn('specialist');
  const accounts = {
    alpha: await t.createAccount(t.admin, { name: 'Alpha', ownerId: olga.user.id, backupOwnerId: boris.user.id }),
    beta: await t.createAccount(t.admin, { name: 'Beta', ownerId: nina.user.id }),
    gamma: await t.createAccount(t.admin, { name: 'Gamma', ownerId: boris.user.id }),
    delta: await t.createAccount(t.admin, { name: 'Delta', ownerId: lena.user.id }),
  };
  for (const [key, account] of Object.entries(accounts)) {
    project[key] = (await createProject(t.admin, account.id, { name: `${account.name} launch`, stage: 'planning' })).id;
    await createTask(t.admin, project[key], { assigneeId: seo.user.id, status: 'blocked', blockedReason: 'Waiting for access' });
  }
});
afterAll(() => t.close());

const keysOf = (ids: string[]) =>
  Object.entries(project)
    .filter(([, id]) => ids.includes(id))
    .map(([key]) => key)
    .sort();

/** The projects each report covers for the viewer and query, by key. */
async function covered(viewer: Caller, query = '') {
  const delivery = await viewer.get(`/api/v1/reports/delivery${query}`);
  const portfolio = await viewer.get(`/api/v1/reports/portfolio${query}`);
  expect(delivery.statusCode, delivery.body).toBe(200);
  expect(portfolio.statusCode, portfolio.body).toBe(200);
  const fromDelivery = keysOf(delivery.json().blockedTasks.map((x: { projectId: string }) => x.projectId));
  const fromPortfolio = keysOf(
    portfolio.json().stages.flatMap((s: { projects: { projectId: string }[] }) => s.projects.map((p) => p.projectId)),
  );
  expect(fromPortfolio, 'the portfolio covers what the delivery report covers').toEqual(fromDelivery);
  const { scope, ownerId } = portfolio.json();
  expect(delivery.json()).toMatchObject({ scope, ownerId });
  return { scope, ownerId, projects: fromPortfolio };
}

describe('a manager’s reports', () => {
  it('start with their own accounts, and widen to all they can see', async () => {
    expect(await covered(boris)).toEqual({ scope: 'mine', ownerId: null, projects: ['gamma'] });
    expect(await covered(boris, '?scope=mine')).toMatchObject({ projects: ['gamma'] });
    expect(await covered(boris, '?scope=all')).toEqual({ scope: 'all', ownerId: null, projects: ['alpha', 'gamma'] });
    expect(await covered(lena, '?scope=all')).toMatchObject({ projects: ['delta'] });
  });

  it('narrow to one owner’s accounts among those they can see, never beyond', async () => {
    expect(await covered(boris, `?scope=all&ownerId=${olga.user.id}`)).toEqual({
      scope: 'all',
      ownerId: olga.user.id,
      projects: ['alpha'],
    });
    expect((await covered(boris, `?scope=all&ownerId=${nina.user.id}`)).projects).toEqual([]);
    expect((await covered(lena, `?scope=all&ownerId=${olga.user.id}`)).projects).toEqual([]);
    expect((await covered(boris, `?scope=mine&ownerId=${boris.user.id}`)).projects).toEqual(['gamma']);
  });

  it('refuse “mine” together with someone else', async () => {
    for (const url of ['/api/v1/reports/delivery', '/api/v1/reports/portfolio']) {
      const body = expectProblem(await boris.get(`${url}?scope=mine&ownerId=${olga.user.id}`), 400, 'ownerId');
      expect(body.errors[0].code).toBe('report.owner_with_mine');
    }
  });
});

describe('an admin’s and finance’s reports', () => {
  it('an admin starts with every project, and may narrow to any owner or to their own', async () => {
    expect(await covered(t.admin)).toEqual({ scope: 'all', ownerId: null, projects: ['alpha', 'beta', 'delta', 'gamma'] });
    expect((await covered(t.admin, `?ownerId=${nina.user.id}`)).projects).toEqual(['beta']);
    expect((await covered(t.admin, '?scope=mine')).projects).toEqual([]);
  });

  it('finance sees every project’s late and blocked work but owns no accounts: “mine” is refused', async () => {
    const finance = await t.signIn('finance');
    const delivery = (await finance.get('/api/v1/reports/delivery')).json();
    expect(delivery.scope).toBe('all');
    expect(keysOf(delivery.blockedTasks.map((x: { projectId: string }) => x.projectId))).toEqual(['alpha', 'beta', 'delta', 'gamma']);
    const body = expectProblem(await finance.get('/api/v1/reports/delivery?scope=mine'), 400, 'scope');
    expect(body.errors[0].code).toBe('report.no_own_accounts');
    expectProblem(await finance.get('/api/v1/reports/portfolio'), 403);
  });
});

describe('the account-manager filter', () => {
  const owners = async (viewer: Caller) => {
    const res = await viewer.get('/api/v1/accounts/owners');
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items.map((u: { name: string }) => u.name);
  };

  it('offers a manager only the owners of accounts they can see: themselves, and those they back up', async () => {
    expect(await owners(lena)).toEqual(['Lena Alone']);
    expect(await owners(boris)).toEqual(['Boris Backup', 'Olga Owner']);
    expect(await owners(olga)).toEqual(['Olga Owner']);
  });

  it('offers an admin and finance every owner', async () => {
    const all = ['Boris Backup', 'Lena Alone', 'Nina Other', 'Olga Owner'];
    expect(await owners(t.admin)).toEqual(all);
    expect(await owners(await t.signIn('finance'))).toEqual(all);
  });

  it('is not for specialists or clients', async () => {
    expectProblem(await (await t.signIn('specialist')).get('/api/v1/accounts/owners'), 403);
    const accountId = (await olga.get(`/api/v1/projects/${project.alpha}`)).json().accountId;
    const contact = await t.createContact(olga, accountId, 'Clara');
    expectProblem(await (await t.signIn('client', { contactId: contact.id })).get('/api/v1/accounts/owners'), 403);
  });
});
