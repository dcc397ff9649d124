import { getDocumentProxy } from 'unpdf';
import { priceLines } from '../server/lib/lines.js';
import { DEFAULT_BLOCKS, createPdfRenderer, documentModel, type PdfRenderer } from '../server/modules/documents/index.js';
import { table } from './report.js';
import { median } from './stats.js';

/** Lines of the act that fill about one page (measured on the built-in layout), to start the search for a page count from. */
const LINES_PER_PAGE = 35;
const RUNS = { 2: 15, 30: 7 } as const;

/** A Russian act of `lines` priced lines, as the document service would model it once sent. */
function act(lines: number) {
  const { rows, totals } = priceLines(
    Array.from({ length: lines }, (_, i) => ({
      description: `Работы по проекту «Сайт», этап ${i + 1}`,
      quantityMilli: 8000,
      unitPriceMinor: 450_000,
      taxBasisPoints: 2000,
    })),
  );
  return documentModel({
    kind: 'act',
    language: 'ru',
    number: 'ACT-2026-0001',
    title: null,
    date: '2026-03-10',
    periodFrom: '2026-02-01',
    periodTo: '2026-02-28',
    currency: 'RUB',
    totals,
    lines: rows,
    notes: null,
    account: { name: 'ООО «Ромашка»' },
    project: { name: 'Сайт', startDate: null, dueDate: null },
    agency: {
      name: 'Liaison Studio',
      legalName: 'ООО «Лиэзон Студио»',
      address: 'Москва, ул. Тверская, 1',
      taxId: '7701234567',
      registrationId: '1027700000000',
      bankDetails: 'р/с 40702810000000000000',
      signatoryName: 'Иванов И. И.',
      signatoryTitle: 'генеральный директор',
      email: 'hello@studio.example',
      phone: null,
      website: null,
      logo: null,
    },
    blocks: DEFAULT_BLOCKS.act.ru,
    draft: false,
  });
}

const pagesOf = async (bytes: Buffer) => (await getDocumentProxy(new Uint8Array(bytes))).numPages;

/** The most lines an act of `pages` pages holds (its last page full): a bisection over renders, since pages grow with lines. */
async function linesFor(renderer: PdfRenderer, pages: number): Promise<number> {
  // The first line count that spills onto page `pages + 1` lies between these.
  let lo = 1;
  let hi = (pages + 2) * LINES_PER_PAGE;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if ((await pagesOf(await renderer.render(act(mid)))) > pages) hi = mid;
    else lo = mid;
  }
  return lo;
}

/** PDF renders of a 2-page and a 30-page act through the worker pool the server uses (p50 of several, after a warm-up). */
export async function timePdfRenders() {
  const renderer = createPdfRenderer();
  try {
    const results = [];
    for (const pages of [2, 30] as const) {
      const lines = await linesFor(renderer, pages);
      const model = act(lines);
      const times: number[] = [];
      for (let i = 0; i < RUNS[pages]; i++) {
        const started = performance.now();
        await renderer.render(model);
        times.push(performance.now() - started);
      }
      results.push({ pages, lines, runs: RUNS[pages], p50: median(times), max: Math.max(...times) });
    }
    return results;
  } finally {
    await renderer.close();
  }
}

export function printPdfRenders(results: Awaited<ReturnType<typeof timePdfRenders>>) {
  console.log('\nPDF render of an act (Russian, Cyrillic font, repeated table header), in the worker pool');
  table(
    ['document', 'lines', 'runs', 'p50 ms', 'max ms'],
    results.map((r) => [`act, ${r.pages} pages`, String(r.lines), String(r.runs), String(Math.round(r.p50)), String(Math.round(r.max))]),
  );
}
