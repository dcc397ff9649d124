import { z } from 'zod';
import type { Role } from '../enums.js';

/** Roles the agency can oblige to use two-factor sign-in (the security setting). */
export const TWO_FACTOR_REQUIRED_ROLES: readonly Role[] = ['admin', 'finance'];

export const TotpCodeSchema = z
  .string({ message: 'twoFactor.code_format' })
  .trim()
  .regex(/^\d{6}$/, { message: 'twoFactor.code_format' });

export const RecoveryCodeSchema = z
  .string({ message: 'twoFactor.recovery_format' })
  .trim()
  .min(1, { message: 'twoFactor.recovery_format' })
  .max(50, { message: 'validation.too_long' });

export const TotpLoginSchema = z.object({ code: TotpCodeSchema });
export const RecoveryCodeLoginSchema = z.object({ code: RecoveryCodeSchema });

export const SECOND_FACTOR_METHODS = ['totp', 'recovery_code'] as const;

/** The answer to a correct password when a second factor is still needed (no session yet). */
export const LoginChallengeSchema = z.object({
  secondFactorRequired: z.literal(true),
  methods: z.array(z.enum(SECOND_FACTOR_METHODS)),
  expiresAt: z.string().describe('Complete the sign-in before this time, or start again with the password'),
});
export type LoginChallenge = z.infer<typeof LoginChallengeSchema>;

/** What the app needs to know at every page: is it on, and must this user have it. */
export const TwoFactorStateSchema = z.object({
  enabled: z.boolean(),
  required: z.boolean().describe('The security setting obliges this user to use two-factor sign-in'),
});
export type TwoFactorState = z.infer<typeof TwoFactorStateSchema>;

export const TwoFactorStatusSchema = TwoFactorStateSchema.extend({
  available: z.boolean().describe('False for client users, who sign in with a password only'),
  enabledAt: z.string().nullable(),
  recoveryCodesLeft: z.number().int(),
});
export type TwoFactorStatus = z.infer<typeof TwoFactorStatusSchema>;

export const TwoFactorEnrolmentSchema = z.object({
  secret: z.string().describe('Base32 secret for typing into an authenticator app; shown only during enrolment'),
  otpauthUrl: z.string(),
  qrCode: z.string().describe('The otpauth URL as a QR code, a PNG data URL'),
});
export type TwoFactorEnrolment = z.infer<typeof TwoFactorEnrolmentSchema>;

export const TwoFactorConfirmSchema = z.object({ code: TotpCodeSchema });

export const RecoveryCodesSchema = z.object({
  recoveryCodes: z.array(z.string()).describe('Ten single-use codes, shown only in this answer'),
});
export type RecoveryCodes = z.infer<typeof RecoveryCodesSchema>;

/** Proof that the signed-in person is the owner: a current code or the password. */
export const TwoFactorProofSchema = z
  .object({
    code: TotpCodeSchema.optional(),
    password: z.string().max(200).optional(),
  })
  .refine((v) => !!v.code || !!v.password, { message: 'twoFactor.proof_required', path: ['code'] });
export type TwoFactorProof = z.infer<typeof TwoFactorProofSchema>;

export const SecuritySettingsSchema = z.object({
  requireTwoFactor: z.boolean().describe(`Admins and finance must use two-factor sign-in`),
});
export type SecuritySettings = z.infer<typeof SecuritySettingsSchema>;
