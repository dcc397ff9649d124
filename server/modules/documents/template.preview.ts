import type { DocumentKind } from '../../../common/enums.js';
import type { DocumentTemplatePreview } from '../../../common/schemas/document-template.js';
import { priceLines } from '../../lib/lines.js';
import { assertAdmin, type Actor } from '../access/index.js';
import type { AgencyCalendar } from '../settings/index.js';
import type { AgencyService } from './agency.service.js';
import { documentModel } from './document.model.js';
import type { PdfRenderer } from './pdf.pool.js';
import { DEFAULT_BLOCKS } from './template.defaults.js';
import type { TemplateService } from './template.service.js';

const SAMPLE = {
  en: { account: 'Northwind Traders Ltd', project: 'Website redesign', lines: ['Design', 'Development', 'Project management'] },
  ru: { account: 'ООО «Северный ветер»', project: 'Редизайн сайта', lines: ['Дизайн', 'Разработка', 'Управление проектом'] },
};

/** Renders a kind with sample data and the admin's unsaved blocks, so the editor shows what documents will look like. */
export class TemplatePreview {
  constructor(
    private readonly templates: TemplateService,
    private readonly agency: AgencyService,
    private readonly calendar: AgencyCalendar,
    private readonly renderer: PdfRenderer,
  ) {}

  async render(actor: Actor, kind: DocumentKind, input: DocumentTemplatePreview): Promise<{ bytes: Buffer; filename: string }> {
    assertAdmin(actor);
    const { language } = input;
    this.templates.validateBlocks(kind, language, input.blocks ?? {});
    const saved = await this.templates.blocksFor(kind, language);
    // As on save: an emptied block stands for the built-in wording.
    const typed = Object.entries(input.blocks ?? {}).map(([name, text]): [string, string] => [
      name,
      text.trim() === '' ? DEFAULT_BLOCKS[kind][language][name] : text,
    ]);
    const blocks = { ...saved, ...Object.fromEntries(typed) };
    const today = await this.calendar.today();
    const sample = SAMPLE[language];
    const { rows, totals } = priceLines(
      sample.lines.map((description, i) => ({ description, quantityMilli: (i + 1) * 8000, unitPriceMinor: 450000, taxBasisPoints: 0 })),
    );
    const model = documentModel({
      kind,
      language,
      number: 'PREVIEW-0001',
      title: null,
      date: today,
      periodFrom: `${today.slice(0, 7)}-01`,
      periodTo: today,
      currency: language === 'ru' ? 'RUB' : 'EUR',
      totals,
      lines: kind === 'contract' || kind === 'other' ? [] : rows,
      notes: null,
      account: { name: sample.account },
      project: { name: sample.project, startDate: `${today.slice(0, 7)}-01`, dueDate: null },
      agency: await this.agency.party(language),
      blocks,
      draft: true,
    });
    return { bytes: await this.renderer.render(model), filename: `${kind}-preview.pdf` };
  }
}
