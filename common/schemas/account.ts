import { z } from 'zod';
import { ACCOUNT_STATUSES, LANGUAGES } from '../enums.js';
import {
  CurrencySchema,
  IdSchema,
  ListQuerySchema,
  MinorAmountSchema,
  RecordMetaSchema,
  abilitiesOf,
  optionalText,
  optionalWebsite,
  requiredText,
} from './common.js';
import { HEALTH_GRADES } from './health.js';

const accountFields = {
  name: requiredText(200, 'account.name_required'),
  status: z.enum(ACCOUNT_STATUSES),
  industry: optionalText(100),
  website: optionalWebsite(300),
  ownerId: IdSchema.nullable(),
  backupOwnerId: IdSchema.nullable(),
  currency: CurrencySchema,
  paymentTermsDays: z
    .number({ message: 'account.payment_terms' })
    .int({ message: 'account.payment_terms' })
    .min(0, { message: 'account.payment_terms' })
    .max(365, { message: 'account.payment_terms' }),
  creditLimitMinor: MinorAmountSchema.nullable(),
  language: z.enum(LANGUAGES),
};

export const AccountCreateSchema = z.object({
  name: accountFields.name,
  status: accountFields.status.default('prospect'),
  industry: accountFields.industry,
  website: accountFields.website,
  ownerId: accountFields.ownerId.optional(),
  backupOwnerId: accountFields.backupOwnerId.optional(),
  currency: accountFields.currency.optional(),
  paymentTermsDays: accountFields.paymentTermsDays.default(14),
  creditLimitMinor: accountFields.creditLimitMinor.optional(),
  language: accountFields.language.default('en'),
});
export type AccountCreate = z.input<typeof AccountCreateSchema>;

export const AccountUpdateSchema = z
  .object({
    name: accountFields.name,
    status: accountFields.status,
    industry: accountFields.industry,
    website: accountFields.website,
    ownerId: accountFields.ownerId,
    backupOwnerId: accountFields.backupOwnerId,
    currency: accountFields.currency,
    paymentTermsDays: accountFields.paymentTermsDays,
    creditLimitMinor: accountFields.creditLimitMinor,
    language: accountFields.language,
  })
  .partial();
export type AccountUpdate = z.input<typeof AccountUpdateSchema>;

export const AccountAbilitiesSchema = abilitiesOf({
  update: 'Change the account (PATCH)',
  delete: 'Delete the account',
  addContact: 'Add a contact to it',
  logInteraction: 'Log a meeting, call, email or note on it',
  addProject: 'Start a project for it',
  seeBilling: 'See what it owes, its credit warnings and its statement',
  createInvoice: 'Draft an invoice for it',
  changeStopWork: 'Set or lift its stop-work flag',
  createDocument: 'Draft a document (contract, act, report…) for it',
  writeMessage: 'Read its requests thread and write to it',
});
export type AccountAbilities = z.infer<typeof AccountAbilitiesSchema>;

/** Money owed in one currency. */
const OwedSchema = z.object({ currency: z.string(), amountMinor: z.number().int() });

/**
 * What needs attention on the account, from its other records. Each flag is null when it is not
 * raised or the reader may not see it: clients never see flags; the money ones only those who
 * see the account's billing.
 */
export const AccountFlagsSchema = z.object({
  workStopped: z
    .object({ since: z.string(), reason: z.string() })
    .nullable()
    .describe('Work is stopped (new tasks are refused) since then, and why'),
  overdue: z
    .object({
      amounts: z.array(OwedSchema).min(1).describe("Past due and unpaid, per currency, the account's currency first"),
      invoiceCount: z.number().int(),
      oldestDays: z.number().int().describe("Days since the oldest unpaid invoice fell due, in the agency's time zone"),
    })
    .nullable()
    .describe('Invoices past their due date and not fully paid'),
  creditUsed: z
    .object({ currency: z.string(), usedMinor: z.number().int(), limitMinor: z.number().int() })
    .nullable()
    .describe('What the account owes in its currency against its credit limit; null without a limit'),
});
export type AccountFlags = z.infer<typeof AccountFlagsSchema>;

export const AccountSchema = RecordMetaSchema.extend({
  name: z.string(),
  status: z.enum(ACCOUNT_STATUSES),
  industry: z.string().nullable(),
  website: z.string().nullable(),
  ownerId: z.string().nullable(),
  backupOwnerId: z.string().nullable(),
  currency: z.string(),
  paymentTermsDays: z.number().int(),
  creditLimitMinor: z.number().int().nullable(),
  language: z.enum(LANGUAGES),
  flags: AccountFlagsSchema,
  can: AccountAbilitiesSchema,
  health: z
    .object({ score: z.number().int().nullable(), grade: z.enum(HEALTH_GRADES).nullable() })
    .nullable()
    .describe('The latest nightly health score and grade (null score: no data); null for readers who do not see internal records'),
});
export type Account = z.infer<typeof AccountSchema>;

/** `healthScore` sorts by the latest nightly score, accounts without one first (lowest). */
export const ACCOUNT_SORTS = [
  'name',
  '-name',
  'createdAt',
  '-createdAt',
  'updatedAt',
  '-updatedAt',
  'healthScore',
  '-healthScore',
] as const;

export const AccountListQuerySchema = ListQuerySchema.extend({
  status: z.enum(ACCOUNT_STATUSES).optional(),
  ownerId: IdSchema.optional(),
  sort: z.enum(ACCOUNT_SORTS).default('name'),
  createdFrom: z.iso.date().optional(),
  createdTo: z.iso.date().optional(),
});
export type AccountListQuery = z.infer<typeof AccountListQuerySchema>;

/** Someone who owns at least one account the caller can see: the choices of an account-manager filter. */
export const AccountOwnerSchema = z.object({ id: z.string(), name: z.string() });
export type AccountOwner = z.infer<typeof AccountOwnerSchema>;
export const AccountOwnersSchema = z.object({ items: z.array(AccountOwnerSchema) });
