import type { InboundAttachment, InboundEmail } from '../../../common/schemas/dropbox.js';
import type { InboundEmailRow } from './dropbox.repository.js';

export interface AttachmentRow {
  id: string;
  email_id: string;
  filename: string;
  content_type: string;
  size: number;
}

const presentAttachment = (a: AttachmentRow): InboundAttachment => ({
  id: a.id,
  filename: a.filename,
  contentType: a.content_type,
  size: Number(a.size),
});

/** A kept message as the API sends it. */
export function presentInboundEmail(r: InboundEmailRow, attachments: AttachmentRow[]): InboundEmail {
  return {
    id: r.id,
    status: r.status,
    accountId: r.account_id,
    interactionId: r.interaction_id,
    direction: r.direction,
    from: { address: r.from_address, name: r.from_name },
    recipients: JSON.parse(r.recipients) as string[],
    subject: r.subject,
    text: r.text,
    sentAt: r.sent_at,
    receivedAt: r.received_at,
    attachments: attachments.filter((a) => a.email_id === r.id).map(presentAttachment),
  };
}
