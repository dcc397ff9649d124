import { z } from 'zod';
import type { MessageCode } from '../messages/index.js';

/** Opaque record id. */
export const IdSchema = z.string().min(1).max(64);

/** A calendar date, `YYYY-MM-DD`, that exists in the calendar. */
export const CalendarDateSchema = z.iso.date({ message: 'validation.date' });

/** A UTC timestamp in ISO 8601. */
export const TimestampSchema = z.iso.datetime({ offset: true, message: 'validation.datetime' });

/** Money in integer minor units (cents, kopecks): never a fraction. */
export const MinorAmountSchema = z
  .number({ message: 'validation.amount' })
  .int({ message: 'validation.amount_integer' })
  .min(0, { message: 'validation.amount_negative' })
  .max(Number.MAX_SAFE_INTEGER);

export const CurrencySchema = z.string().regex(/^[A-Z]{3}$/, { message: 'validation.currency' });

/** Optional free text: trimmed; empty becomes null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

export const requiredText = (max: number, message: MessageCode = 'validation.required') =>
  z.string({ message }).trim().min(1, { message }).max(max, { message: 'validation.too_long' });

export const EmailSchema = z
  .string({ message: 'validation.email_required' })
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'validation.email' }).max(254));

/** Fields every record carries. */
export const RecordMetaSchema = z.object({
  id: IdSchema,
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** Query parameters every list accepts. */
export const ListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  q: z.string().trim().max(200).optional(),
});

/** `{ items, nextCursor }` for a list of records. */
export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const IdParamsSchema = z.object({ id: IdSchema });

/** RFC 9457 problem details as the API sends them. */
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  requestId: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;
