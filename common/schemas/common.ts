import { z } from 'zod';

/** Opaque record id. */
export const IdSchema = z.string().min(1).max(64);

/** A calendar date, `YYYY-MM-DD`, that exists in the calendar. */
export const CalendarDateSchema = z.iso.date({ message: 'Use a date in the form YYYY-MM-DD' });

/** A UTC timestamp in ISO 8601. */
export const TimestampSchema = z.iso.datetime({ offset: true, message: 'Use an ISO 8601 date and time' });

/** Money in integer minor units (cents, kopecks): never a fraction. */
export const MinorAmountSchema = z
  .number({ message: 'Enter an amount in minor units (an integer)' })
  .int({ message: 'Amounts are whole minor units (for example 1050 for 10.50)' })
  .min(0, { message: 'Amounts cannot be negative' })
  .max(Number.MAX_SAFE_INTEGER);

export const CurrencySchema = z.string().regex(/^[A-Z]{3}$/, { message: 'Use a three-letter ISO 4217 code such as EUR' });

/** Optional free text: trimmed; empty becomes null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `At most ${max} characters` })
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

export const requiredText = (max: number, message = 'This field is required') =>
  z
    .string({ message })
    .trim()
    .min(1, { message })
    .max(max, { message: `At most ${max} characters` });

export const EmailSchema = z
  .string({ message: 'Enter an email address' })
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'Enter a valid email address' }).max(254));

/** Fields every record carries. */
export const RecordMetaSchema = z.object({
  id: IdSchema,
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** Query parameters every list accepts. */
export const ListQuerySchema = z.object({
  limit: z.coerce
    .number({ message: 'limit must be a number' })
    .int({ message: 'limit must be a whole number' })
    .min(1, { message: 'limit is at least 1' })
    .max(200, { message: 'limit is at most 200' })
    .default(50),
  cursor: z.string().max(500).optional(),
  q: z.string().trim().max(200).optional(),
});

/** `{ items, nextCursor }` for a list of records. */
export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const IdParamsSchema = z.object({ id: IdSchema });

/** RFC 9457 problem details as the API sends them. */
export const ProblemSchema = z.object({
  type: z.string(),
  /** The last segment of `type`, e.g. `auth.two_factor_required`. */
  code: z.string().optional(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  requestId: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), message: z.string(), code: z.string().optional() })).optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;
