import { z } from 'zod';
import { LANGUAGES, SURVEY_FOLLOW_UPS, SURVEY_KINDS, SURVEY_STATES, SURVEY_TRIGGERS, type SurveyKind } from '../enums.js';
import { IdSchema, ListQuerySchema, optionalText, RecordMetaSchema } from './common.js';

/** The scores each kind accepts: NPS 0–10, CSAT 1–5. */
export const SURVEY_SCALES: Record<SurveyKind, { min: number; max: number }> = {
  nps: { min: 0, max: 10 },
  csat: { min: 1, max: 5 },
};

/** A detractor (NPS ≤ 6) or an unhappy CSAT (≤ 2): the owner is alerted and a follow-up opened. */
export const isLowScore = (kind: SurveyKind, score: number): boolean => (kind === 'nps' ? score <= 6 : score <= 2);

/** A survey sent to a contact of an account (by a manager or a trigger), and its answer once given. */
export const SurveySchema = RecordMetaSchema.extend({
  accountId: z.string(),
  accountName: z.string(),
  projectId: z.string().nullable(),
  projectName: z.string().nullable(),
  contactId: z.string(),
  contactName: z.string(),
  kind: z.enum(SURVEY_KINDS),
  trigger: z.enum(SURVEY_TRIGGERS),
  language: z.enum(LANGUAGES),
  state: z.enum(SURVEY_STATES),
  score: z.number().int().nullable(),
  comment: z.string().nullable(),
  sentAt: z.string(),
  expiresAt: z.string(),
  answeredAt: z.string().nullable(),
});
export type Survey = z.infer<typeof SurveySchema>;

export const SurveyListQuerySchema = ListQuerySchema.omit({ q: true }).extend({
  accountId: IdSchema.optional(),
  projectId: IdSchema.optional(),
  kind: z.enum(SURVEY_KINDS).optional(),
  /** true: answered only; false: not answered (pending or expired). */
  answered: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type SurveyListQuery = z.output<typeof SurveyListQuerySchema>;

/** A manager sends a survey now to a contact of an account they manage. */
export const SurveyCreateSchema = z.object({
  accountId: IdSchema,
  projectId: IdSchema.nullable().optional(),
  contactId: IdSchema,
  kind: z.enum(SURVEY_KINDS),
});
export type SurveyCreate = z.input<typeof SurveyCreateSchema>;

/** The answer: a whole score in the kind's range (checked against the survey's kind) and an optional comment. */
export const SurveyAnswerSchema = z.object({
  score: z.number({ message: 'survey.score_required' }).int({ message: 'survey.score_integer' }),
  comment: optionalText(2000),
});
export type SurveyAnswer = z.input<typeof SurveyAnswerSchema>;

export const SurveyTokenParamsSchema = z.object({ token: z.string().min(1).max(200) });

/** What the person who got the link sees: the question in their language, who asks, and about what. Nothing else. */
export const PublicSurveySchema = z.object({
  kind: z.enum(SURVEY_KINDS),
  language: z.enum(LANGUAGES),
  question: z.string(),
  agencyName: z.string(),
  projectName: z.string().nullable(),
  min: z.number().int(),
  max: z.number().int(),
});
export type PublicSurvey = z.infer<typeof PublicSurveySchema>;

/** The portal's view of a client's own pending survey. */
export const PortalSurveySchema = PublicSurveySchema.extend({ id: z.string(), expiresAt: z.string() });
export type PortalSurvey = z.infer<typeof PortalSurveySchema>;

/** When surveys go out on their own, and what a low answer opens. */
export const SurveySettingsSchema = z.object({
  onMilestoneDone: z.boolean(),
  onProjectDelivered: z.boolean(),
  quarterly: z.boolean(),
  /** A contact is asked at most once in this many days (any survey). */
  throttleDays: z.number().int().min(0).max(365),
  followUp: z.enum(SURVEY_FOLLOW_UPS),
  /** Days until the follow-up next step is due. */
  followUpDays: z.number().int().min(0).max(60),
});
export type SurveySettings = z.infer<typeof SurveySettingsSchema>;
