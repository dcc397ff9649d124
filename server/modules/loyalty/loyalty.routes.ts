import { settingsRoutes } from '../settings/index.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema, ListQuerySchema, pageOf } from '../../../common/schemas/common.js';
import {
  AtRiskAccountSchema,
  LoyaltyMoveSchema,
  LoyaltyRunSchema,
  LoyaltySettingsSchema,
  LoyaltyStandingSchema,
  LoyaltyTierCreateSchema,
  LoyaltyTierSchema,
  LoyaltyTierUpdateSchema,
  ReferralSetSchema,
} from '../../../common/schemas/loyalty.js';
import { expectedVersion, withEtag } from '../../lib/http.js';
import { assertAdmin, assertSeesInternal, assertSeesTiers } from '../access/index.js';
import type { LoyaltyEvaluation } from './loyalty.evaluation.js';
import type { LoyaltySettingsService } from './loyalty.settings.js';
import type { LoyaltyStandings } from './loyalty.standing.js';
import type { LoyaltyTierService } from './loyalty.tiers.js';

const RULES =
  'Paid revenue is per currency and never converted or summed: the rule passes when revenue paid in the trailing 12 months reaches ' +
  'the threshold in any one currency the tier names. Tenure counts whole months since the account first became a client (status active). ' +
  'On-time is the share of invoices due in the trailing 12 months paid in full by their due date (none due passes). ' +
  'An account holds the highest-ranked tier whose every rule passes; it is at risk when a passing figure is within 10 % of its threshold.';

/** The programme's tiers (staff read, admins write), the evaluation, and each account's standing and referral. */
export const loyaltyRoutes =
  (
    tiers: LoyaltyTierService,
    evaluation: LoyaltyEvaluation,
    standings: LoyaltyStandings,
    settings: LoyaltySettingsService,
  ): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['loyalty'];
    const staff = { authorize: assertSeesTiers };
    const admin = { authorize: assertAdmin };
    app.get(
      '/loyalty/tiers',
      {
        config: staff,
        schema: {
          tags,
          summary: 'The tiers by rank, lowest first, with rules and benefits',
          description: RULES,
          response: { 200: z.object({ items: z.array(LoyaltyTierSchema) }) },
        },
      },
      async (req) => ({ items: await tiers.list(req.requireActor()) }),
    );
    app.post(
      '/loyalty/tiers',
      {
        config: admin,
        schema: {
          tags,
          summary: 'Add a tier (admins)',
          description: RULES,
          body: LoyaltyTierCreateSchema,
          response: { 201: LoyaltyTierSchema },
        },
      },
      async (req, reply) => reply.code(201).send(await tiers.create(req.requireActor(), req.body)),
    );
    app.get(
      '/loyalty/tiers/:id',
      { config: staff, schema: { tags, summary: 'One tier', params: IdParamsSchema, response: { 200: LoyaltyTierSchema } } },
      async (req, reply) => withEtag(reply, await tiers.get(req.requireActor(), req.params.id)),
    );
    app.patch(
      '/loyalty/tiers/:id',
      {
        config: admin,
        schema: {
          tags,
          summary: 'Change a tier (admins; If-Match optional); accounts move at the next evaluation',
          params: IdParamsSchema,
          body: LoyaltyTierUpdateSchema,
          response: { 200: LoyaltyTierSchema },
        },
      },
      async (req, reply) => withEtag(reply, await tiers.update(req.requireActor(), req.params.id, req.body, expectedVersion(req))),
    );
    app.delete(
      '/loyalty/tiers/:id',
      {
        config: admin,
        schema: { tags, summary: 'Remove a tier (admins); its moves keep its name', params: IdParamsSchema },
      },
      async (req, reply) => {
        await tiers.remove(req.requireActor(), req.params.id);
        return reply.code(204).send();
      },
    );
    app.post(
      '/loyalty/evaluate',
      {
        config: admin,
        schema: {
          tags,
          summary: 'Evaluate every account now (admins); once per agency day — a second call that day answers the same run with `repeated`',
          description: RULES,
          response: { 200: LoyaltyRunSchema },
        },
      },
      async (req) => evaluation.evaluateNow(req.requireActor()),
    );
    app.get(
      '/loyalty/at-risk',
      {
        config: { authorize: assertSeesInternal },
        schema: {
          tags,
          summary: 'Accounts you read within 10 % of losing their tier, by name',
          response: { 200: z.object({ items: z.array(AtRiskAccountSchema) }) },
        },
      },
      async (req) => ({ items: await standings.atRisk(req.requireActor()) }),
    );
    app.get(
      '/accounts/:id/loyalty',
      {
        schema: {
          tags,
          summary: 'The account’s tier, benefits, the last evaluation’s reasons, risk and referrals (staff who read its internal records)',
          params: IdParamsSchema,
          response: { 200: LoyaltyStandingSchema },
        },
      },
      async (req) => standings.get(req.requireActor(), req.params.id),
    );
    app.get(
      '/accounts/:id/loyalty/history',
      {
        schema: {
          tags,
          summary: 'The account’s moves between tiers with the rules that made them, newest first',
          params: IdParamsSchema,
          querystring: ListQuerySchema,
          response: { 200: pageOf(LoyaltyMoveSchema) },
        },
      },
      async (req) => standings.history(req.requireActor(), req.params.id, req.query),
    );
    app.put(
      '/accounts/:id/referral',
      {
        schema: {
          tags,
          summary: 'Mark which account referred this one (null clears it); its manager or an admin',
          params: IdParamsSchema,
          body: ReferralSetSchema,
          response: { 200: LoyaltyStandingSchema },
        },
      },
      async (req) => standings.setReferral(req.requireActor(), req.params.id, req.body.referrerId),
    );
    await app.register(
      settingsRoutes(settings, {
        name: 'loyalty',
        tags,
        schema: LoyaltySettingsSchema,
        read: {
          authorize: assertSeesInternal,
          summary: 'The referral reward: a discount percent or a fixed amount per currency for the referrer',
        },
        write: { method: 'put', authorize: assertAdmin, summary: 'Change the referral reward (admins)', body: LoyaltySettingsSchema },
      }),
    );
  };
