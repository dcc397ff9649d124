import { z } from 'zod';
import { EmailSchema, LocalizedTextOutSchema, localizedText, optionalText, optionalWebsite } from './common.js';

/** The agency as its paperwork names it: the party that signs contracts and acts and gets paid. */
export const AgencyDetailsUpdateSchema = z
  .object({
    name: optionalText(200),
    legalName: localizedText(300),
    address: localizedText(500),
    taxId: optionalText(50),
    registrationId: optionalText(50),
    bankDetails: localizedText(1000),
    signatoryName: localizedText(200),
    signatoryTitle: localizedText(200),
    email: EmailSchema.nullable(),
    phone: optionalText(50),
    website: optionalWebsite(300),
  })
  .partial();
export type AgencyDetailsUpdate = z.input<typeof AgencyDetailsUpdateSchema>;

export const AgencyLogoSchema = z.object({
  contentType: z.enum(['image/png', 'image/jpeg']).describe('SVG uploads are stored as PNG, so a logo never carries a script'),
  byteSize: z.number().int(),
  sha256: z.string(),
  updatedAt: z.string(),
});

export const AgencyDetailsSchema = z.object({
  version: z.number().int(),
  name: z.string().nullable(),
  legalName: LocalizedTextOutSchema,
  address: LocalizedTextOutSchema,
  taxId: z.string().nullable(),
  registrationId: z.string().nullable(),
  bankDetails: LocalizedTextOutSchema,
  signatoryName: LocalizedTextOutSchema,
  signatoryTitle: LocalizedTextOutSchema,
  email: z.string().nullable(),
  phone: z.string().nullable(),
  website: z.string().nullable(),
  logo: AgencyLogoSchema.nullable(),
  can: z.object({ update: z.boolean() }).describe('What you may do with the agency details'),
});
export type AgencyDetails = z.infer<typeof AgencyDetailsSchema>;

/** The most a logo upload may weigh. */
export const LOGO_MAX_BYTES = 1024 * 1024;
