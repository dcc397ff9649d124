import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../../common/schemas/message.js';
import { expectNoWrite, expectProblem } from '../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { buildWorld, type Viewer, type World } from '../../test/world.js';

let t: TestApp;
let w: World;
let fromA: Message;
let fromB: Message;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  fromA = (await w.as.clientA.post('/api/v1/messages', { body: 'From Alpha' })).json();
  fromB = (await w.as.clientB.post('/api/v1/messages', { body: 'From Beta' })).json();
});
afterAll(() => t.close());

const threadOf = (v: Viewer, accountId?: string) => w.as[v].get(`/api/v1/messages${accountId ? `?accountId=${accountId}` : ''}`);
const writeTo = (v: Viewer, accountId?: string) => w.as[v].post('/api/v1/messages', { body: `From ${v}`, ...(accountId && { accountId }) });

describe('who reads and writes company A’s requests', () => {
  it.each<Viewer>(['admin', 'owner', 'backup', 'finance', 'clientA'])('%s reads the thread and writes to it', async (v) => {
    const read = await threadOf(v, w.accountA.id);
    expect(read.statusCode, read.body).toBe(200);
    const ids = read.json().items.map((m: Message) => m.id);
    expect(ids).toContain(fromA.id);
    expect(ids).not.toContain(fromB.id);
    const written = await writeTo(v, w.accountA.id);
    expect(written.statusCode, written.body).toBe(201);
    expect(written.json()).toMatchObject({ accountId: w.accountA.id, author: { fromClient: v === 'clientA' } });
  });

  it.each<Viewer>(['nonOwner', 'specialist', 'clientB'])(
    '%s neither reads it (404) nor writes to it (400, as if it did not exist)',
    async (v) => {
      expectProblem(await threadOf(v, w.accountA.id), 404);
      const res = await expectNoWrite(t, () => writeTo(v, w.accountA.id));
      expect(expectProblem(res, 400, 'accountId').code).toBe('account.no_such_account');
    },
  );

  it('answers an unknown company like one the reader may not see', async () => {
    const unknown = '0190f1e2-0000-7000-8000-000000000000';
    expectProblem(await threadOf('owner', unknown), 404);
    expectProblem(await writeTo('owner', unknown), 400, 'accountId');
  });
});

describe('the account’s writeMessage ability', () => {
  it('is there for those the thread answers', async () => {
    for (const v of ['owner', 'backup', 'finance', 'clientA'] as const) {
      const account = await w.as[v].get(`/api/v1/accounts/${w.accountA.id}`);
      expect(account.json().can.writeMessage, v).toBe(true);
    }
  });
});

describe('a client user', () => {
  it('reads their own company’s thread without naming it, and never another’s', async () => {
    const own = await threadOf('clientB');
    expect(own.json().items.map((m: Message) => m.body)).toContain('From Beta');
    expect(own.json().items.map((m: Message) => m.id)).not.toContain(fromA.id);
  });

  it('writes to their own company without naming it', async () => {
    const res = await writeTo('clientB');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().accountId).toBe(w.accountB.id);
  });
});
