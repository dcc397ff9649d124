import type { Kysely } from 'kysely';
import { renderMessage } from '../../../common/messages/index.js';
import { SIGNABLE_DOCUMENT_KINDS, type DocumentKind, type Language } from '../../../common/enums.js';
import type { Document, DocumentSend } from '../../../common/schemas/document.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { isUniqueViolation } from '../../db/errors.js';
import { nextDocumentNumber } from '../../db/sequences.js';
import type { Clock } from '../../lib/clock.js';
import { conflict, conflictIf } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { searchText } from '../../lib/text.js';
import { documentCancelRefusal, documentSendRefusal, type Actor } from '../access/index.js';
import { updateVersioned } from '../audit/index.js';
import type { ContactService } from '../contacts/index.js';
import { textToHtml, type EmailAttachment, type OutboxService } from '../email/index.js';
import type { ClientNotifier } from '../notifications/index.js';
import type { AgencyCalendar } from '../settings/index.js';
import type { TimelineLog } from '../timeline/index.js';
import type { AgencyService } from './agency.service.js';
import { kindTitle } from './document.model.js';
import type { DocumentPdfs } from './document.pdf.js';
import { DocumentRepository, type DocumentRow } from './document.repository.js';
import type { NewProposalDocument } from './document.drafts.js';
import type { DocumentService } from './document.service.js';
import type { DocumentSettingsService } from './document.settings.js';
import { VERSION_SOURCE } from './attachments.js';

/**
 * Sending and cancelling. The first send numbers the document (gap-free per kind and year,
 * in the transaction that sends it), sets its issue date and freezes its content as version
 * 1; the PDF bytes are rendered from that frozen content right after the commit, off the
 * request thread, and kept with their SHA-256. Every send emails the frozen PDF to the
 * chosen contacts through the outbox (retried when it fails, shown in the history).
 */
