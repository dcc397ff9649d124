import type { Kysely } from 'kysely';
import { ERASED_NAME, type ContactErased } from '../../../common/schemas/privacy.js';
import type { DB } from '../../db/schema.js';
import { fieldError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { foldText } from '../../lib/text.js';
import { recordAudit } from '../audit/index.js';
import { orNone, type DataSubject } from './privacy.collect.js';
import { sweepValues } from './privacy.sweep.js';

/** What replaces an erased value inside other text (a summary naming them, a mail header). */
const ERASED_VALUE = '[erased]';
/** What remains of a message whose body was theirs. */
const REMOVED_BODY = '[removed at the person’s request]';
/** Keys of audited fields that hold a person's details; their values leave the audit log. */
const PERSONAL_KEYS = new Set(['firstName', 'lastName', 'name', 'fullName', 'email', 'phone', 'position', 'signerName', 'comment', 'body']);

/** Below this length a text is too common to replace wherever it appears. */
const SWEPT_TEXT_MIN = 12;
/** The start of a text that excerpts of it begin with. */
const EXCERPT_START = 24;

/**
 * A text as its copies hold it: whole, on one line (as excerpts flatten it), and the start of
 * that line (an excerpt cut short); too short a text is left alone (it could be anyone's).
 */
function wordsOf(text: string): string[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length < SWEPT_TEXT_MIN) return [];
  return [text, flat, ...(flat.length > EXCERPT_START ? [flat.slice(0, EXCERPT_START)] : [])];
}

/**
 * Only a name of two words or more is replaced wherever it appears: a lone first name ("Ann")
 * is part of too many other words and names; the records tied to the person are rewritten anyway.
 */
const distinctiveName = (name: string) => /\S\s+\S/.test(name.trim()) && name.trim().length >= 5;
/** A phone number with fewer digits than this could be any figure in a text. */
const distinctivePhone = (phone: string | null): phone is string => (phone?.replace(/\D/g, '').length ?? 0) >= 6;

export const contactFullName = (c: { first_name: string; last_name: string | null }) => `${c.first_name} ${c.last_name ?? ''}`.trim();

interface ContactToErase {
  id: string;
  first_name: string;
  last_name: string | null;
  email: string | null;
  phone: string | null;
}

/** The audit entry's changes with every personal value replaced, so the history says what changed but not to what. */
function redactChanges(changes: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(changes);
  } catch {
    return '{}';
  }
  const redact = (v: unknown, personal: boolean): unknown => {
    if (Array.isArray(v)) return v.map((x) => redact(x, personal));
    if (v && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, redact(x, personal || PERSONAL_KEYS.has(k))]));
    return personal && v !== null ? ERASED_VALUE : v;
  };
  return JSON.stringify(redact(parsed, false));
}

/**
 * Erases a contact in the caller's transaction: their record, their portal users, what they
 * wrote (message and mail bodies, survey comments, attachments of their mail), their audit
 * trail's values, and every copy of their name, address and phone elsewhere. Invoices and
 * documents stay as issued or signed (LEGAL_RECORDS). The erasure's own audit entry names only ids.
 */
