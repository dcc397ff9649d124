import type { Language } from '../../../common/enums.js';
import type { PricedLineRow } from '../../lib/lines.js';
import type { AgencyParty } from './agency.service.js';
import { amountInWords } from './amount-in-words.js';
import type { PdfModel, PdfTable } from './pdf.model.js';
import { PDF_WORDS, paperMoney, paperPercent, paperQuantity } from './pdf.words.js';

/** Pieces every PDF model shares: the agency's letterhead and party block, the client's, the priced table. */

type Line = Pick<PricedLineRow, 'description' | 'quantity_milli' | 'unit_price_minor' | 'tax_basis_points' | 'total_minor'>;

export interface Totals {
  subtotalMinor: number;
  taxMinor: number;
  totalMinor: number;
}

/** The agency's letterhead, logo and its lines as a party. */
export function agencyParts(agency: AgencyParty, language: Language) {
  const w = PDF_WORDS[language];
  const ids = [agency.taxId && `${w.taxId} ${agency.taxId}`, agency.registrationId && `${w.registrationId} ${agency.registrationId}`];
  const contact = [agency.email, agency.phone, agency.website].filter(Boolean).join(' · ');
  return {
    letterhead: { name: agency.name, lines: [agency.address, contact].filter((l): l is string => !!l) },
    logo: agency.logo && { dataUrl: `data:${agency.logo.contentType};base64,${agency.logo.base64}` },
    party: {
      label: w.agency,
      lines: [agency.legalName, agency.address, ...ids, ...(agency.bankDetails ? [`${w.bank}:`, agency.bankDetails] : [])].filter(
        (l): l is string => !!l,
      ),
    },
  };
}

export const clientParty = (name: string, language: Language) => ({ label: PDF_WORDS[language].client, lines: [name] });

/** The lines as a table with totals; the total in words for Russian paperwork. */
export function pricedTable(
  lines: Line[],
  currency: string,
  language: Language,
  totals: Totals,
  extra: Array<[string, string]> = [],
): PdfTable {
  const w = PDF_WORDS[language];
  const money = (v: number) => paperMoney(v, currency, language);
  const taxed = lines.some((l) => l.tax_basis_points !== 0);
  const columns = taxed ? [0, 1, 2, 3, 4] : [0, 1, 2, 4];
  const cells = (l: Line) => [
    l.description,
    paperQuantity(l.quantity_milli, language),
    money(l.unit_price_minor),
    paperPercent(l.tax_basis_points, language),
    money(l.total_minor),
  ];
  return {
    header: columns.map((i) => w.columns[i]),
    numeric: columns.map((i) => i > 0),
    rows: lines.map((l) => columns.map((i) => cells(l)[i])),
    totals: [
      ...(taxed
        ? ([
            [w.subtotal, money(totals.subtotalMinor)],
            [w.tax, money(totals.taxMinor)],
          ] as Array<[string, string]>)
        : []),
      [w.total, money(totals.totalMinor)],
      ...extra,
    ],
    inWords: language === 'ru' ? w.inWords(amountInWords(totals.totalMinor, currency, language)) : null,
  };
}

/** The page furniture's words. */
export const pageLabels = (language: Language): PdfModel['labels'] => ({
  page: PDF_WORDS[language].page,
  of: PDF_WORDS[language].of,
  draft: PDF_WORDS[language].draft,
});