export class DocumentLifecycle {
  private readonly repo: DocumentRepository;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly calendar: AgencyCalendar,
    private readonly documents: DocumentService,
    private readonly settings: DocumentSettingsService,
    private readonly pdfs: DocumentPdfs,
    private readonly agency: AgencyService,
    private readonly contacts: ContactService,
    private readonly outbox: OutboxService,
    private readonly timeline: TimelineLog,
    private readonly notifier: ClientNotifier,
  ) {
    this.repo = new DocumentRepository(db);
  }

  async send(
    actor: Actor,
    id: string,
    input: DocumentSend,
    expected?: number,
  ): Promise<{ emailId: string; recipients: string[]; document: Document }> {
    const { result, versionId } = await this.db.transaction().execute(async (t) => {
      const row = await this.documents.manageable(actor, id, t);
      conflictIf(documentSendRefusal(row));
      const recipients = await this.contacts.recipientAddresses(t, row.account_id, input.contactIds);
      const issued = await this.issue(t, row, actor.id, recipients, input.message ?? null, expected);
      await this.awaitSignature(t, issued.row, recipients);
      return {
        result: { emailId: issued.emailId, recipients, document: await this.documents.present(actor, issued.row, t) },
        versionId: issued.versionId,
      };
    });
    await this.afterIssue([versionId]);
    return { ...result, document: await this.documents.get(actor, id) };
  }

  /**
   * In the caller's transaction: numbers and freezes a draft (a sent one stays as it is) and
   * queues the email of its frozen PDF to `recipients`. `by` is null for scheduled work.
   */
  async issue(t: Kysely<DB>, row: DocumentRow, by: string | null, recipients: string[], message: string | null, expected?: number) {
    const now = this.clock.now().toISOString();
    const sent = row.status === 'draft' ? await this.freeze(t, by, row, expected, now) : row;
    const version = (await this.repo.latestVersion(row.id, t))!;
    const emailId = await this.queueEmail(t, by, sent, version.id, recipients, message, now);
    return { row: sent, versionId: version.id, emailId };
  }

  /**
   * A proposal's sent version as a document of the registry, in the caller's transaction:
   * numbered and frozen like any sent document (its PDF rendered by `afterIssue` after the
   * commit), but not emailed here: the proposals module emails its own link with the PDF.
   */
  async issueProposal(t: Kysely<DB>, p: NewProposalDocument, by: string) {
    const draft = await this.documents.insertProposal(t, p, by);
    const sent = await this.freeze(t, by, draft, undefined, this.clock.now().toISOString());
    const version = (await this.repo.latestVersion(sent.id, t))!;
    return { documentId: sent.id, number: sent.number!, versionId: version.id };
  }

  /** A sent document's frozen PDF as an email attachment, by reference (rendered when the email goes out). */
  async attachmentOf(t: Kysely<DB>, documentId: string): Promise<EmailAttachment> {
    const row = (await this.repo.findById(documentId, t))!;
    const version = (await this.repo.latestVersion(documentId, t))!;
    return {
      filename: `${row.kind}-${(row.number ?? 'draft').replace(/[^\w.-]+/g, '-')}.pdf`,
      contentType: 'application/pdf',
      source: { kind: VERSION_SOURCE, id: version.id },
    };
  }

  /** A sent act, contract or proposal awaits the client's signature: their portal contacts not emailed it are told. */
  private async awaitSignature(t: Kysely<DB>, row: DocumentRow, emailed: string[]): Promise<void> {
    const kind = row.kind as DocumentKind;
    if (!SIGNABLE_DOCUMENT_KINDS.includes(kind)) return;
    const title = `${row.title ?? kindTitle(kind, row.language as Language)} ${row.number}`;
    const notice = { accountId: row.account_id, kind: 'document_signature', subjectId: row.id, params: { title } } as const;
    await this.notifier.notifyClients({ ...notice, path: `/portal/documents/${row.id}`, except: emailed }, t);
  }

  /** After the commit: the frozen bytes now, off the request thread, then the emails. */
  async afterIssue(versionIds: string[]): Promise<void> {
    for (const id of versionIds) await this.renderFrozen(id);
    await this.outbox.deliverDue();
  }

  /** Renders and keeps a frozen version's bytes; a failure here is retried when the email or the PDF is next asked for. */
  async renderFrozen(versionId: string): Promise<void> {
    await this.pdfs.frozen(versionId).catch(() => undefined);
  }

  /** Numbers the draft, marks it sent and keeps its content as it now renders (version 1). */
  private async freeze(
    t: Kysely<DB>,
    by: string | null,
    row: DocumentRow,
    expected: number | undefined,
    now: string,
  ): Promise<DocumentRow> {
    const kind = row.kind as DocumentKind;
    const issueDate = await this.calendar.today(t);
    const { numberFormats } = await this.settings.load(t);
    const number = await nextDocumentNumber(t, `document:${kind}`, numberFormats[kind], issueDate);
    await updateVersioned(t, {
      table: 'documents',
      id: row.id,
      version: expected ?? row.version,
      set: {
        status: 'sent',
        number,
        issue_date: issueDate,
        sent_at: now,
        sent_by: by,
        // From now on the registry finds it by its number too.
        search_text: searchText(number, row.title, row.account_name, row.project_name),
        updated_at: now,
      },
      audit: { actorId: by, recordType: 'document', before: { status: 'draft', number: null }, at: now },
      after: async () => ({ status: 'sent', number, issueDate }),
    }).catch((err) => {
      if (isUniqueViolation(err)) throw conflict('document.number_taken', { number });
      throw err;
    });
    const sent = (await this.repo.findById(row.id, t))!;
    const model = await this.pdfs.model(t, sent, await this.repo.linesOf(row.id, t), false);
    await this.repo.insertVersion(t, {
      id: newId(),
      document_id: row.id,
      seq: 1,
      purpose: 'sent',
      content: JSON.stringify(model),
      pdf: null,
      sha256: null,
      byte_size: null,
      created_by: by,
      created_at: now,
    });
    await this.repo.insertEvent(t, {
      id: newId(),
      document_id: row.id,
      kind: 'sent',
      at: now,
      actor_id: by,
      email_id: null,
      data: JSON.stringify({ number }),
    });
    await this.timeline.recordEvent(t, {
      accountId: row.account_id,
      kind: 'document_sent',
      actorId: by,
      occurredAt: now,
      data: { documentId: row.id, kind, number, title: sent.title ?? model.heading },
    });
    return sent;
  }

  private async queueEmail(
    t: Kysely<DB>,
    by: string | null,
    row: DocumentRow,
    versionId: string,
    recipients: string[],
    message: string | null,
    now: string,
  ): Promise<string> {
    const language = row.language as Language;
    const agency = await this.agency.party(language, t);
    const title = `${row.title ?? kindTitle(row.kind as DocumentKind, language)} ${row.number}`;
    const params = { title, agency: agency.name, message: message ? `${message}\n\n` : '' };
    const text = renderMessage('document.email_body', params, language);
    const eventId = newId();
    const queued = await this.outbox.enqueue(t, [
      {
        accountId: row.account_id,
        purpose: `document:${eventId}`,
        purposeDate: now.slice(0, 10),
        to: recipients.join(', '),
        subject: renderMessage('document.email_subject', params, language),
        text,
        html: textToHtml(text),
        attachments: [
          {
            filename: `${row.kind}-${row.number!.replace(/[^\w.-]+/g, '-')}.pdf`,
            contentType: 'application/pdf',
            source: { kind: VERSION_SOURCE, id: versionId },
          },
        ],
        events: {
          sent: 'document_emailed',
          failed: 'document_email_failed',
          data: { documentId: row.id, number: row.number, kind: row.kind, recipients },
        },
      },
    ]);
    const emailId = queued.get(row.account_id)!.id;
    await this.repo.insertEvent(t, {
      id: eventId,
      document_id: row.id,
      kind: 'emailed',
      at: now,
      actor_id: by,
      email_id: emailId,
      data: JSON.stringify({ recipients }),
    });
    return emailId;
  }

  /** Cancels a draft or a sent document (a sent one keeps its number and frozen copy). */
  async cancel(actor: Actor, id: string, reason: string, expected?: number): Promise<Document> {
    return this.db.transaction().execute(async (t) => {
      const row = await this.documents.manageable(actor, id, t);
      conflictIf(documentCancelRefusal(row));
      const now = this.clock.now().toISOString();
      const after = await updateVersioned(t, {
        table: 'documents',
        id,
        version: expected ?? row.version,
        set: { status: 'cancelled', cancelled_at: now, cancelled_by: actor.id, cancel_reason: reason, updated_at: now },
        audit: { actorId: actor.id, recordType: 'document', before: { status: row.status }, at: now },
        after: async () => this.documents.present(actor, (await this.repo.findById(id, t))!, t),
      });
      await this.repo.insertEvent(t, {
        id: newId(),
        document_id: id,
        kind: 'cancelled',
        at: now,
        actor_id: actor.id,
        email_id: null,
        data: JSON.stringify({ reason }),
      });
      await this.notifier.withdraw(t, { accountId: row.account_id, subjectId: id, kinds: ['document_signature'] });
      if (row.status !== 'draft') {
        await this.timeline.recordEvent(t, {
          accountId: row.account_id,
          kind: 'document_cancelled',
          actorId: actor.id,
          occurredAt: now,
          data: { documentId: id, kind: row.kind, number: row.number, reason },
        });
      }
      return after;
    });
  }
}
