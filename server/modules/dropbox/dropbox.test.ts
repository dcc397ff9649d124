import { createTransport, type SendMailOptions } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboundEmail } from '../../../common/schemas/dropbox.js';
import { expectProblem } from '../../test/fixtures.js';
import { createTestApp, type Caller, type TestApp } from '../../test/harness.js';
import type { InboundSmtp } from './index.js';

/*
 * Mail goes through the real protocol: nodemailer sends to the dropbox's SMTP listener on an
 * ephemeral loopback port, and the API shows where it landed.
 */
let t: TestApp;
let smtp: InboundSmtp;
let manager: Caller;
let other: Caller;
let accountId: string;
let contactId: string;
let managerAddress: string;
const MAX_BYTES = 64 * 1024;

const send = (mail: SendMailOptions) =>
  createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true }).sendMail(mail);

/** The email interactions on the account's timeline. */
async function emailsOnTimeline(by: Caller = manager) {
  const res = await by.get(`/api/v1/interactions?accountId=${accountId}&type=email`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as { id: string; summary: string; contactIds: string[]; authorId: string }[];
}

async function messageOf(interactionId: string, by: Caller = manager): Promise<InboundEmail> {
  const res = await by.get(`/api/v1/interactions/${interactionId}/email`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function unmatched(by: Caller): Promise<InboundEmail[]> {
  const res = await by.get('/api/v1/dropbox/unmatched');
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}

beforeAll(async () => {
  t = await createTestApp({ publicUrl: 'https://crm.agency.test' });
  smtp = await t.app.services.startInboundSmtp({ port: 0, host: '127.0.0.1', limits: { maxBytes: MAX_BYTES, maxAttachments: 3 } });
  manager = await t.signIn('account_manager', { email: 'mila@agency.test' });
  other = await t.signIn('account_manager');
  accountId = (await t.createAccount(manager, { name: 'Acme' })).id;
  contactId = (await t.createContact(manager, accountId, 'Anna')).id; // anna@client.test
  managerAddress = (await manager.get('/api/v1/me/dropbox')).json().address;
});
afterAll(async () => {
  await smtp.close();
  await t.close();
});

describe('dropbox addresses', () => {
  it('gives each manager and each account one unguessable address at the public host', async () => {
    expect(managerAddress).toMatch(/^[0-9a-f]{32}@crm\.agency\.test$/);
    expect((await manager.get('/api/v1/me/dropbox')).json().address).toBe(managerAddress);
    const otherAddress = (await other.get('/api/v1/me/dropbox')).json().address;
    expect(otherAddress).not.toBe(managerAddress);
    const account = await manager.get(`/api/v1/accounts/${accountId}/dropbox`);
    expect(account.statusCode, account.body).toBe(200);
    expect(account.json().address).toMatch(/^[0-9a-f]{32}@crm\.agency\.test$/);
    expect((await t.admin.get(`/api/v1/accounts/${accountId}/dropbox`)).json()).toEqual(account.json());
  });

  it('shows an account’s address only to those who read it, and no address to people who do not log mail', async () => {
    expectProblem(await other.get(`/api/v1/accounts/${accountId}/dropbox`), 404);
    expectProblem(await (await t.signIn('specialist')).get('/api/v1/me/dropbox'), 403);
  });
});

describe('mail copied to a manager’s address', () => {
  it('logs what a manager sends a contact on the contact’s account, with its text and attachment', async () => {
    const pdf = Buffer.from('%PDF-1.4 the signed brief');
    await send({
      from: 'Mila <mila@agency.test>',
      to: 'Anna <Anna@Client.test>',
      bcc: managerAddress,
      subject: 'Kick-off notes',
      text: 'Hello Anna,\nthe notes from today are attached.',
      attachments: [{ filename: 'Бриф.pdf', content: pdf, contentType: 'application/pdf' }],
      messageId: '<kickoff-1@agency.test>',
    });
    const [logged] = await emailsOnTimeline();
    expect(logged.summary).toBe('Kick-off notes\n\nHello Anna,\nthe notes from today are attached.');
    expect(logged.contactIds).toEqual([contactId]);
    expect(logged.authorId).toBe(manager.user.id);
    const timeline = (await manager.get(`/api/v1/accounts/${accountId}/timeline`)).json().items;
    expect(timeline.some((e: { id: string }) => e.id === logged.id)).toBe(true);

    const mail = await messageOf(logged.id);
    expect(mail).toMatchObject({
      status: 'logged',
      accountId,
      direction: 'out',
      subject: 'Kick-off notes',
      recipients: ['anna@client.test'],
    });
    expect(mail.from).toEqual({ address: 'mila@agency.test', name: 'Mila' });
    expect(mail.attachments).toEqual([{ id: expect.any(String), filename: 'Бриф.pdf', contentType: 'application/pdf', size: pdf.length }]);
    const file = await manager.get(`/api/v1/dropbox/emails/${mail.id}/attachments/${mail.attachments[0].id}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(pdf)).toBe(true);
    expect(file.headers['content-disposition']).toContain("filename*=UTF-8''%D0%91%D1%80%D0%B8%D1%84.pdf");
  });

  it('logs the same message once however many times it arrives', async () => {
    await send({
      from: 'mila@agency.test',
      to: 'anna@client.test',
      bcc: managerAddress,
      subject: 'Kick-off notes',
      text: 'again',
      messageId: '<kickoff-1@agency.test>',
    });
    expect(await emailsOnTimeline()).toHaveLength(1);
  });

  it('reduces an HTML-only reply from the contact to text, as mail coming in', async () => {
    await send({
      from: 'anna@client.test',
      to: 'mila@agency.test',
      cc: managerAddress,
      subject: 'Re: Kick-off notes',
      html: '<p>Thanks, <b>Mila</b>!</p><script>alert(1)</script><p>See you on Monday.</p>',
    });
    const logged = (await emailsOnTimeline()).find((i) => i.summary.startsWith('Re: Kick-off notes'))!;
    const mail = await messageOf(logged.id);
    expect(mail.direction).toBe('in');
    expect(mail.text).toContain('Thanks, Mila!');
    expect(mail.text).toContain('See you on Monday.');
    expect(mail.text).not.toMatch(/<|alert/);
  });

  it('lets no one else read a logged message or its files', async () => {
    const logged = (await emailsOnTimeline()).find((i) => i.summary.startsWith('Kick-off notes'))!;
    const mail = await messageOf(logged.id);
    expectProblem(await other.get(`/api/v1/interactions/${logged.id}/email`), 404);
    expectProblem(await other.get(`/api/v1/dropbox/emails/${mail.id}`), 404);
    expectProblem(await other.get(`/api/v1/dropbox/emails/${mail.id}/attachments/${mail.attachments[0].id}`), 404);
    expect((await t.admin.get(`/api/v1/dropbox/emails/${mail.id}`)).statusCode).toBe(200);
  });
});

describe('mail to an account’s address', () => {
  it('is logged on that account even from an address no contact has, by the account’s manager', async () => {
    const accountAddress = (await manager.get(`/api/v1/accounts/${accountId}/dropbox`)).json().address;
    await send({ from: 'billing@client.test', to: accountAddress, subject: 'Invoice question', text: 'Which VAT rate?' });
    const logged = (await emailsOnTimeline()).find((i) => i.summary.startsWith('Invoice question'))!;
    expect(logged.authorId).toBe(manager.user.id);
    expect(logged.contactIds).toEqual([]);
  });
});

describe('mail a manager forwards to their address', () => {
  it('logs a client’s forwarded mail on the client’s account, as mail from the client', async () => {
    await send({
      from: 'Mila <mila@agency.test>',
      to: managerAddress,
      subject: 'Fwd: Change of scope',
      text: 'FYI\n\n---------- Forwarded message ---------\nFrom: Anna Client <Anna@Client.test>\nDate: Mon, 30 Nov 2026 at 10:00\nSubject: Change of scope\nTo: Mila <mila@agency.test>\n\nWe need two more landing pages.',
    });
    const logged = (await emailsOnTimeline()).find((i) => i.summary.startsWith('Change of scope'))!;
    expect(logged).toMatchObject({ contactIds: [contactId], authorId: manager.user.id });
    expect(logged.summary).toContain('We need two more landing pages.');
    const mail = await messageOf(logged.id);
    expect(mail).toMatchObject({ status: 'logged', accountId, direction: 'in', subject: 'Change of scope' });
    expect(mail.from).toEqual({ address: 'anna@client.test', name: 'Anna Client' });
  });

  it('knows Russian forwards and Outlook’s header block, in text and in HTML', async () => {
    const forwards: SendMailOptions[] = [
      {
        subject: 'Пересл: Счёт за ноябрь',
        text: 'Посмотри, пожалуйста.\n\n-------- Пересылаемое сообщение --------\n30.11.2026, 10:00, "Анна" <anna@client.test>:\n\nСчёт не пришёл.',
      },
      {
        subject: 'FW: Акт сверки',
        html: '<p>Для истории</p><hr><p><b>От:</b> Анна &lt;anna@client.test&gt;<br><b>Отправлено:</b> 30 ноября 2026 г. 10:00<br><b>Кому:</b> Мила<br><b>Тема:</b> Акт сверки</p><p>Акт подписан.</p>',
      },
    ];
    for (const mail of forwards) await send({ from: 'mila@agency.test', to: managerAddress, ...mail });
    const emails = await emailsOnTimeline();
    for (const subject of ['Счёт за ноябрь', 'Акт сверки']) {
      const logged = emails.find((i) => i.summary.startsWith(subject));
      expect(logged, subject).toMatchObject({ contactIds: [contactId], authorId: manager.user.id });
      expect((await messageOf(logged!.id)).from.address).toBe('anna@client.test');
    }
  });

  it('keeps a forward of a stranger’s mail unmatched under the stranger’s address, to file by hand', async () => {
    await send({
      from: 'mila@agency.test',
      to: managerAddress,
      subject: 'Fwd: Tender',
      text: '---------- Forwarded message ---------\nFrom: Buyer <buyer@tenders.test>\n\nInvitation to tender.',
    });
    const mail = (await unmatched(manager)).find((m) => m.subject === 'Tender')!;
    expect(mail).toMatchObject({ direction: 'in', from: { address: 'buyer@tenders.test', name: 'Buyer' } });
    expect((await manager.delete(`/api/v1/dropbox/unmatched/${mail.id}`)).statusCode).toBe(204);
  });
});

describe('the unmatched inbox', () => {
  it('keeps mail from unknown senders for the manager whose address it came to', async () => {
    await send({
      from: 'stranger@nowhere.test',
      to: managerAddress,
      subject: 'Partnership?',
      text: 'Let us talk.',
      messageId: '<p1@nowhere.test>',
    });
    const [mail] = await unmatched(manager);
    expect(mail).toMatchObject({ status: 'unmatched', accountId: null, subject: 'Partnership?', text: 'Let us talk.', direction: 'in' });
    expect(await unmatched(other)).toEqual([]);
    expect((await unmatched(t.admin)).map((m) => m.id)).toEqual([mail.id]);
  });

  it('files a message on an account its owner manages; others cannot, and it files once', async () => {
    const [mail] = await unmatched(manager);
    expectProblem(await other.post(`/api/v1/dropbox/unmatched/${mail.id}/file`, { accountId }), 404);
    const otherAccount = (await t.createAccount(other, { name: 'Not Mila’s' })).id;
    expectProblem(await manager.post(`/api/v1/dropbox/unmatched/${mail.id}/file`, { accountId: otherAccount }), 400, 'accountId');
    expect(await unmatched(manager)).toHaveLength(1); // the refused filing wrote nothing

    const filed = await manager.post(`/api/v1/dropbox/unmatched/${mail.id}/file`, { accountId });
    expect(filed.statusCode, filed.body).toBe(200);
    expect(filed.json()).toMatchObject({ status: 'logged', accountId });
    expect((await emailsOnTimeline()).find((i) => i.id === filed.json().interactionId)?.summary).toBe('Partnership?\n\nLet us talk.');
    expect(await unmatched(manager)).toEqual([]);
    expectProblem(await manager.post(`/api/v1/dropbox/unmatched/${mail.id}/file`, { accountId }), 409);
  });

  it('discards a message, and a copy arriving later stays discarded', async () => {
    const spam = { from: 'offers@spam.test', to: managerAddress, subject: 'Win', text: 'Click', messageId: '<spam-1@spam.test>' };
    await send(spam);
    const [mail] = await unmatched(manager);
    expectProblem(await other.delete(`/api/v1/dropbox/unmatched/${mail.id}`), 404);
    expect((await manager.delete(`/api/v1/dropbox/unmatched/${mail.id}`)).statusCode).toBe(204);
    const audit = (await t.admin.get(`/api/v1/audit-log?recordType=inbound_email&recordId=${mail.id}`)).json().items;
    expect(audit).toMatchObject([{ action: 'delete', actorId: manager.user.id, recordLabel: 'Win' }]);
    await send(spam);
    expect(await unmatched(manager)).toEqual([]);
    expectProblem(await manager.get(`/api/v1/dropbox/emails/${mail.id}`), 404);
  });

  it('keeps mail about another manager’s account unmatched for the one who copied it', async () => {
    const theirs = (await t.createAccount(other, { name: 'Globex' })).id;
    await t.createContact(other, theirs, 'Gordon');
    await send({ from: 'gordon@client.test', to: managerAddress, subject: 'Hello', text: 'Wrong manager' });
    const [mail] = await unmatched(manager);
    expect(mail.subject).toBe('Hello');
    expect((await other.get(`/api/v1/interactions?accountId=${theirs}`)).json().items).toEqual([]);
    expect((await manager.delete(`/api/v1/dropbox/unmatched/${mail.id}`)).statusCode).toBe(204);
  });
});

describe('what the listener refuses', () => {
  it('refuses recipients that are not dropbox addresses (no relaying)', async () => {
    for (const to of ['00000000000000000000000000000000@crm.agency.test', 'someone@elsewhere.test']) {
      await expect(send({ from: 'anna@client.test', to, subject: 'x', text: 'x' })).rejects.toMatchObject({ code: 'EENVELOPE' });
    }
  });

  it('refuses a message over the size limit and keeps nothing of it', async () => {
    const before = await unmatched(t.admin);
    await expect(
      send({
        from: 'stranger@nowhere.test',
        to: managerAddress,
        subject: 'Huge',
        text: 'big',
        attachments: [{ filename: 'big.bin', content: Buffer.alloc(MAX_BYTES) }],
      }),
    ).rejects.toMatchObject({ responseCode: 552 });
    expect(await unmatched(t.admin)).toEqual(before);
  });

  it('refuses a message with more attachments than allowed', async () => {
    const files = Array.from({ length: 4 }, (_, i) => ({ filename: `f${i}.txt`, content: `file ${i}` }));
    await expect(
      send({ from: 'stranger@nowhere.test', to: managerAddress, subject: 'Many', text: 'x', attachments: files }),
    ).rejects.toMatchObject({
      responseCode: 552,
    });
    expect((await unmatched(manager)).map((m) => m.subject)).not.toContain('Many');
  });
});
