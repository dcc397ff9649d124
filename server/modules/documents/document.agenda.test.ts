import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../../common/schemas/document.js';
import { createDocument, sendDocument } from '../../test/document-fixtures.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { agendaOfKind, moveClockTo } from '../../test/today-fixtures.js';
import { buildWorld, type World } from '../../test/world.js';

let t: TestApp;
let w: World;
let act: Document;
let contract: Document;
let renewed: Document;
let draft: Document;
beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-10T09:00:00.000Z' });
  w = await buildWorld(t);
  const sent = async (input: Record<string, unknown>) => {
    const doc = await createDocument(w.as.owner, w.accountA.id, input);
    const res = await sendDocument(w.as.owner, doc.id, [w.contactA.id]);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ document: Document }>().document;
  };
  act = await sent({ title: 'October works' });
  contract = await sent({ kind: 'contract', lines: [], periodFrom: '2026-01-01', periodTo: '2026-12-10' });
  renewed = await sent({ kind: 'contract', lines: [], periodFrom: '2026-01-01', periodTo: '2026-12-05' });
  await moveClockTo(t, w, '2026-11-19T09:00:00.000Z');
  await sent({ kind: 'contract', lines: [], periodFrom: '2026-12-06', periodTo: '2027-12-05', renewsId: renewed.id });
  draft = await createDocument(w.as.owner, w.accountA.id, { title: 'November works' });
  await moveClockTo(t, w, '2026-11-20T09:00:00.000Z');
});
afterAll(() => t.close());

describe('paperwork on the manager’s Today', () => {
  it('a draft left overnight is to send', async () => {
    const items = await agendaOfKind(w.as.owner, 'document_to_send');
    expect(items.map((i) => [i.key, i.group, i.record.path])).toEqual([
      [`document-to-send:${draft.id}:2026-11-20`, 'today', `/documents/${draft.id}`],
    ]);
    expect(items[0].reason).toBe('The draft act “November works” dated 20 Nov 2026 is not sent yet');
  });

  it('documents sent for signature and unsigned for longer than the client-wait setting, oldest first', async () => {
    const items = await agendaOfKind(w.as.owner, 'signature_waiting');
    // The renewal was sent yesterday: within the 5 days.
    expect(new Set(items.map((i) => i.record.id))).toEqual(new Set([act.id, contract.id, renewed.id]));
    const item = items.find((i) => i.record.id === act.id)!;
    expect(item).toMatchObject({ key: `signature-waiting:${act.id}:2026-11-10`, due: '2026-11-15', overdueDays: 5, severity: 'medium' });
    expect(item.reason).toBe(`The act ${act.number} was sent for signature on 10 Nov 2026; the client has not signed it for 10\u00a0days`);
  });

  it('a contract ending within 30 days with no renewal in force; the renewed one is not on Today', async () => {
    const items = await agendaOfKind(w.as.owner, 'contract_ending');
    expect(items.map((i) => [i.key, i.due, i.severity])).toEqual([[`contract-ending:${contract.id}:2026-12-10`, '2026-11-10', 'medium']]);
    expect(items[0].reason).toBe(`Contract ${contract.number} ends on 10 Dec 2026, in 20\u00a0days, and no renewal is in force`);
  });

  it('in Russian, and never on another manager’s Today', async () => {
    expect((await w.as.owner.patch('/api/v1/auth/me', { language: 'ru' })).statusCode).toBe(200);
    const [ending] = await agendaOfKind(w.as.owner, 'contract_ending');
    expect(ending.reason).toBe(`Договор ${contract.number} заканчивается 10 дек. 2026 г., через 20\u00a0дней, а продление не оформлено`);
    for (const kind of ['document_to_send', 'signature_waiting', 'contract_ending'])
      expect(await agendaOfKind(w.as.nonOwner, kind)).toEqual([]);
  });

  it('a longer client wait in the setting takes the signatures off', async () => {
    await t.database.db.insertInto('settings').values({ key: 'today.client_wait_days', value: '15' }).execute();
    await moveClockTo(t, w, '2026-11-20T10:00:00.000Z'); // past the settings' cache
    expect(await agendaOfKind(w.as.owner, 'signature_waiting')).toEqual([]);
  });
});
