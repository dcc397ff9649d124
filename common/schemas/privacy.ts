import { z } from 'zod';

/** The most years an admin may keep interactions for (beyond it, "keep" is the honest setting). */
export const MAX_RETENTION_YEARS = 50;

const YearsSchema = z
  .number()
  .int({ message: 'privacy.retention_years' })
  .min(1, { message: 'privacy.retention_years' })
  .max(MAX_RETENTION_YEARS, { message: 'privacy.retention_years' });

/** The agency's retention: interactions older than this many years are purged nightly; null keeps them. */
export const PrivacySettingsSchema = z.object({ interactionRetentionYears: YearsSchema.nullable() });
export type PrivacySettings = z.infer<typeof PrivacySettingsSchema>;

/** One account's retention: the agency's, or its own years (null: kept for good). */
export const AccountRetentionSchema = z.object({
  accountId: z.string(),
  /** True when the account follows the agency's setting. */
  inherit: z.boolean(),
  /** The account's own years when it does not inherit (null: kept for good). */
  years: z.number().int().nullable(),
  agencyYears: z.number().int().nullable(),
  /** What the nightly purge applies to this account. */
  effectiveYears: z.number().int().nullable(),
});
export type AccountRetention = z.infer<typeof AccountRetentionSchema>;

export const AccountRetentionUpdateSchema = z.discriminatedUnion('inherit', [
  z.object({ inherit: z.literal(true) }),
  z.object({ inherit: z.literal(false), years: YearsSchema.nullable() }),
]);
export type AccountRetentionUpdate = z.infer<typeof AccountRetentionUpdateSchema>;

/** An erasure must be confirmed by typing the contact's full name exactly as shown. */
export const ContactEraseSchema = z.object({ confirm: z.string().max(400) });

export const ContactErasedSchema = z.object({ contactId: z.string(), erasedAt: z.string() });
export type ContactErased = z.infer<typeof ContactErasedSchema>;

/** The name an erased contact is shown under. */
export const ERASED_NAME = 'Erased contact';
