import { z } from 'zod';
import { ACCOUNT_STATUSES } from '../enums.js';

/** A number of days a Today setting counts: whole, from 1 to `max`. */
const days = (max: number) =>
  z
    .number({ message: 'today.days_whole' })
    .int({ message: 'today.days_whole' })
    .min(1, { message: 'today.days_min' })
    .max(max, { message: 'today.days_max' });

/** Days without a two-way contact per account status before the account is on its manager's Today; null: never. */
export const ContactCadenceSchema = z.object(
  Object.fromEntries(ACCOUNT_STATUSES.map((s) => [s, days(365).nullable()])) as Record<
    (typeof ACCOUNT_STATUSES)[number],
    z.ZodNullable<ReturnType<typeof days>>
  >,
);

/** How long things may wait before they are on Today. */
export const TodaySettingsSchema = z.object({
  contactCadenceDays: ContactCadenceSchema.describe('Per account status: days without contact before Today asks for one (null: never)'),
  clientWaitDays: days(90).describe('Days a plan, requirements, a brief or a signature may wait for the client'),
  proposalUndecidedDays: days(90).describe('Days a proposal the client opened may stay undecided'),
});
export type TodaySettings = z.infer<typeof TodaySettingsSchema>;
