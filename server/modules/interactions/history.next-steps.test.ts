import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Interaction } from '../../../common/schemas/interaction.js';
import type { TimelineEntry } from '../../../common/schemas/timeline.js';
import { createInteraction } from '../../test/fixtures.js';
import { createTestApp, type Caller, type TestApp } from '../../test/harness.js';

/*
 * A timeline page reads each interaction's next step inside its one statement, and "today" from
 * a short cache: the entry must say what the interaction itself says, whenever it is read.
 */
let t: TestApp;
let owner: Caller;
let backup: Caller;
let accountId: string;

// Sunday 22:30 in London: already Monday in Moscow.
beforeAll(async () => {
  t = await createTestApp({ now: '2026-03-08T22:30:00.000Z' });
  owner = await t.signIn('account_manager');
  backup = await t.signIn('account_manager');
  accountId = (await t.createAccount(t.admin, { name: 'Steps Ltd', ownerId: owner.user.id, backupOwnerId: backup.user.id })).id;
});
afterAll(() => t.close());

/** The interactions of the account's timeline as `who` reads them, by id. */
async function onTimeline(who: Caller): Promise<Map<string, Interaction>> {
  const res = await who.get(`/api/v1/accounts/${accountId}/timeline?limit=200`);
  expect(res.statusCode, res.body).toBe(200);
  const items = res.json().items as TimelineEntry[];
  return new Map(items.flatMap((e) => (e.entryType === 'interaction' ? [[e.id, e.interaction] as const] : [])));
}

/** Each interaction on the timeline equals the interaction read on its own, for each reader. */
async function expectAsRead(...readers: Caller[]) {
  for (const who of readers) {
    for (const [id, entry] of await onTimeline(who)) {
      expect(entry, `${who.user.name} reading ${id}`).toEqual((await who.get(`/api/v1/interactions/${id}`)).json());
    }
  }
}

const stateOf = async (id: string) => (await onTimeline(owner)).get(id)!.nextStepTracking?.state;

describe('next steps on a timeline page', () => {
  it('show their state as the interaction does: open, overdue once the date passes, done and open again', async () => {
    const today = await createInteraction(owner, accountId, { summary: 'Due today', nextStep: 'Call back', nextStepDue: '2026-03-08' });
    const later = await createInteraction(owner, accountId, { summary: 'Due later', nextStep: 'Send it', nextStepDue: '2026-03-10' });
    const undated = await createInteraction(owner, accountId, { summary: 'Undated', nextStep: 'Some day' });
    const none = await createInteraction(owner, accountId, { summary: 'Nothing agreed' });
    expect(await stateOf(today.id)).toBe('open');
    expect(await stateOf(undated.id)).toBe('open');
    expect(await stateOf(none.id)).toBeUndefined();
    await expectAsRead(owner, backup, t.admin);

    t.clock.set('2026-03-09T09:00:00.000Z');
    expect(await stateOf(today.id)).toBe('overdue');
    expect(await stateOf(later.id)).toBe('open');

    const stepId = today.nextStepTracking!.id;
    t.clock.set('2026-03-09T09:30:00.000Z');
    expect((await owner.post(`/api/v1/next-steps/${stepId}/done`)).statusCode).toBe(200);
    const done = (await onTimeline(owner)).get(today.id)!.nextStepTracking!;
    expect(done).toMatchObject({ state: 'done', doneAt: '2026-03-09T09:30:00.000Z', version: 2 });
    await expectAsRead(owner, backup, t.admin);

    expect((await owner.post(`/api/v1/next-steps/${stepId}/undone`)).statusCode).toBe(200);
    expect(await stateOf(today.id)).toBe('overdue');
    await expectAsRead(owner);
  });

  it('follow a change of the agency’s time zone at once', async () => {
    t.clock.set('2026-03-09T22:30:00.000Z'); // still the 9th in UTC, already the 10th in Moscow
    const due = await createInteraction(owner, accountId, { summary: 'Due on the 9th', nextStep: 'Reply', nextStepDue: '2026-03-09' });
    expect(await stateOf(due.id)).toBe('open');
    expect((await t.admin.patch('/api/v1/settings/billing', { timeZone: 'Europe/Moscow' })).statusCode).toBe(200);
    expect(await stateOf(due.id)).toBe('overdue');
    await expectAsRead(owner, backup);
    expect((await t.admin.patch('/api/v1/settings/billing', { timeZone: 'UTC' })).statusCode).toBe(200);
    expect(await stateOf(due.id)).toBe('open');
  });

  it('may be completed by their owner or the account’s manager, as each reader sees', async () => {
    const forBackup = await createInteraction(owner, accountId, { nextStep: 'Backup does it', nextStepOwnerId: backup.user.id });
    const forOwner = await createInteraction(owner, accountId, { nextStep: 'Owner does it' });
    const asBackup = await onTimeline(backup);
    expect(asBackup.get(forBackup.id)!.nextStepTracking!.can.complete).toBe(true);
    expect(asBackup.get(forOwner.id)!.nextStepTracking!.can.complete).toBe(false);
    const asOwner = await onTimeline(owner);
    expect(asOwner.get(forBackup.id)!.nextStepTracking!.can.complete).toBe(true);
    expect(asOwner.get(forOwner.id)!.nextStepTracking!.can.complete).toBe(true);
    await expectAsRead(owner, backup, t.admin, await t.signIn('finance'));
  });

  it('change with the interaction that agreed them, and go with it', async () => {
    const logged = await createInteraction(owner, accountId, { summary: 'Edited later', nextStep: 'First words' });
    expect(
      (await owner.patch(`/api/v1/interactions/${logged.id}`, { nextStep: 'Other words', nextStepDue: '2026-04-01' })).statusCode,
    ).toBe(200);
    expect((await onTimeline(owner)).get(logged.id)).toMatchObject({
      nextStep: 'Other words',
      nextStepDue: '2026-04-01',
      nextStepTracking: { state: 'open', version: 2 },
    });
    expect((await owner.patch(`/api/v1/interactions/${logged.id}`, { nextStep: null })).statusCode).toBe(200);
    expect((await onTimeline(owner)).get(logged.id)).toMatchObject({ nextStep: null, nextStepDue: null, nextStepTracking: null });
    await expectAsRead(owner);
  });
});
