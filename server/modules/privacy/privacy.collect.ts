import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { parseJson } from '../../db/dialect.js';

/** Whose data is gathered: their contact records, their portal users, and the addresses they write from. */
export interface DataSubject {
  contactIds: string[];
  userIds: string[];
  emails: string[];
}

/** A stored file of theirs, read only when the archive reaches it. */
export interface StoredFile {
  name: string;
  load(db: Kysely<DB>): Promise<Buffer>;
}

export interface PersonalData {
  /** Everything held about them as plain records, for `personal-data.json`. */
  records: Record<string, unknown>;
  files: StoredFile[];
}

const none = [''];
/** `in` needs at least one value; an empty string is never a stored id or address. */
export const orNone = (values: string[]) => (values.length > 0 ? values : none);

/** A file name safe inside a zip on every system: no folders, no control or reserved characters. */
export const safeFileName = (name: string) => name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').slice(0, 120) || 'file';

/** The people behind a contact: its portal users and every address of theirs. */
export async function contactSubject(db: Kysely<DB>, contact: { id: string; email: string | null }): Promise<DataSubject> {
  const users = await db.selectFrom('users').select(['id', 'email']).where('contact_id', '=', contact.id).execute();
  const emails = [contact.email, ...users.map((u) => u.email)].filter((e): e is string => !!e).map((e) => e.toLowerCase());
  return { contactIds: [contact.id], userIds: users.map((u) => u.id), emails: [...new Set(emails)] };
}

/**
 * Gathers every record the schema ties to the subject: by contact id (interactions naming them,
 * surveys), by user id (what their portal users wrote, signed or did), by address (mail they
 * sent or were sent), and the audit entries about any of these people.
 */
export async function collectPersonalData(db: Kysely<DB>, who: DataSubject): Promise<PersonalData> {
  const contactIds = orNone(who.contactIds);
  const userIds = orNone(who.userIds);
  const emails = orNone(who.emails);

  const contacts = await db
    .selectFrom('contacts')
    .select(['id', 'account_id', 'first_name', 'last_name', 'email', 'phone', 'position', 'decision_role', 'portal_access'])
    .select(['receives_reports', 'language', 'created_at', 'updated_at'])
    .where('id', 'in', contactIds)
    .execute();
  const users = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'role', 'phone', 'language', 'active', 'account_id', 'contact_id', 'created_at', 'updated_at'])
    .where('id', 'in', userIds)
    .execute();
  const interactions = await db
    .selectFrom('interactions')
    .select(['id', 'account_id', 'type', 'occurred_at', 'summary', 'outcome', 'project_id', 'deal_id', 'created_at'])
    .where((eb) =>
      eb.or([
        eb('id', 'in', eb.selectFrom('interaction_contacts').select('interaction_id').where('contact_id', 'in', contactIds)),
        eb('author_id', 'in', userIds),
      ]),
    )
    .orderBy('occurred_at')
    .execute();
  const surveys = await db
    .selectFrom('surveys')
    .select(['id', 'account_id', 'project_id', 'contact_id', 'kind', 'language', 'sent_at', 'answered_at', 'score', 'comment'])
    .where('contact_id', 'in', contactIds)
    .orderBy('sent_at')
    .execute();
  const claims = await db
    .selectFrom('claims')
    .select(['id', 'account_id', 'project_id', 'category', 'severity', 'description', 'source', 'status', 'resolution', 'created_at'])
    .where('created_by_id', 'in', userIds)
    .orderBy('created_at')
    .execute();
  const portalMessages = await db
    .selectFrom('client_messages')
    .select(['id', 'account_id', 'project_id', 'author_id', 'body', 'created_at'])
    .where('author_id', 'in', userIds)
    .orderBy('created_at')
    .execute();
  const mail = await db
    .selectFrom('inbound_emails')
    .select(['id', 'account_id', 'interaction_id', 'direction', 'from_address', 'from_name', 'recipients', 'subject', 'text', 'sent_at'])
    .where((eb) =>
      eb.or([
        eb('interaction_id', 'in', orNone(interactions.map((i) => i.id))),
        eb(eb.fn('lower', ['from_address']), 'in', emails),
        ...who.emails.map((e) => eb(eb.fn('lower', ['recipients']), 'like', `%"${e.replace(/[\\%_"]/g, '')}"%`)),
      ]),
    )
    .orderBy('sent_at')
    .execute();
  const mailAttachments = await db
    .selectFrom('inbound_email_attachments')
    .select(['id', 'email_id', 'position', 'filename', 'content_type', 'size'])
    .where('email_id', 'in', orNone(mail.map((m) => m.id)))
    .orderBy('email_id')
    .orderBy('position')
    .execute();
  const emailsSent = await db
    .selectFrom('email_outbox')
    .select(['id', 'account_id', 'purpose', 'to_address', 'subject', 'text_body', 'status', 'created_at', 'sent_at'])
    .where(db.fn('lower', ['to_address']), 'in', emails)
    .orderBy('created_at')
    .execute();
  const signatures = await db
    .selectFrom('documents')
    .select(['id', 'account_id', 'kind', 'number', 'title', 'status', 'signed_at', 'signer_name', 'signer_ip', 'signed_via'])
    .select(['declined_at', 'decline_reason', 'decliner_ip'])
    .where((eb) => eb.or([eb('signed_by', 'in', userIds), eb('declined_by', 'in', userIds)]))
    .execute();
  const sessions = await db
    .selectFrom('sessions')
    .select(['user_id', 'created_at', 'last_seen_at', 'expires_at'])
    .where('user_id', 'in', userIds)
    .execute();
  const auditEntries = await db
    .selectFrom('audit_log')
    .select(['id', 'at', 'actor_id', 'record_type', 'record_id', 'action', 'changes', 'record_label'])
    .where((eb) => eb.or([eb('record_id', 'in', [...contactIds, ...userIds]), eb('actor_id', 'in', userIds)]))
    .orderBy('at')
    .execute();
  const photos = await db.selectFrom('user_photos').select(['user_id', 'content_type']).where('user_id', 'in', userIds).execute();

  const attachmentName = (a: (typeof mailAttachments)[number]) => `attachments/${a.email_id}/${a.position}-${safeFileName(a.filename)}`;
  const files: StoredFile[] = [
    ...mailAttachments.map((a) => ({
      name: attachmentName(a),
      load: async (d: Kysely<DB>) =>
        (await d.selectFrom('inbound_email_attachments').select('content').where('id', '=', a.id).executeTakeFirstOrThrow()).content,
    })),
    ...photos.map((p) => ({
      name: `photos/${p.user_id}.${p.content_type === 'image/png' ? 'png' : 'jpg'}`,
      load: async (d: Kysely<DB>) =>
        Buffer.from(
          (await d.selectFrom('user_photos').select('base64').where('user_id', '=', p.user_id).executeTakeFirstOrThrow()).base64,
          'base64',
        ),
    })),
  ];

  return {
    records: {
      contacts,
      portalUsers: users,
      interactions,
      surveys,
      claims,
      portalMessages,
      emailsReceived: mail.map((m) => ({
        ...m,
        recipients: parseJson<string[]>(m.recipients),
        attachments: mailAttachments
          .filter((a) => a.email_id === m.id)
          .map((a) => ({ file: attachmentName(a), filename: a.filename, contentType: a.content_type, size: a.size })),
      })),
      emailsSent,
      signatures,
      sessions,
      auditEntries: auditEntries.map((a) => ({ ...a, changes: parseJson<unknown>(a.changes) })),
    },
    files,
  };
}
