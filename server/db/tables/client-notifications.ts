/** Tables of the notifications to clients (migration 0022_client_notifications). */
import type { ClientNotificationKind } from '../../../common/schemas/notification.js';

/** What a contact reads about; a contact without a row reads about everything. */
export interface ContactNotificationSettingsTable {
  contact_id: string;
  /** JSON array of the kinds the contact turned off. */
  muted_kinds: string;
  /** Random, in the link that unsubscribes them with one click and no sign-in. */
  unsubscribe_token: string;
  /** The calendar day of the agency on which their last digest was queued: one a day. */
  last_digest_on: string | null;
  updated_at: string;
}

/** Something that awaits a contact in the portal, until their next digest carries it. */
export interface ClientNotificationsTable {
  id: string;
  account_id: string;
  contact_id: string;
  kind: ClientNotificationKind;
  /** The record it is about (a project, requirement, document, invoice, message). */
  subject_id: string;
  /** Where in the portal it is, from the app's root (`/portal/...`). */
  path: string;
  /** JSON of the words' parameters (a project's name, a document's title). */
  params: string;
  created_at: string;
  email_id: string | null;
  sent_at: string | null;
}

export interface ClientNotificationTables {
  contact_notification_settings: ContactNotificationSettingsTable;
  client_notifications: ClientNotificationsTable;
}
