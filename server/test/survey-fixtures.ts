import type { ParsedMail } from 'mailparser';
import { expect } from 'vitest';
import type { Survey } from '../../common/schemas/survey.js';
import type { Caller, TestApp } from './harness.js';
import type { SmtpSink } from './smtp-sink.js';

export const PUBLIC_URL = 'https://liaison.example.test';

/** The single-use link in a survey email's text part, its token, and that the HTML part leads to it too. */
export function surveyLinkIn(mail: ParsedMail): { url: string; token: string } {
  const match = /(https?:\/\/\S+\/s\/([\w-]+))/.exec(mail.text ?? '');
  expect(match, `a survey link in: ${mail.text}`).not.toBeNull();
  expect(mail.html || '').toContain(`href="${match![1]}"`);
  return { url: match![1], token: match![2] };
}

/** The emails the sink received for `to`, oldest first. */
export const mailsTo = (sink: SmtpSink, to: string) =>
  sink.messages.filter((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((a) => a?.text.includes(to)));

/** An account of `manager` with a contact who has an email (in `language` when given). */
export async function accountWithContact(
  t: TestApp,
  manager: Caller,
  opts: { email: string; language?: 'en' | 'ru'; decisionRole?: string },
) {
  const account = await t.createAccount(manager, { status: 'active' });
  const res = await manager.post('/api/v1/contacts', {
    accountId: account.id,
    firstName: opts.email.split('@')[0],
    email: opts.email,
    language: opts.language ?? null,
    decisionRole: opts.decisionRole ?? 'decision_maker',
  });
  if (res.statusCode !== 201) throw new Error(`create contact failed: ${res.body}`);
  return { account, contact: res.json<{ id: string }>() };
}

export async function sendSurvey(by: Caller, body: Record<string, unknown>): Promise<Survey> {
  const res = await by.post('/api/v1/surveys', body);
  if (res.statusCode !== 201) throw new Error(`send survey failed: ${res.body}`);
  return res.json();
}
