import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { PdfModel, PdfTable } from './pdf.model.js';

/** The built-in layout every kind shares: letterhead, heading, parties, text, table, totals, signatures. */

const GREY = '#555555';

function table(t: PdfTable): Content[] {
  const cell = (text: string, i: number, header = false) => ({
    text,
    bold: header,
    alignment: t.numeric[i] ? ('right' as const) : ('left' as const),
    fillColor: header ? '#eeeeee' : undefined,
  });
  const widths = t.header.map((_, i) => (i === 0 ? '*' : 'auto'));
  const out: Content[] = [
    {
      table: {
        // the header row repeats on every page the table runs onto
        headerRows: 1,
        dontBreakRows: true,
        widths,
        body: [t.header.map((h, i) => cell(h, i, true)), ...t.rows.map((r) => r.map((c, i) => cell(c, i)))],
      },
      layout: 'lightHorizontalLines',
      margin: [0, 8, 0, 8],
    },
  ];
  if (t.totals.length) {
    out.push({
      columns: [
        { width: '*', text: '' },
        {
          width: 'auto',
          table: {
            body: t.totals.map(([label, value], i) => [
              { text: label, bold: i === t.totals.length - 1 },
              { text: value, alignment: 'right', bold: i === t.totals.length - 1 },
            ]),
          },
          layout: 'noBorders',
        },
      ],
    });
  }
  if (t.inWords) out.push({ text: t.inWords, italics: true, margin: [0, 6, 0, 0] });
  return out;
}

const paragraphs = (texts: string[]): Content[] => texts.filter((t) => t.trim() !== '').map((text) => ({ text, margin: [0, 0, 0, 8] }));

/** The pdfmake document for a model. */
export function layoutDocument(m: PdfModel, withLogo = true): TDocumentDefinitions {
  const letterhead: Content = {
    columns: [
      withLogo && m.logo ? { image: m.logo.dataUrl, fit: [140, 60], width: 150 } : { text: '', width: 0 },
      {
        width: '*',
        alignment: 'right',
        stack: [
          { text: m.letterhead.name, bold: true, fontSize: 12 },
          ...m.letterhead.lines.map((l) => ({ text: l, color: GREY, fontSize: 8 })),
        ],
      },
    ],
    margin: [0, 0, 0, 16],
  };
  const content: Content[] = [
    letterhead,
    { text: m.heading, fontSize: 15, bold: true, margin: [0, 0, 0, 4] },
    ...(m.subtitle ? [{ text: m.subtitle, fontSize: 11, margin: [0, 0, 0, 4] } as Content] : []),
    ...(m.facts.length
      ? [{ table: { body: m.facts.map(([k, v]) => [{ text: k, color: GREY }, v]) }, layout: 'noBorders', margin: [0, 4, 0, 10] } as Content]
      : []),
    {
      columns: m.parties.map((p) => ({ stack: [{ text: p.label, bold: true }, ...p.lines.map((l) => ({ text: l, fontSize: 9 }))] })),
      columnGap: 20,
      margin: [0, 0, 0, 12],
    },
    ...paragraphs(m.intro),
    ...(m.table ? table(m.table) : []),
    ...paragraphs(m.outro),
    ...(m.notes ? [{ text: m.notes, margin: [0, 4, 0, 8] } as Content] : []),
  ];
  if (m.signatures.length) {
    content.push({
      columns: m.signatures.map((s) => ({
        stack: [
          { text: s.label, bold: true },
          { text: s.party, fontSize: 9 },
          { text: '\n\n______________________________' },
          { text: [s.title, s.name].filter(Boolean).join(' ') || ' ', fontSize: 9, color: GREY },
        ],
      })),
      columnGap: 30,
      margin: [0, 24, 0, 0],
      unbreakable: true,
    });
  }
  if (m.signaturePage) {
    const sp = m.signaturePage;
    content.push(
      { text: sp.heading, fontSize: 15, bold: true, margin: [0, 0, 0, 8], pageBreak: 'before' },
      { text: sp.statement, margin: [0, 0, 0, 12] },
      { table: { widths: ['auto', '*'], body: sp.facts.map(([k, v]) => [{ text: k, color: GREY }, v]) }, layout: 'noBorders' },
    );
  }
  return {
    info: { title: m.heading },
    pageSize: 'A4',
    pageMargins: [50, 50, 50, 60],
    defaultStyle: { font: 'DejaVuSans', fontSize: 10, lineHeight: 1.25 },
    ...(m.draft ? { watermark: { text: m.labels.draft, opacity: 0.08, bold: true } } : {}),
    content,
    footer: (page: number, pages: number) => ({
      text: `${m.labels.page} ${page} ${m.labels.of} ${pages}`,
      alignment: 'center',
      fontSize: 8,
      color: GREY,
      margin: [0, 20, 0, 0],
    }),
  };
}
