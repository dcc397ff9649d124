import type { SurveyKind } from '../../common/enums.js';
import type { CorrectiveAction, CorrectiveActionCreate } from '../../common/schemas/corrective-action.js';
import type { Caller, TestApp } from './harness.js';

let opened = 0;

/** What a new action on a claim needs, for tests to override. */
export const actionBody = (claimId: string, ownerId: string, input: Partial<CorrectiveActionCreate> = {}): CorrectiveActionCreate => ({
  claimId,
  what: `Add a phone check to the release list (${++opened})`,
  ownerId,
  dueOn: '2026-12-15',
  checkOn: '2027-03-01',
  ...input,
});

/** Opens a corrective action through the API and returns it. */
export async function createAction(by: Caller, body: CorrectiveActionCreate): Promise<CorrectiveAction> {
  const res = await by.post('/api/v1/corrective-actions', body);
  if (res.statusCode !== 201) throw new Error(`open corrective action failed: ${res.body}`);
  return res.json();
}

let answered = 0;

/** An answered survey of the account's contact, as constructed data: `score` given at `at`. */
export async function answeredSurvey(t: TestApp, a: { accountId: string; contactId: string }, kind: SurveyKind, score: number, at: string) {
  answered += 1;
  await t.database.db
    .insertInto('surveys')
    .values({
      id: `constructed-${answered}-${Date.now()}`,
      created_at: at,
      updated_at: at,
      account_id: a.accountId,
      project_id: null,
      contact_id: a.contactId,
      kind,
      trigger: 'manual',
      language: 'en',
      token_hash: null,
      sent_at: at,
      expires_at: at,
      score,
      comment: null,
      answered_at: at,
      sent_by_id: null,
      milestone_id: null,
      email_id: null,
    })
    .execute();
}
