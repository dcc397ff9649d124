import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { PUBLIC_URL, sendSurvey } from '../../test/survey-fixtures.js';
import { agendaOfKind, moveClockTo } from '../../test/today-fixtures.js';
import { buildWorld, type World } from '../../test/world.js';

let t: TestApp;
let w: World;
let detractor: string;
let unhappy: string;
beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-02T09:00:00.000Z', publicUrl: PUBLIC_URL });
  w = await buildWorld(t);
  // A contact is asked once a month: one survey each.
  const [oleg, pia, quinn] = await Promise.all(['Oleg', 'Pia', 'Quinn'].map((n) => t.createContact(t.admin, w.accountA.id, n)));
  // Answers recorded as they stand, without the follow-up an answer through the link opens.
  const answered = async (contactId: string, kind: 'nps' | 'csat', score: number, at: string) => {
    const s = await sendSurvey(w.as.owner, { accountId: w.accountA.id, contactId, kind });
    await t.database.db.updateTable('surveys').set({ score, answered_at: at, token_hash: null }).where('id', '=', s.id).execute();
    return s.id;
  };
  detractor = await answered(w.contactA.id, 'nps', 4, '2026-11-03T10:00:00.000Z');
  unhappy = await answered(oleg.id, 'csat', 2, '2026-11-05T10:00:00.000Z');
  await answered(pia.id, 'csat', 3, '2026-11-05T11:00:00.000Z');
  await answered(quinn.id, 'nps', 9, '2026-11-05T12:00:00.000Z');
  await moveClockTo(t, w, '2026-11-06T09:00:00.000Z');
});
afterAll(() => t.close());

describe('unhappy answers not followed up, on the manager’s Today', () => {
  it('an NPS detractor and an unhappy CSAT, oldest first; a passive CSAT and a promoter are not', async () => {
    const items = await agendaOfKind(w.as.owner, 'detractor_not_followed_up');
    expect(items.map((i) => [i.key, i.due, i.severity, i.record.type])).toEqual([
      [`detractor:${detractor}`, '2026-11-03', 'high', 'survey'],
      [`detractor:${unhappy}`, '2026-11-05', 'high', 'survey'],
    ]);
    expect(items[0].reason).toBe('Low NPS score 4 from Anna on 3 Nov 2026 is not followed up: no claim, next step or contact since');
    expect(await agendaOfKind(w.as.nonOwner, 'detractor_not_followed_up')).toEqual([]);
  });

  it('a call logged after the first answer follows it up; a next step after both follows up both', async () => {
    const call = await w.as.owner.post('/api/v1/interactions', {
      accountId: w.accountA.id,
      type: 'call',
      summary: 'Talked the score through',
      occurredAt: '2026-11-04T10:00:00.000Z',
    });
    expect(call.statusCode, call.body).toBe(201);
    expect((await agendaOfKind(w.as.owner, 'detractor_not_followed_up')).map((i) => i.record.id)).toEqual([unhappy]);
    const step = await w.as.owner.post('/api/v1/next-steps', { accountId: w.accountA.id, text: 'Agree on a fix', dueDate: '2026-11-10' });
    expect(step.statusCode, step.body).toBe(201);
    expect(await agendaOfKind(w.as.owner, 'detractor_not_followed_up')).toEqual([]);
  });
});
