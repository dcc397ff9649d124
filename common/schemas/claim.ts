import { z } from 'zod';
import { CLAIM_CLOSINGS, CLAIM_SEVERITIES, CLAIM_SOURCES, CLAIM_STATUSES } from '../enums.js';
import { abilitiesOf, IdSchema, ListQuerySchema, optionalText, RecordMetaSchema, requiredText } from './common.js';

/** A key of a configured list (categories, root causes). */
const ListKeySchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9_]{1,50}$/, { message: 'claim.key' });

const description = requiredText(5000, 'claim.description_required');

/** What the client tells when reporting a problem in the portal: the company is their own. */
export const PortalClaimCreateSchema = z.object({
  /** A project of the client's company the problem is about. */
  projectId: IdSchema.nullish(),
  category: ListKeySchema,
  severity: z.enum(CLAIM_SEVERITIES).default('medium'),
  description,
});
export type PortalClaimCreate = z.input<typeof PortalClaimCreateSchema>;

/** Specialists and projects involved: internal, for analysis; the client never sees them. */
const LinksSchema = z.object({
  specialistIds: z.array(IdSchema).max(50).optional(),
  projectIds: z.array(IdSchema).max(50).optional(),
});

/** A claim registered by a manager on the account page. */
export const ClaimCreateSchema = PortalClaimCreateSchema.extend({ accountId: IdSchema, ...LinksSchema.shape });
export type ClaimCreate = z.input<typeof ClaimCreateSchema>;

/** Changes to a claim (send If-Match); its status moves through `POST /claims/:id/status` only. */
export const ClaimUpdateSchema = z
  .object({
    projectId: IdSchema.nullable(),
    category: ListKeySchema,
    severity: z.enum(CLAIM_SEVERITIES),
    description,
    /** Internal notes, never shown to the client. */
    internalNote: optionalText(5000),
  })
  .partial()
  .extend(LinksSchema.shape);
export type ClaimUpdate = z.input<typeof ClaimUpdateSchema>;

/**
 * A move along the workflow. `resolved` needs a root cause from the configured list and a note
 * saying what it was (both internal); `resolution` is what the client is told was done.
 */
export const ClaimStatusMoveSchema = z.object({
  status: z.enum(CLAIM_STATUSES),
  rootCause: ListKeySchema.optional(),
  rootCauseNote: optionalText(5000),
  resolution: optionalText(5000),
});
export type ClaimStatusMove = z.input<typeof ClaimStatusMoveSchema>;

export const ClaimAbilitiesSchema = abilitiesOf({
  update: 'Change the claim (PATCH)',
  moveStatus: 'Move the claim along its workflow',
});

const LinkedSchema = z.object({ id: z.string(), name: z.string() });

/** What the client sees of a claim: no root cause, internal note or linked people and projects. */
export const ClientClaimSchema = RecordMetaSchema.extend({
  accountId: z.string(),
  projectId: z.string().nullable(),
  projectName: z.string().nullable(),
  category: z.string(),
  severity: z.enum(CLAIM_SEVERITIES),
  description: z.string(),
  source: z.enum(CLAIM_SOURCES),
  status: z.enum(CLAIM_STATUSES),
  /** What the agency says it did, once resolved. */
  resolution: z.string().nullable(),
  respondedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
});
export type ClientClaim = z.infer<typeof ClientClaimSchema>;

/** A claim as staff see it. */
export const ClaimSchema = ClientClaimSchema.extend({
  accountName: z.string(),
  ownerId: z.string().nullable().describe('The account’s owner, who is alerted of missed deadlines'),
  respondBy: z.string(),
  resolveBy: z.string(),
  respondBreached: z.boolean().describe('Not responded to by respondBy (or responded to later)'),
  resolveBreached: z.boolean().describe('Not resolved by resolveBy (or resolved later)'),
  rootCause: z.string().nullable(),
  rootCauseNote: z.string().nullable(),
  internalNote: z.string().nullable(),
  closedHow: z.enum(CLAIM_CLOSINGS).nullable(),
  specialists: z.array(LinkedSchema),
  projects: z.array(LinkedSchema),
  createdById: z.string().nullable(),
  can: ClaimAbilitiesSchema,
});
export type Claim = z.infer<typeof ClaimSchema>;

const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

export const ClaimListQuerySchema = ListQuerySchema.extend({
  accountId: IdSchema.optional(),
  projectId: IdSchema.optional(),
  status: z.enum(CLAIM_STATUSES).optional(),
  severity: z.enum(CLAIM_SEVERITIES).optional(),
  category: ListKeySchema.optional(),
  /** Only claims that missed (or did not miss) a deadline. */
  breached: booleanQuery.optional(),
});
export type ClaimListQuery = z.infer<typeof ClaimListQuerySchema>;

export const PortalClaimListQuerySchema = ListQuerySchema.omit({ q: true });

const Name = z.object({ en: requiredText(80), ru: requiredText(80) });
const NamedKeySchema = z.object({ key: ListKeySchema, name: Name });
const namedList = z
  .array(NamedKeySchema)
  .min(1, { message: 'claim.list_required' })
  .max(50)
  .refine((r) => new Set(r.map((x) => x.key)).size === r.length, { message: 'claim.keys_unique' });

const Hours = z
  .number()
  .int()
  .min(1)
  .max(24 * 365);
const DeadlineSchema = z
  .object({ respondHours: Hours, resolveHours: Hours })
  .refine((d) => d.resolveHours >= d.respondHours, { message: 'claim.resolve_after_respond', path: ['resolveHours'] });

/** Claims' settings: categories, root causes, deadlines by severity (calendar hours), auto-closing. */
export const ClaimSettingsSchema = z
  .object({
    categories: namedList,
    rootCauses: namedList,
    deadlines: z.object({ low: DeadlineSchema, medium: DeadlineSchema, high: DeadlineSchema, critical: DeadlineSchema }),
    /** A resolved claim the client has not confirmed closes by itself after this many days. */
    autoCloseDays: z.number().int().min(1).max(365),
    /** The category of a claim drafted from a low survey answer. */
    surveyCategory: ListKeySchema,
  })
  .refine((s) => s.categories.some((c) => c.key === s.surveyCategory), { message: 'claim.survey_category', path: ['surveyCategory'] });
export type ClaimSettings = z.infer<typeof ClaimSettingsSchema>;

/** What the client sees of the settings: the categories to choose from. */
export const PortalClaimCategoriesSchema = z.object({ categories: z.array(NamedKeySchema) });
