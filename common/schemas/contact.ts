import { z } from 'zod';
import { DECISION_ROLES, LANGUAGES } from '../enums.js';
import { IdSchema, ListQuerySchema, RecordMetaSchema, abilitiesOf, optionalText, requiredText } from './common.js';

const optionalEmail = z
  .string()
  .trim()
  .toLowerCase()
  .transform((v) => (v === '' ? null : v))
  .pipe(z.email({ message: 'validation.email' }).max(254).nullable())
  .nullable()
  .optional();

const contactFields = {
  firstName: requiredText(100, 'contact.first_name_required'),
  lastName: optionalText(100),
  email: optionalEmail,
  phone: optionalText(50),
  position: optionalText(100),
  decisionRole: z.enum(DECISION_ROLES).nullable().optional(),
  portalAccess: z.boolean().optional(),
  /** Receives the projects' status reports by email. */
  receivesReports: z.boolean().optional(),
  /** The language the contact reads; null for the account's. */
  language: z.enum(LANGUAGES).nullable().optional(),
};

export const ContactCreateSchema = z.object({ accountId: IdSchema, ...contactFields });
export type ContactCreate = z.input<typeof ContactCreateSchema>;

export const ContactUpdateSchema = z.object(contactFields).partial();
export type ContactUpdate = z.input<typeof ContactUpdateSchema>;

export const ContactAbilitiesSchema = abilitiesOf({
  update: 'Change the contact (PATCH)',
  delete: 'Delete the contact',
  logInteraction: 'Log a meeting, call, email or note with them',
  invite: 'Invite them to the client portal by email (POST /contacts/{id}/invite)',
});
export type ContactAbilities = z.infer<typeof ContactAbilitiesSchema>;

export const ContactSchema = RecordMetaSchema.extend({
  accountId: z.string(),
  accountName: z.string(),
  firstName: z.string(),
  lastName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  position: z.string().nullable(),
  decisionRole: z.enum(DECISION_ROLES).nullable(),
  portalAccess: z.boolean(),
  receivesReports: z.boolean(),
  language: z.enum(LANGUAGES).nullable(),
  can: ContactAbilitiesSchema,
});
export type Contact = z.infer<typeof ContactSchema>;

export const ContactListQuerySchema = ListQuerySchema.extend({ accountId: IdSchema.optional() });
export type ContactListQuery = z.infer<typeof ContactListQuerySchema>;
