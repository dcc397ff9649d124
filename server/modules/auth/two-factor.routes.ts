import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParamsSchema } from '../../../common/schemas/common.js';
import {
  RecoveryCodesSchema,
  SecuritySettingsSchema,
  TwoFactorConfirmSchema,
  TwoFactorEnrolmentSchema,
  TwoFactorProofSchema,
  TwoFactorStatusSchema,
} from '../../../common/schemas/two-factor.js';
import type { AuthService } from './auth.service.js';

const tags = ['auth'];
// Enrolment stays open while the security setting holds a user back from everything else.
const exempt = { twoFactorExempt: true };

/** The signed-in user's two-factor sign-in, the admins' reset, and the agency's security setting. */
export const twoFactorRoutes =
  (auth: AuthService): FastifyPluginAsyncZod =>
  async (app) => {
    const { twoFactor, securitySettings } = auth;

    app.get(
      '/auth/two-factor',
      {
        config: exempt,
        schema: {
          tags,
          summary: 'Your two-factor sign-in: on or off, required, recovery codes left',
          response: { 200: TwoFactorStatusSchema },
        },
      },
      async (req) => twoFactor.status(req.requireActor()),
    );

    app.post(
      '/auth/two-factor/enrolment',
      {
        config: exempt,
        schema: {
          tags,
          summary: 'Start setting up two-factor sign-in',
          description:
            'Makes a new secret and answers it with its otpauth URL and a QR code for an authenticator app. Nothing changes for sign-in until the first code is confirmed. Staff only; 409 when it is already on.',
          response: { 200: TwoFactorEnrolmentSchema },
        },
      },
      async (req) => twoFactor.startEnrolment(req.requireActor()),
    );

    app.post(
      '/auth/two-factor/enrolment/confirm',
      {
        config: exempt,
        schema: {
          tags,
          summary: 'Finish setting up with the first code from the app',
          description: 'Turns two-factor sign-in on and answers ten single-use recovery codes, shown only here.',
          body: TwoFactorConfirmSchema,
          response: { 200: RecoveryCodesSchema },
        },
      },
      async (req) => twoFactor.confirmEnrolment(req.requireActor(), req.body.code),
    );

    app.post(
      '/auth/two-factor/recovery-codes',
      {
        schema: {
          tags,
          summary: 'Replace your recovery codes (needs a current code or your password)',
          body: TwoFactorProofSchema,
          response: { 200: RecoveryCodesSchema },
        },
      },
      async (req) => twoFactor.regenerateRecoveryCodes(req.requireActor(), req.body, req.ip),
    );

    app.post(
      '/auth/two-factor/disable',
      {
        schema: {
          tags,
          summary: 'Turn two-factor sign-in off (needs a current code or your password)',
          description: 'Refused with 409 while the security setting requires two-factor sign-in for your role.',
          body: TwoFactorProofSchema,
        },
      },
      async (req, reply) => {
        await twoFactor.disable(req.requireActor(), req.body, req.ip);
        return reply.code(204).send();
      },
    );

    app.delete(
      '/users/:id/two-factor',
      {
        schema: {
          tags: ['users'],
          summary: "Turn off a user's two-factor sign-in (admins), when they lost their device and recovery codes",
          params: IdParamsSchema,
        },
      },
      async (req, reply) => {
        await twoFactor.resetFor(req.requireActor(), req.params.id);
        return reply.code(204).send();
      },
    );

    app.get(
      '/settings/security',
      { schema: { tags: ['settings'], summary: 'Sign-in security settings (admins)', response: { 200: SecuritySettingsSchema } } },
      async (req) => securitySettings.get(req.requireActor()),
    );

    app.patch(
      '/settings/security',
      {
        schema: {
          tags: ['settings'],
          summary: 'Change sign-in security settings (admins)',
          description:
            'With `requireTwoFactor`, admins and finance users without two-factor sign-in are refused everything but setting it up (403 `auth.two_factor_required`). Turning it on needs your own two-factor sign-in first (409).',
          body: SecuritySettingsSchema,
          response: { 200: SecuritySettingsSchema },
        },
      },
      async (req) => securitySettings.update(req.requireActor(), req.body),
    );
  };
