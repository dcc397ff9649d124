import { z } from 'zod';
import { LANGUAGES, ROLES } from '../enums.js';
import { isCommonPassword } from '../common-passwords.js';
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MESSAGES,
  PASSWORD_MIN_LENGTH,
  personalPasswordProblem,
  type PasswordOwner,
} from '../password-rules.js';
import { EmailSchema, IdSchema, ListQuerySchema, RecordMetaSchema, requiredText } from './common.js';

/**
 * The rules a password meets on its own. Where the owner is known, `refusePersonalPassword`
 * adds the email and name rule; the server also refuses guessable passwords (zxcvbn).
 */
export const PasswordSchema = z
  .string({ message: 'Enter a password' })
  .min(PASSWORD_MIN_LENGTH, { message: PASSWORD_MESSAGES.tooShort })
  .max(PASSWORD_MAX_LENGTH, { message: PASSWORD_MESSAGES.tooLong })
  .refine((p) => !isCommonPassword(p), { message: PASSWORD_MESSAGES.tooCommon, params: { code: 'password.too_common' } });

/** Object-level check: the password must not contain the email or name given beside it. */
export function refusePersonalPassword(value: PasswordOwner & { password?: string }, ctx: z.RefinementCtx) {
  if (typeof value.password !== 'string') return;
  const problem = personalPasswordProblem(value.password, value);
  if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem.message, params: { code: problem.code } });
}

const userFields = {
  email: EmailSchema,
  name: requiredText(200, 'Enter the name'),
  role: z.enum(ROLES, { message: `Role is one of: ${ROLES.join(', ')}` }),
  specialties: z.array(z.string().trim().min(1).max(50)).max(20),
  contactId: IdSchema.nullable(),
  active: z.boolean({ message: 'active is true or false' }),
  language: z.enum(LANGUAGES),
  capacityHoursPerWeek: z
    .number({ message: 'Capacity is a number of hours per week' })
    .int({ message: 'Capacity is whole hours' })
    .min(0)
    .max(80, { message: 'At most 80 hours a week' }),
};

export const UserCreateSchema = z
  .object({
    email: userFields.email,
    name: userFields.name,
    role: userFields.role,
    password: PasswordSchema,
    specialties: userFields.specialties.optional(),
    contactId: userFields.contactId.optional(),
    language: userFields.language.optional(),
  })
  .superRefine(refusePersonalPassword);
export type UserCreate = z.input<typeof UserCreateSchema>;

export const UserUpdateSchema = z.object({ ...userFields, password: PasswordSchema }).partial();
export type UserUpdate = z.input<typeof UserUpdateSchema>;

export const UserSchema = RecordMetaSchema.extend({
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  specialties: z.array(z.string()),
  contactId: z.string().nullable(),
  accountId: z.string().nullable(),
  active: z.boolean(),
  language: z.enum(LANGUAGES),
  capacityHoursPerWeek: z.number().int(),
});
export type User = z.infer<typeof UserSchema>;

export const UserListQuerySchema = ListQuerySchema.extend({
  role: z.enum(ROLES).optional(),
  active: z.enum(['true', 'false']).optional(),
});

/** The signed-in user's own preferences, changeable by any role. */
export const ProfileUpdateSchema = z.object({
  language: z.enum(LANGUAGES).optional(),
  name: userFields.name.optional(),
});
