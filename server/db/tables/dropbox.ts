/** Tables of the email dropbox (migration 0044_mail_dropbox). */

/** A BCC address: its token is the local part; it belongs to one manager or one account. */
export interface DropboxAddressesTable {
  token: string;
  user_id: string | null;
  account_id: string | null;
  created_at: string;
}

export type InboundEmailStatus = 'logged' | 'unmatched' | 'discarded';

/** One message received at a dropbox address, kept once per Message-ID. */
export interface InboundEmailsTable {
  id: string;
  message_id: string;
  /** Whose dropbox it came to (they see it while it is unmatched). */
  owner_id: string | null;
  status: InboundEmailStatus;
  account_id: string | null;
  interaction_id: string | null;
  direction: 'in' | 'out';
  from_address: string;
  from_name: string | null;
  /** JSON array of the To and Cc addresses. */
  recipients: string;
  subject: string;
  /** The body as plain text (HTML reduced to text when that is all there was). */
  text: string;
  sent_at: string;
  received_at: string;
}

export interface InboundEmailAttachmentsTable {
  id: string;
  email_id: string;
  position: number;
  filename: string;
  content_type: string;
  size: number;
  content: Buffer;
}

export interface DropboxTables {
  dropbox_addresses: DropboxAddressesTable;
  inbound_emails: InboundEmailsTable;
  inbound_email_attachments: InboundEmailAttachmentsTable;
}
