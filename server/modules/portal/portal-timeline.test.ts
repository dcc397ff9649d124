import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../../common/schemas/timeline.js';
import { issuedInvoice } from '../../test/billing-fixtures.js';
import { createProject } from '../../test/delivery-fixtures.js';
import { expectProblem } from '../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { buildWorld, type World } from '../../test/world.js';

/** What the client does in the portal reaches the manager on the account's timeline. */

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await createTestApp({ now: '2026-03-10T10:00:00.000Z' });
  w = await buildWorld(t);
});
afterAll(() => t.close());

const events = async (kind: string) => {
  const res = await w.as.owner.get(`/api/v1/accounts/${w.accountA.id}/timeline?limit=100`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: TimelineEntry[] }>().items.filter((e) => e.entryType === 'event' && e.kind === kind);
};

describe('the client’s answers on the manager’s timeline', () => {
  it('a requirement agreed or declined, with the text and the client’s reason; a decline needs one', async () => {
    const p = await createProject(w.as.owner, w.accountA.id, { name: 'Alpha shop' });
    const requirement = async (text: string) =>
      (await w.as.owner.post('/api/v1/requirements', { projectId: p.id, party: 'client', text })).json<{ id: string }>().id;
    const [cms, logo] = [await requirement('Give CMS access'), await requirement('Send the logo')];
    const bare = await w.as.clientA.post(`/api/v1/requirements/${logo}/reject`, {});
    expectProblem(bare, 400, 'note');
    expect(bare.json().code).toBe('requirement.decline_reason');
    expect((await w.as.clientA.post(`/api/v1/requirements/${cms}/agree`, {})).statusCode).toBe(200);
    expect((await w.as.clientA.post(`/api/v1/requirements/${logo}/reject`, { note: 'We have no logo yet' })).statusCode).toBe(200);
    expect(await events('requirement_agreed')).toMatchObject([
      { actorId: w.as.clientA.user.id, data: { projectId: p.id, name: 'Alpha shop', requirementId: cms, text: 'Give CMS access' } },
    ]);
    expect(await events('requirement_declined')).toMatchObject([
      { actorId: w.as.clientA.user.id, data: { requirementId: logo, text: 'Send the logo', reason: 'We have no logo yet' } },
    ]);
  });

  it('an invoice downloaded by the client, once however often they open it; staff downloads are not news', async () => {
    const invoice = await issuedInvoice(t.admin, w.accountA.id);
    for (const who of [w.as.owner, w.as.clientA, w.as.clientA]) {
      const pdf = await who.get(`/api/v1/invoices/${invoice.id}/pdf`);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    }
    expect(await events('invoice_downloaded')).toMatchObject([
      { actorId: w.as.clientA.user.id, data: { invoiceId: invoice.id, number: invoice.number } },
    ]);
    expect((await w.as.clientB.get(`/api/v1/invoices/${invoice.id}/pdf`)).statusCode).toBe(404);
    expect(await events('invoice_downloaded')).toHaveLength(1);
  });
});
