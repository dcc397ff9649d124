import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DocumentKind, Language } from '../../../common/enums.js';
import type { StatusReportFacts } from '../../../common/schemas/document.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { ProjectService } from '../projects/index.js';
import type { AgencyCalendar } from '../settings/index.js';
import type { AgencyService } from './agency.service.js';
import { documentModel } from './document.model.js';
import { DocumentRepository, type DocumentLineRow, type DocumentRow } from './document.repository.js';
import type { PdfModel } from './pdf.model.js';
import type { PdfRenderer } from './pdf.pool.js';
import type { TemplateService } from './template.service.js';

/**
 * Documents' PDFs. A draft is rendered from its live data on each request (marked as a
 * draft); a sent document's model was frozen when it was sent, and its bytes are rendered
 * from that model once and kept with their SHA-256: every later read returns those bytes.
 */
export class DocumentPdfs {
  private readonly repo: DocumentRepository;

  constructor(
    db: Database,
    private readonly calendar: AgencyCalendar,
    private readonly projects: ProjectService,
    private readonly agency: AgencyService,
    private readonly templates: TemplateService,
    private readonly renderer: PdfRenderer,
  ) {
    this.repo = new DocumentRepository(db);
  }

  /** The model of the document as it stands, in the transaction that reads it. */
  async model(t: Kysely<DB>, row: DocumentRow, lines: DocumentLineRow[], draft: boolean): Promise<PdfModel> {
    const kind = row.kind as DocumentKind;
    const language = row.language as Language;
    const project = row.project_id ? await this.projects.find(row.project_id, t) : undefined;
    return documentModel({
      kind,
      language,
      number: row.number,
      title: row.title,
      date: row.issue_date ?? (await this.calendar.today(t)),
      periodFrom: row.period_from,
      periodTo: row.period_to,
      currency: row.currency,
      totals: { subtotalMinor: row.subtotal_minor, taxMinor: row.tax_minor, totalMinor: row.total_minor },
      lines,
      notes: row.notes,
      renewal: row.renewal,
      renewalTerms: row.renewal_terms,
      report: row.report ? (JSON.parse(row.report) as StatusReportFacts) : null,
      account: { name: row.account_name },
      project: project ? { name: project.name, startDate: project.start_date, dueDate: project.due_date } : null,
      agency: await this.agency.party(language, t),
      blocks: await this.templates.blocksFor(kind, language, t),
      draft,
    });
  }

  /** A draft's PDF, rendered now and kept nowhere. */
  async draft(t: Kysely<DB>, row: DocumentRow): Promise<Buffer> {
    return this.renderer.render(await this.model(t, row, await this.repo.linesOf(row.id, t), true));
  }

  /** A frozen version's bytes: rendered from its frozen model the first time, read back ever after. */
  async frozen(versionId: string): Promise<Buffer> {
    const version = (await this.repo.findVersion(versionId))!;
    if (version.pdf) return Buffer.from(version.pdf);
    const pdf = await this.renderer.render(JSON.parse(version.content) as PdfModel);
    await this.repo.storePdf(versionId, pdf, createHash('sha256').update(pdf).digest('hex'));
    // Another render may have won the race; what is stored is what every reader gets.
    return Buffer.from((await this.repo.findVersion(versionId))!.pdf!);
  }
}