export async function eraseContact(
  t: Kysely<DB>,
  contact: ContactToErase,
  who: DataSubject,
  confirm: string,
  actorId: string,
  now: string,
): Promise<ContactErased> {
  const fullName = contactFullName(contact);
  if (confirm.trim() !== fullName) throw fieldError('confirm', 'privacy.confirm_name');
  const userIds = orNone(who.userIds);
  const emails = orNone(who.emails);
  const users = await t.selectFrom('users').select(['name', 'phone', 'email']).where('id', 'in', userIds).execute();

  await t
    .updateTable('contacts')
    .set((eb) => ({
      first_name: ERASED_NAME,
      last_name: null,
      sort_name: foldText(ERASED_NAME),
      search_text: foldText(ERASED_NAME),
      email: null,
      phone: null,
      position: null,
      decision_role: null,
      portal_access: 0,
      receives_reports: 0,
      version: eb('version', '+', 1),
      updated_at: now,
    }))
    .where('id', '=', contact.id)
    .execute();

  // Their portal users can no longer sign in; their address is replaced by one that cannot receive mail.
  for (const id of who.userIds) {
    await t
      .updateTable('users')
      .set((eb) => ({
        name: ERASED_NAME,
        email: `erased-${id}@erased.invalid`,
        phone: null,
        active: 0,
        password_hash: `erased:${newId()}`,
        search_text: foldText(ERASED_NAME),
        version: eb('version', '+', 1),
        updated_at: now,
      }))
      .where('id', '=', id)
      .execute();
  }
  await t.deleteFrom('sessions').where('user_id', 'in', userIds).execute();
  await t.deleteFrom('api_tokens').where('user_id', 'in', userIds).execute();
  await t.deleteFrom('user_photos').where('user_id', 'in', userIds).execute();

  // What they wrote: bodies go, the fact that a message was there stays in its thread. Their
  // words are kept aside first, to sweep the copies (excerpts in notices, timeline, mail to staff).
  const written = [
    ...(await t.selectFrom('client_messages').select('body as text').where('author_id', 'in', userIds).execute()),
    ...(await t
      .selectFrom('inbound_emails')
      .select('text')
      .where((eb) => eb(eb.fn('lower', ['from_address']), 'in', emails))
      .execute()),
    ...(await t.selectFrom('surveys').select('comment as text').where('contact_id', '=', contact.id).execute()),
  ].flatMap((r) => (r.text ? wordsOf(r.text) : []));
  await t.updateTable('client_messages').set({ body: REMOVED_BODY }).where('author_id', 'in', userIds).execute();
  await t.updateTable('surveys').set({ comment: null }).where('contact_id', '=', contact.id).execute();
  await t.deleteFrom('survey_contacts').where('contact_id', '=', contact.id).execute();
  const theirMail = t
    .selectFrom('inbound_emails')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['from_address']), 'in', emails));
  await t.deleteFrom('inbound_email_attachments').where('email_id', 'in', theirMail).execute();
  await t
    .updateTable('inbound_emails')
    .set({ text: REMOVED_BODY, from_name: null, from_address: ERASED_VALUE })
    .where((eb) => eb(eb.fn('lower', ['from_address']), 'in', emails))
    .execute();
  // Mail the agency sent them: the address and the words go; pending ones are never sent.
  await t
    .updateTable('email_outbox')
    .set({ to_address: ERASED_VALUE, text_body: REMOVED_BODY, html_body: REMOVED_BODY, attachments: '[]' })
    .where((eb) => eb(eb.fn('lower', ['to_address']), 'in', emails))
    .execute();
  await t
    .updateTable('email_outbox')
    .set({ status: 'failed', last_error: 'recipient erased' })
    .where('to_address', '=', ERASED_VALUE)
    .where('status', '=', 'pending')
    .execute();

  // Audit entries about them keep what happened, not the values.
  const audited = await t
    .selectFrom('audit_log')
    .select(['id', 'changes'])
    .where('record_id', 'in', [contact.id, ...userIds])
    .execute();
  for (const entry of audited) {
    await t
      .updateTable('audit_log')
      .set({ changes: redactChanges(entry.changes), record_label: ERASED_NAME })
      .where('id', '=', entry.id)
      .execute();
  }

  const names = [fullName, ...(contact.last_name ? [`${contact.last_name} ${contact.first_name}`] : []), ...users.map((u) => u.name)];
  const values = [
    ...names.filter(distinctiveName).flatMap((n) => [n, foldText(n)]),
    ...[contact.email, ...users.map((u) => u.email)].flatMap((e) => (e ? [e, e.toLowerCase()] : [])),
    ...[contact.phone, ...users.map((u) => u.phone)].filter(distinctivePhone),
    ...written,
  ];
  const swept = await sweepValues(t, values, ERASED_VALUE, now);

  // The search index drops their words now; its catch-up indexes the changed rows again.
  const reindexed = [contact.id, ...who.userIds, ...swept];
  for (let i = 0; i < reindexed.length; i += 500) {
    const part = reindexed.slice(i, i + 500);
    await t.deleteFrom('search_terms').where('record_id', 'in', part).execute();
    await t.deleteFrom('search_records').where('record_id', 'in', part).execute();
  }

  await t.insertInto('contact_erasures').values({ contact_id: contact.id, erased_at: now, erased_by: actorId }).execute();
  await recordAudit(t, {
    actorId,
    recordType: 'contact',
    recordId: contact.id,
    action: 'update',
    before: { personalData: 'held' },
    after: { personalData: 'erased', portalUsers: who.userIds.length },
    at: now,
  });
  return { contactId: contact.id, erasedAt: now };
}
