import { z } from 'zod';
import { isCurrencyCode } from '../currencies.js';
import type { MessageCode } from '../messages/index.js';

/** Opaque record id. */
export const IdSchema = z.string().min(1).max(64);

/** A calendar date, `YYYY-MM-DD`, that exists in the calendar, within years the agency's records can have. */
export const CalendarDateSchema = z.iso.date({ message: 'validation.date' }).refine((d) => d >= '1970-01-01' && d <= '2100-12-31', {
  message: 'validation.date_range',
  params: { from: '1970-01-01', to: '2100-12-31' },
});

/** A UTC timestamp in ISO 8601. */
export const TimestampSchema = z.iso.datetime({ offset: true, message: 'validation.datetime' });

/** Money in integer minor units (cents, kopecks): never a fraction. */
export const MinorAmountSchema = z
  .number({ message: 'validation.amount' })
  .int({ message: 'validation.amount_integer' })
  .min(0, { message: 'validation.amount_negative' })
  .max(Number.MAX_SAFE_INTEGER);

/** An ISO 4217 code in circulation. */
export const CurrencySchema = z.string().refine((code): boolean => isCurrencyCode(code), { message: 'validation.currency' });

/** Optional free text: trimmed; empty becomes null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

/**
 * A web address: http or https only (never `javascript:` and the like); one typed without a
 * scheme (`example.com`) is taken as https. Empty becomes null.
 */
export const optionalWebsite = (max: number) =>
  optionalText(max)
    .transform((v) => (v && !/^[a-z][a-z0-9+.-]*:/i.test(v) ? `https://${v}` : v))
    .refine((v) => v === null || v === undefined || isHttpUrl(v), { message: 'validation.url' });

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

export const requiredText = (max: number, message: MessageCode = 'validation.required') =>
  z.string({ message }).trim().min(1, { message }).max(max, { message: 'validation.too_long' });

/** Text that may differ by language (a legal name in Cyrillic, a service's name in each): each is optional, a blank one null. */
export const localizedText = (max: number) => z.object({ en: optionalText(max), ru: optionalText(max) }).partial();
/** Per-language text as the API answers it: null where none was written. */
export const LocalizedTextOutSchema = z.object({ en: z.string().nullable(), ru: z.string().nullable() });

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

/**
 * What the signed-in user may do with a record, as the server's access policy decides it: one
 * flag per action, each described by what it allows. Pages show an action only when its flag is
 * true; the API refuses it anyway when it is false.
 */
export const abilitiesOf = <K extends string>(actions: Record<K, string>) =>
  z
    .object(
      Object.fromEntries(Object.entries<string>(actions).map(([k, what]) => [k, z.boolean().describe(what)])) as Record<K, z.ZodBoolean>,
    )
    .describe('What you may do with this record, decided by the server for the signed-in user');

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
  /** The last segment of `type`, e.g. `auth.two_factor_required`. */
  code: z.string().optional(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  requestId: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), message: z.string(), code: z.string().optional() })).optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;
