import { Readable } from 'node:stream';
import type { Deal, DealExportQuery } from '../../../common/schemas/deal.js';
import { CSV_BOM, csvLines, type CsvCell } from '../../lib/csv.js';
import { minorToDecimal } from '../../lib/money.js';
import type { Actor } from '../access/index.js';
import type { DealService } from './deal.service.js';

/** Rows read per query: the export pages through the list as the web does, never loading the table at once. */
const PAGE = 200;

const HEADER = [
  'Title',
  'Account',
  'Account status',
  'Stage',
  'State',
  'Currency',
  'Amount',
  'Probability %',
  'Expected close',
  'Next step',
  'Next step date',
  'Next step overdue',
  'Owner',
  'Lost reason',
  'Closed at',
  'Created',
];

/** One deal as a CSV row: the amount as decimal text beside its currency (never a total across currencies). */
const row = (d: Deal): CsvCell[] => [
  d.title,
  d.accountName,
  d.accountStatus,
  d.stage,
  d.state,
  d.currency,
  minorToDecimal(d.amount, d.currency),
  d.probability,
  d.expectedCloseDate,
  d.nextStep,
  d.nextStepDue,
  d.nextStepOverdue ? 'yes' : 'no',
  d.ownerName,
  d.lostReason,
  d.closedAt,
  d.createdAt,
];

/**
 * The deals list as CSV: exactly the rows `GET /deals` gives with the same filters and order (its
 * access rules included), streamed a page at a time. The first page is read before anything is
 * sent, so a refused actor or a bad filter is still a problem response, not a broken file.
 */
export async function dealsCsv(deals: DealService, actor: Actor, query: DealExportQuery): Promise<Readable> {
  const first = await deals.list(actor, { ...query, limit: PAGE });
  async function* lines() {
    yield CSV_BOM + csvLines([HEADER, ...first.items.map(row)]);
    for (let cursor = first.nextCursor; cursor;) {
      const page = await deals.list(actor, { ...query, limit: PAGE, cursor });
      yield csvLines(page.items.map(row));
      cursor = page.nextCursor;
    }
  }
  return Readable.from(lines());
}
