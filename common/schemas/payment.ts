import { z } from 'zod';
import { PAYMENT_STATUSES } from '../enums.js';
import {
  CalendarDateSchema,
  CurrencySchema,
  IdSchema,
  ListQuerySchema,
  MinorAmountSchema,
  RecordMetaSchema,
  abilitiesOf,
  optionalText,
  requiredText,
} from './common.js';

export const PaymentCreateSchema = z.object({
  invoiceId: IdSchema,
  amountMinor: MinorAmountSchema.refine((v) => v > 0, { message: 'validation.amount_positive' }),
  paidOn: CalendarDateSchema,
  /** Must match the invoice's currency when given. */
  currency: CurrencySchema.optional(),
  method: optionalText(50),
  reference: optionalText(200),
});
export type PaymentCreate = z.input<typeof PaymentCreateSchema>;

export const PaymentReverseSchema = z.object({ reason: requiredText(500, 'payment.reverse_reason') });

export const PaymentAbilitiesSchema = abilitiesOf({ reverse: 'Reverse the payment (it stays on record; the invoice is owed again)' });
export type PaymentAbilities = z.infer<typeof PaymentAbilitiesSchema>;

export const PaymentSchema = RecordMetaSchema.extend({
  invoiceId: z.string(),
  invoiceNumber: z.string().nullable(),
  accountId: z.string(),
  amountMinor: z.number().int(),
  currency: z.string(),
  paidOn: z.string(),
  method: z.string().nullable(),
  reference: z.string().nullable(),
  status: z.enum(PAYMENT_STATUSES),
  recordedBy: z.string().nullable(),
  reversedAt: z.string().nullable(),
  reversalReason: z.string().nullable(),
  can: PaymentAbilitiesSchema,
});
export type Payment = z.infer<typeof PaymentSchema>;

export const PaymentListQuerySchema = ListQuerySchema.extend({
  invoiceId: IdSchema.optional(),
  accountId: IdSchema.optional(),
  status: z.enum(PAYMENT_STATUSES).optional(),
});
export type PaymentListQuery = z.infer<typeof PaymentListQuerySchema>;
