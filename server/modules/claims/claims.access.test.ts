import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Claim } from '../../../common/schemas/claim.js';
import { createClaim, moveClaim, reportProblem, RESOLVE } from '../../test/claim-fixtures.js';
import { expectNoWrite, expectProblem } from '../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { VIEWERS, buildWorld, type World } from '../../test/world.js';

let t: TestApp;
let w: World;
let claimA: Claim;
let claimB: Claim;
beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-26T09:00:00.000Z' });
  w = await buildWorld(t);
  const specialist = w.as.specialist.user.id;
  claimA = await createClaim(w.as.owner, w.accountA.id, { specialistIds: [specialist] });
  claimB = await createClaim(w.as.nonOwner, w.accountB.id);
  await moveClaim(w.as.owner, claimA.id, { status: 'in_progress' });
  await moveClaim(w.as.owner, claimA.id, RESOLVE);
  await w.as.owner.patch(`/api/v1/claims/${claimA.id}`, { internalNote: 'Ask Ivan why the check was skipped' });
});
afterAll(() => t.close());

/** What a client must never read: the internal fields of the staff view, anywhere in the JSON. */
const INTERNAL = [
  'rootCause',
  'rootCauseNote',
  'internalNote',
  'specialists',
  'projects',
  'respondBy',
  'resolveBy',
  'closedHow',
  'can',
  'createdById',
];
const keysOf = (value: unknown): string[] =>
  value && typeof value === 'object' ? Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)]) : [];

describe('the portal’s claims', () => {
  it('show a client only their own company’s claims, without any internal field', async () => {
    const list = (await w.as.clientA.get('/api/v1/portal/claims')).json();
    expect(list.items.map((c: { id: string }) => c.id)).toContain(claimA.id);
    expect(list.items.map((c: { id: string }) => c.id)).not.toContain(claimB.id);
    const one = await w.as.clientA.get(`/api/v1/portal/claims/${claimA.id}`);
    expect(one.json()).toMatchObject({ status: 'resolved', resolution: RESOLVE.resolution });
    for (const body of [list, one.json()]) {
      const keys = keysOf(body);
      for (const key of INTERNAL) expect(keys).not.toContain(key);
      expect(JSON.stringify(body)).not.toContain(RESOLVE.rootCauseNote);
      expect(JSON.stringify(body)).not.toContain('Ask Ivan');
    }
  });

  it('answer 404 for another company’s claim, and refuse to confirm it', async () => {
    expectProblem(await w.as.clientA.get(`/api/v1/portal/claims/${claimB.id}`), 404);
    expectProblem(await w.as.clientB.post(`/api/v1/portal/claims/${claimA.id}/confirm`), 404);
  });

  it('are the client’s only: staff are refused with 403', async () => {
    for (const viewer of ['admin', 'owner', 'specialist', 'finance'] as const) {
      expectProblem(await w.as[viewer].get('/api/v1/portal/claims'), 403);
      expectProblem(await w.as[viewer].post('/api/v1/portal/claims', { category: 'quality', description: 'x' }), 403);
    }
  });

  it('register a client’s problem on their own company, whatever they send', async () => {
    const res = await w.as.clientB.post('/api/v1/portal/claims', { category: 'quality', description: 'Broken', accountId: w.accountA.id });
    expectProblem(res, 400, 'accountId');
    const reported = await reportProblem(w.as.clientB);
    expect(reported.accountId).toBe(w.accountB.id);
  });
});

describe('the staff’s claims', () => {
  it('are refused to clients and specialists: lists 403, records 404', async () => {
    for (const viewer of ['specialist', 'clientA', 'clientB'] as const) {
      expectProblem(await w.as[viewer].get('/api/v1/claims'), 403);
      expectProblem(await w.as[viewer].get(`/api/v1/claims/${claimA.id}`), 404);
    }
  });

  it('list only the claims of the accounts a manager reads; admins and finance read all', async () => {
    const ids = async (viewer: (typeof VIEWERS)[number]) =>
      ((await w.as[viewer].get('/api/v1/claims?limit=200')).json().items as Claim[]).map((c) => c.id);
    expect(await ids('owner')).toContain(claimA.id);
    expect(await ids('owner')).not.toContain(claimB.id);
    expect(await ids('backup')).toEqual([claimA.id]);
    expect(await ids('nonOwner')).not.toContain(claimA.id);
    for (const viewer of ['admin', 'finance'] as const) expect(await ids(viewer)).toEqual(expect.arrayContaining([claimA.id, claimB.id]));
  });

  it('are moved only by the account’s manager or an admin: the backup and finance are refused with 403', async () => {
    const fresh = await createClaim(t.admin, w.accountA.id);
    for (const viewer of ['backup', 'finance'] as const) {
      const res = await expectNoWrite(t, () => w.as[viewer].post(`/api/v1/claims/${fresh.id}/status`, { status: 'in_progress' }));
      expectProblem(res, 403);
    }
    expectProblem(await w.as.nonOwner.post(`/api/v1/claims/${fresh.id}/status`, { status: 'in_progress' }), 404);
    expect((await w.as.backup.get(`/api/v1/claims/${fresh.id}`)).json().can).toEqual({ update: false, moveStatus: false });
  });
});
