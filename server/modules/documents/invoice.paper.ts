import type { Kysely } from 'kysely';
import type { Language } from '../../../common/enums.js';
import { renderMessage } from '../../../common/messages/index.js';
import type { DocumentSend } from '../../../common/schemas/document.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { conflictIf } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { assertCanManageBilling, invoiceSendRefusal, owningAccount, type Actor } from '../access/index.js';
import type { AccountService } from '../accounts/index.js';
import type { InvoiceService } from '../billing/index.js';
import type { ContactService } from '../contacts/index.js';
import type { TimelineLog } from '../timeline/index.js';
import { humanDate, textToHtml, type OutboxService } from '../email/index.js';
import type { ClientNotifier } from '../notifications/index.js';
import type { AgencyService } from './agency.service.js';
import { invoicePdfAttachment } from './attachments.js';
import { InvoiceDownloadRepository } from './invoice-download.repository.js';
import { agencyParts, clientParty, pageLabels, pricedTable } from './pdf.parts.js';
import type { PdfModel } from './pdf.model.js';
import type { PdfRenderer } from './pdf.pool.js';
import { PDF_WORDS, paperDate, paperMoney } from './pdf.words.js';

type InvoiceRow = Awaited<ReturnType<InvoiceService['readable']>>;

/**
 * Invoices on paper: the PDF of an invoice for everyone who may read it (a client for their
 * issued ones), in the account's language, and sending it by email like a document.
 */
export class InvoicePaperService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly invoices: InvoiceService,
    private readonly accounts: AccountService,
    private readonly contacts: ContactService,
    private readonly agency: AgencyService,
    private readonly outbox: OutboxService,
    private readonly renderer: PdfRenderer,
    private readonly timeline: TimelineLog,
    private readonly notifier: ClientNotifier,
  ) {}

  private readonly downloads = new InvoiceDownloadRepository();

  private async language(t: Kysely<DB>, accountId: string): Promise<Language> {
    const account = await this.accounts.findOwned(accountId, t);
    return account?.language === 'ru' ? 'ru' : 'en';
  }

  /** The invoice's model as it stands (issued invoices' amounts never change). */
  private async model(t: Kysely<DB>, row: InvoiceRow): Promise<PdfModel> {
    const language = await this.language(t, row.account_id);
    const w = PDF_WORDS[language];
    const kind = w.kind[row.kind === 'credit_note' ? 'credit_note' : 'invoice'];
    const lines = (await this.invoices.linesOf([row.id], t)).get(row.id) ?? [];
    const agency = agencyParts(await this.agency.party(language, t), language);
    const money = (v: number) => paperMoney(v, row.currency, language);
    const settled: Array<[string, string]> =
      row.paid_minor || row.credited_minor
        ? [
            [w.paid, money(row.paid_minor + row.credited_minor)],
            [w.balance, money(row.total_minor - row.paid_minor - row.credited_minor)],
          ]
        : [];
    return {
      language,
      draft: row.status === 'draft',
      heading: row.number && row.issue_date ? w.numbered(kind, row.number, paperDate(row.issue_date, language)) : w.draftOf(kind),
      subtitle: null,
      letterhead: agency.letterhead,
      logo: agency.logo,
      parties: [agency.party, clientParty(row.account_name, language)],
      facts: row.due_date && row.kind === 'invoice' ? [[w.due, paperDate(row.due_date, language)]] : [],
      intro: [],
      table: pricedTable(
        lines,
        row.currency,
        language,
        { subtotalMinor: row.subtotal_minor, taxMinor: row.tax_minor, totalMinor: row.total_minor },
        settled,
      ),
      outro: [],
      notes: row.notes,
      signatures: [],
      labels: pageLabels(language),
    };
  }

  async pdf(actor: Actor, id: string): Promise<{ bytes: Buffer; filename: string }> {
    const row = await this.invoices.readable(actor, id);
    const bytes = await this.renderer.render(await this.model(this.db, row));
    if (actor.role === 'client') await this.noteDownload(actor, row);
    return { bytes, filename: invoicePdfAttachment(row).filename };
  }

  /** A client's first download of an invoice goes on the timeline: the manager knows it reached them. */
  private async noteDownload(actor: Actor, row: InvoiceRow): Promise<void> {
    const now = this.clock.now().toISOString();
    await this.db.transaction().execute(async (t) => {
      if (!(await this.downloads.first(t, row.id, actor.id, now))) return;
      await this.timeline.recordEvent(t, {
        accountId: row.account_id,
        kind: 'invoice_downloaded',
        actorId: actor.id,
        occurredAt: now,
        data: { invoiceId: row.id, number: row.number },
      });
    });
  }

  /** For the outbox: the PDF of an invoice an email was decided for (no reader to check). */
  async render(id: string): Promise<Buffer> {
    const row = await this.invoices.readable({ id: 'system', role: 'admin', accountId: null }, id);
    return this.renderer.render(await this.model(this.db, row));
  }

  /** Emails the invoice's PDF to contacts of its account; recorded on the timeline when it goes out. */
  async send(actor: Actor, id: string, input: DocumentSend): Promise<{ emailId: string; recipients: string[] }> {
    const result = await this.db.transaction().execute(async (t) => {
      const row = await this.invoices.readable(actor, id, t);
      assertCanManageBilling(actor, owningAccount(row));
      conflictIf(invoiceSendRefusal(row));
      const recipients = await this.contacts.recipientAddresses(t, row.account_id, input.contactIds);
      const language = await this.language(t, row.account_id);
      const agency = await this.agency.party(language, t);
      const params = {
        number: row.number,
        agency: agency.name,
        total: paperMoney(row.total_minor, row.currency, language),
        due: row.due_date ? humanDate(row.due_date, language) : '—',
        message: input.message ? `${input.message}\n\n` : '',
      };
      const text = renderMessage('invoice.email_body', params, language);
      const now = this.clock.now().toISOString();
      const queued = await this.outbox.enqueue(t, [
        {
          accountId: row.account_id,
          purpose: `invoice:${newId()}`,
          purposeDate: now.slice(0, 10),
          to: recipients.join(', '),
          subject: renderMessage('invoice.email_subject', params, language),
          text,
          html: textToHtml(text),
          attachments: [invoicePdfAttachment(row)],
          events: { sent: 'invoice_emailed', failed: 'invoice_email_failed', data: { invoiceId: id, number: row.number, recipients } },
        },
      ]);
      // They now have the invoice itself: the day's notification does not repeat it.
      await this.notifier.withdraw(t, { accountId: row.account_id, subjectId: id, kinds: ['invoice_issued'], addresses: recipients });
      return { emailId: queued.get(row.account_id)!.id, recipients };
    });
    await this.outbox.deliverDue();
    return result;
  }
}
