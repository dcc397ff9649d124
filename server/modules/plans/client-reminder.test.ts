import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMilestone, createProject } from '../../test/delivery-fixtures.js';
import { expectProblem } from '../../test/fixtures.js';
import { createTestApp, type Caller, type TestApp } from '../../test/harness.js';
import { startSmtpSink, type SmtpSink } from '../../test/smtp-sink.js';

let t: TestApp;
let sink: SmtpSink;
let manager: Caller;
beforeAll(async () => {
  sink = await startSmtpSink();
  t = await createTestApp({ smtpUrl: sink.url, publicUrl: 'https://crm.agency.test' });
  manager = await t.signIn('account_manager');
});
afterAll(async () => {
  await t.close();
  await sink.close();
});

/** A project whose plan waits for the client and one requirement waits for agreement. */
async function waitingProject(language: 'en' | 'ru', portalEmail: string | null) {
  const account = await t.createAccount(manager, { name: `Ромашка ${language}`, language });
  await manager.post('/api/v1/contacts', {
    accountId: account.id,
    firstName: 'Olga',
    email: portalEmail,
    portalAccess: portalEmail !== null,
  });
  await manager.post('/api/v1/contacts', { accountId: account.id, firstName: 'Ivan', email: 'ivan@not-portal.test' });
  const project = await createProject(manager, account.id, { name: 'Сайт 2027' });
  await createMilestone(manager, project.id, 'Прототип', '2026-04-01');
  expect((await manager.post(`/api/v1/projects/${project.id}/plan/submit`)).statusCode).toBe(200);
  await manager.post('/api/v1/requirements', { projectId: project.id, party: 'company', text: 'Доступ к CMS' });
  return { account, project };
}

describe('reminding the client of what waits for them', () => {
  it('emails the portal contacts in the account’s language, lists the plan and requirements, and records it', async () => {
    sink.clear();
    const { account, project } = await waitingProject('ru', 'olga@client.test');
    const res = await manager.post(`/api/v1/projects/${project.id}/remind-client`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ to: ['olga@client.test'], plan: true, requirements: 1 });

    expect(sink.messages).toHaveLength(1);
    const mail = sink.messages[0];
    expect(mail.to).toMatchObject({ text: 'olga@client.test' });
    expect(mail.subject).toBe('Ждём вашего согласования: Сайт 2027');
    expect(mail.text).toContain('план работ, отправленный 2 мар. 2026');
    expect(mail.text).toContain('требование «Доступ к CMS»');
    expect(mail.text).toContain('https://crm.agency.test/portal');

    const events = (await manager.get(`/api/v1/accounts/${account.id}/timeline?limit=20`)).json().items;
    expect(events.find((e: { kind?: string }) => e.kind === 'client_reminded')).toMatchObject({
      data: { projectId: project.id, to: 'olga@client.test', plan: true, requirements: 1 },
    });

    const again = expectProblem(await manager.post(`/api/v1/projects/${project.id}/remind-client`), 409);
    expect(again.code).toBe('reminder.already_today');
    expect(sink.messages).toHaveLength(1);
  });

  it('says so when nothing waits, or when no portal contact has an email address', async () => {
    const idle = await createProject(manager, (await t.createAccount(manager)).id);
    expect(expectProblem(await manager.post(`/api/v1/projects/${idle.id}/remind-client`), 409).code).toBe('reminder.nothing_waiting');
    const { project } = await waitingProject('en', null);
    expect(expectProblem(await manager.post(`/api/v1/projects/${project.id}/remind-client`), 409).code).toBe('reminder.no_portal_contact');
  });

  it('only the account’s manager reminds; others are refused', async () => {
    const { project } = await waitingProject('en', 'pat@client.test');
    const other = await t.signIn('account_manager');
    expectProblem(await other.post(`/api/v1/projects/${project.id}/remind-client`), 404);
    expectProblem(await (await t.signIn('finance')).post(`/api/v1/projects/${project.id}/remind-client`), 403);
  });
});
