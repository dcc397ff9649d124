import { z } from 'zod';
import { PasswordSchema, refusePersonalPassword, UserSchema } from './user.js';
import { EmailSchema, requiredText } from './common.js';
import { TwoFactorStateSchema } from './two-factor.js';

export const LoginSchema = z.object({
  email: EmailSchema,
  password: z
    .string({ message: 'validation.password_required' })
    .min(1, { message: 'validation.password_required' })
    .max(200, { message: 'validation.too_long' }),
});
export type Login = z.infer<typeof LoginSchema>;

export const MeSchema = z.object({ user: UserSchema, accountName: z.string().nullable(), twoFactor: TwoFactorStateSchema });
export type Me = z.infer<typeof MeSchema>;

export const SetupSchema = z
  .object({
    email: EmailSchema,
    name: requiredText(200, 'user.your_name_required'),
    password: PasswordSchema,
  })
  .superRefine(refusePersonalPassword);
export type Setup = z.infer<typeof SetupSchema>;

export const SetupStateSchema = z.object({ needed: z.boolean() });

export const ApiTokenCreateSchema = z.object({
  name: requiredText(100, 'user.token_name_required'),
});
export const ApiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof ApiTokenSchema>;
export const ApiTokenCreatedSchema = ApiTokenSchema.extend({
  token: z.string().describe('Shown once; store it now'),
});
