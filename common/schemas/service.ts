import { z } from 'zod';
import { LANGUAGES, SERVICE_UNITS, WORK_KINDS } from '../enums.js';
import {
  CurrencySchema,
  ListQuerySchema,
  LocalizedTextOutSchema,
  MinorAmountSchema,
  RecordMetaSchema,
  abilitiesOf,
  localizedText,
} from './common.js';

/**
 * The service catalog: what the agency sells, priced per currency, with the delivery template a
 * project started from it follows. Texts are written per language, like the agency's details;
 * the agency's own language is required (the server checks it, knowing which that is).
 */

export type LocalizedText = z.infer<typeof LocalizedTextOutSchema>;

export const SERVICE_LIMITS = { prices: 20, milestones: 50, tasks: 200, offsetDays: 3650, hours: 10_000 } as const;

/** What the service costs per unit in one currency. */
export const ServicePriceSchema = z.object({
  currency: CurrencySchema,
  amountMinor: MinorAmountSchema,
});

/** A milestone of the template; `key` names it for the tasks tied to it and for projects made from it. */
export const TemplateMilestoneInputSchema = z.object({
  key: z
    .string({ message: 'service.milestone_key' })
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, { message: 'service.milestone_key' }),
  title: localizedText(300),
  offsetDays: z
    .number({ message: 'service.offset_days' })
    .int({ message: 'service.offset_days' })
    .min(0, { message: 'service.offset_days' })
    .max(SERVICE_LIMITS.offsetDays, { message: 'service.offset_days' }),
});

/** A task of the template: work of a specialist role, estimated in hours, optionally within a milestone. */
export const TemplateTaskInputSchema = z.object({
  title: localizedText(300),
  role: z.string({ message: 'service.role_required' }).trim().min(1, { message: 'service.role_required' }).max(50),
  hours: z.number({ message: 'service.hours' }).gt(0, { message: 'service.hours' }).max(SERVICE_LIMITS.hours, { message: 'service.hours' }),
  milestoneKey: z.string().trim().max(40).nullable().optional(),
});

/** Milestones and tasks, in order; a task's milestone must be one of the template's. */
export const DeliveryTemplateInputSchema = z
  .object({
    milestones: z.array(TemplateMilestoneInputSchema).max(SERVICE_LIMITS.milestones, { message: 'validation.too_many' }).default([]),
    tasks: z.array(TemplateTaskInputSchema).max(SERVICE_LIMITS.tasks, { message: 'validation.too_many' }).default([]),
  })
  .superRefine((t, ctx) => {
    const keys = new Set<string>();
    t.milestones.forEach((m, i) => {
      if (keys.has(m.key)) ctx.addIssue({ code: 'custom', message: 'service.milestone_key_taken', path: ['milestones', i, 'key'] });
      keys.add(m.key);
    });
    t.tasks.forEach((task, i) => {
      if (task.milestoneKey && !keys.has(task.milestoneKey)) {
        ctx.addIssue({ code: 'custom', message: 'service.task_milestone', path: ['tasks', i, 'milestoneKey'] });
      }
    });
  });

/** At least one price, one per currency. */
const pricesField = z
  .array(ServicePriceSchema)
  .min(1, { message: 'service.price_required' })
  .max(SERVICE_LIMITS.prices, { message: 'validation.too_many' })
  .superRefine((prices, ctx) => {
    const seen = new Set<string>();
    prices.forEach((p, i) => {
      if (seen.has(p.currency)) {
        ctx.addIssue({ code: 'custom', message: 'service.duplicate_currency', params: { currency: p.currency }, path: [i, 'currency'] });
      }
      seen.add(p.currency);
    });
  });

const serviceFields = {
  name: localizedText(200),
  description: localizedText(4000),
  workKind: z.enum(WORK_KINDS, { message: 'service.work_kind' }),
  unit: z.enum(SERVICE_UNITS, { message: 'service.unit' }),
  prices: pricesField,
  template: DeliveryTemplateInputSchema,
};

export const ServiceCreateSchema = z.object({
  name: serviceFields.name,
  description: serviceFields.description.optional(),
  workKind: serviceFields.workKind,
  unit: serviceFields.unit,
  prices: serviceFields.prices,
  template: serviceFields.template.optional(),
});
export type ServiceCreate = z.input<typeof ServiceCreateSchema>;

/** Any of the fields; prices and the template, when given, replace the whole list. */
export const ServiceUpdateSchema = z.object(serviceFields).partial();
export type ServiceUpdate = z.input<typeof ServiceUpdateSchema>;

export const ServiceAbilitiesSchema = abilitiesOf({
  update: 'Change the service (PATCH)',
  deactivate: 'Take it out of the catalog (it stays on what already uses it)',
  reactivate: 'Put it back in the catalog',
});
export type ServiceAbilities = z.infer<typeof ServiceAbilitiesSchema>;

export const TemplateMilestoneSchema = z.object({
  key: z.string(),
  title: LocalizedTextOutSchema,
  offsetDays: z.number().int().describe('Days from the project’s start to the milestone'),
});
export const TemplateTaskSchema = z.object({
  title: LocalizedTextOutSchema,
  role: z.string().describe('A specialist role (see the delivery settings)'),
  hours: z.number().describe('Estimated hours'),
  milestoneKey: z.string().nullable().describe('The key of the milestone the task belongs to, if any'),
});
export const DeliveryTemplateSchema = z.object({
  milestones: z.array(TemplateMilestoneSchema).describe('In order'),
  tasks: z.array(TemplateTaskSchema).describe('In order'),
});
export type DeliveryTemplate = z.infer<typeof DeliveryTemplateSchema>;

export const ServiceSchema = RecordMetaSchema.extend({
  name: LocalizedTextOutSchema,
  description: LocalizedTextOutSchema,
  workKind: z.enum(WORK_KINDS),
  unit: z.enum(SERVICE_UNITS),
  active: z.boolean().describe('Offered in the catalog; an inactive service is kept for what already uses it'),
  prices: z.array(z.object({ currency: z.string(), amountMinor: z.number().int() })).describe('Per unit, one per currency, in order'),
  template: DeliveryTemplateSchema,
  can: ServiceAbilitiesSchema,
});
export type Service = z.infer<typeof ServiceSchema>;

export const ServiceListQuerySchema = ListQuerySchema.extend({
  active: z.enum(['true', 'false']).optional().describe('Only active (true) or inactive (false) services; both when omitted'),
  workKind: z.enum(WORK_KINDS).optional(),
});
export type ServiceListQuery = z.infer<typeof ServiceListQuerySchema>;

/** What an editor of the catalog needs to know: the agency's language (required in texts), its currency and the roles in use. */
export const CatalogDefaultsSchema = z.object({
  language: z.enum(LANGUAGES).describe('The agency’s language: every name and title must be written in it'),
  currency: z.string().describe('The agency’s default currency'),
  specialistRoles: z.array(z.string()).describe('The roles template tasks may name'),
});
export type CatalogDefaults = z.infer<typeof CatalogDefaultsSchema>;
