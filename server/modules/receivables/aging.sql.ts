import { sql, type RawBuilder } from 'kysely';
import { AGING_BUCKETS, type AgingBucket } from '../../../common/enums.js';
import { BALANCE, bucketDueDates } from '../billing/index.js';

/** The due-date bounds of every aging bucket on a day, by name (`current_from`, `d1_30_until`…); a missing bound is absent. */
export type BucketBounds = Record<string, string>;

const boundName = (bucket: AgingBucket, end: 'from' | 'until') => `${bucket}_${end}`;

/** Which bounds each bucket has: the same on every day (only their dates move). */
const SHAPE = AGING_BUCKETS.map((b) => ({ bucket: b, ...bucketDueDates(b, '2000-01-01') }));

/** The bucket bounds on `today`. */
export function bucketBounds(today: string): BucketBounds {
  const bounds: BucketBounds = {};
  for (const b of AGING_BUCKETS) {
    const { from, until } = bucketDueDates(b, today);
    if (from) bounds[boundName(b, 'from')] = from;
    if (until) bounds[boundName(b, 'until')] = until;
  }
  return bounds;
}

/** SUM(amount) of the rows whose due date falls in each bucket, as select columns named after the buckets. */
export function bucketSums(bounds: BucketBounds, dueDate: RawBuilder<unknown> = sql.ref('invoices.due_date'), amount = BALANCE) {
  return SHAPE.map(({ bucket, from, until }) => {
    const conditions = [
      from && sql`${dueDate} >= ${bounds[boundName(bucket, 'from')]}`,
      until && sql`${dueDate} < ${bounds[boundName(bucket, 'until')]}`,
    ].filter(Boolean) as RawBuilder<unknown>[];
    return sql<number>`coalesce(sum(case when ${sql.join(conditions, sql` and `)} then ${amount} else 0 end), 0)`.as(bucket);
  });
}

/** The bucket sums, the total and the count of open invoices, as the columns of a report row. */
export const invoiceSums = (bounds: BucketBounds) => [
  ...bucketSums(bounds),
  sql<number>`coalesce(sum(${BALANCE}), 0)`.as('total'),
  sql<number>`count(*)`.as('n'),
];
