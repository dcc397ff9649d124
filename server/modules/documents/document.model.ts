import type { ContractRenewal, DocumentKind, Language } from '../../../common/enums.js';
import type { StatusReportFacts } from '../../../common/schemas/document.js';
import { contractFacts, reportSections } from './status-report.model.js';
import type { PricedLineRow } from '../../lib/lines.js';
import type { AgencyParty } from './agency.service.js';
import { amountInWords } from './amount-in-words.js';
import { agencyParts, clientParty, pageLabels, pricedTable } from './pdf.parts.js';
import type { PdfModel } from './pdf.model.js';
import { PDF_WORDS, paperDate, paperMoney } from './pdf.words.js';
import { renderTemplate, type PlaceholderValues } from './template.engine.js';

/** What a document's PDF is made from: the document, its account and project, the agency and the blocks in force. */
export interface DocumentSource {
  kind: DocumentKind;
  language: Language;
  number: string | null;
  title: string | null;
  /** The date printed: the issue date once sent, today for a draft. */
  date: string;
  periodFrom: string | null;
  periodTo: string | null;
  currency: string;
  totals: { subtotalMinor: number; taxMinor: number; totalMinor: number };
  lines: PricedLineRow[];
  notes: string | null;
  /** A contract's renewal; a status report's facts. */
  renewal?: ContractRenewal | null;
  renewalTerms?: string | null;
  report?: StatusReportFacts | null;
  account: { name: string };
  project: { name: string; startDate: string | null; dueDate: string | null } | null;
  agency: AgencyParty;
  blocks: Record<string, string>;
  draft: boolean;
}

const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase() + text.slice(1);

/** Kinds that are signed by both parties, so carry signature lines. */
const SIGNED_KINDS: readonly DocumentKind[] = ['contract', 'act'];

/** The default title of a document of a kind. */
export const kindTitle = (kind: DocumentKind, language: Language) => PDF_WORDS[language].kind[kind];

/** Every placeholder's value for this document, worded in its language. */
export function placeholderValues(s: Omit<DocumentSource, 'blocks' | 'draft' | 'lines'>): PlaceholderValues {
  const date = (d: string | null | undefined) => (d ? paperDate(d, s.language) : '—');
  return {
    'agency.name': s.agency.name,
    'agency.legalName': s.agency.legalName,
    'agency.address': s.agency.address ?? '',
    'agency.taxId': s.agency.taxId ?? '',
    'agency.registrationId': s.agency.registrationId ?? '',
    'agency.signatoryName': s.agency.signatoryName ?? '',
    'agency.signatoryTitle': s.agency.signatoryTitle ?? '',
    'account.name': s.account.name,
    'account.legalName': s.account.name,
    'project.name': s.project?.name ?? '—',
    'project.startDate': date(s.project?.startDate),
    'project.dueDate': date(s.project?.dueDate),
    'period.from': date(s.periodFrom),
    'period.to': date(s.periodTo),
    'document.number': s.number ?? '—',
    'document.date': date(s.date),
    'document.title': s.title ?? kindTitle(s.kind, s.language),
    'document.total': paperMoney(s.totals.totalMinor, s.currency, s.language),
    // lower-case: it stands inside a sentence
    'document.totalInWords': lowerFirst(amountInWords(s.totals.totalMinor, s.currency, s.language)),
  };
}

/** The PDF model of a document: the kind's built-in layout filled with its data and the template's blocks. */
export function documentModel(s: DocumentSource): PdfModel {
  const w = PDF_WORDS[s.language];
  const kind = kindTitle(s.kind, s.language);
  const values = placeholderValues(s);
  const [first, ...rest] = Object.values(s.blocks).map((text) => renderTemplate(text, values));
  const agency = agencyParts(s.agency, s.language);
  const facts: Array<[string, string]> = [];
  if (s.project) facts.push([w.project, s.project.name]);
  if (s.kind === 'contract') {
    facts.push(
      ...contractFacts(
        { periodFrom: s.periodFrom, periodTo: s.periodTo, renewal: s.renewal ?? null, renewalTerms: s.renewalTerms ?? null },
        s.language,
      ),
    );
  } else if (s.kind === 'proposal') {
    // A proposal's period is its validity: it holds until the end date.
    if (s.periodTo) facts.push([w.validUntil, values['period.to']]);
  } else if (s.periodFrom || s.periodTo) facts.push([w.period, `${values['period.from']} — ${values['period.to']}`]);
  const client = clientParty(s.account.name, s.language);
  return {
    language: s.language,
    draft: s.draft,
    heading: s.number ? w.numbered(kind, s.number, paperDate(s.date, s.language)) : w.draftOf(kind),
    subtitle: s.title,
    letterhead: agency.letterhead,
    logo: agency.logo,
    parties: [agency.party, client],
    facts,
    intro: first !== undefined ? [first] : [],
    table: s.lines.length ? pricedTable(s.lines, s.currency, s.language, s.totals) : null,
    ...(s.report ? { sections: reportSections(s.report, s.language) } : {}),
    outro: rest,
    notes: s.notes,
    signatures: SIGNED_KINDS.includes(s.kind)
      ? [
          { label: w.agency, party: s.agency.legalName, name: s.agency.signatoryName, title: s.agency.signatoryTitle },
          { label: w.client, party: s.account.name, name: null, title: null },
        ]
      : [],
    labels: pageLabels(s.language),
  };
}
