import { z } from 'zod';
import { LANGUAGES, ROLES } from '../enums.js';
import { USER_IDS_MAX } from '../limits.js';
import { isCommonPassword } from '../common-passwords.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, personalPasswordProblem, type PasswordOwner } from '../password-rules.js';
import { EmailSchema, IdSchema, ListQuerySchema, RecordMetaSchema, abilitiesOf, optionalText, requiredText } from './common.js';

/**
 * The rules a password meets on its own. Where the owner is known, `refusePersonalPassword`
 * adds the email and name rule; the server also refuses guessable passwords (zxcvbn).
 */
export const PasswordSchema = z
  .string({ message: 'validation.required' })
  .min(PASSWORD_MIN_LENGTH, { message: 'password.too_short' })
  .max(PASSWORD_MAX_LENGTH, { message: 'password.too_long' })
  .refine((p) => !isCommonPassword(p), { message: 'password.too_common' });

/** Object-level check: the password must not contain the email or name given beside it. */
export function refusePersonalPassword(value: PasswordOwner & { password?: string }, ctx: z.RefinementCtx) {
  if (typeof value.password !== 'string') return;
  const problem = personalPasswordProblem(value.password, value);
  if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem.code });
}

const userFields = {
  email: EmailSchema,
  name: requiredText(200, 'user.name_required'),
  role: z.enum(ROLES),
  specialties: z.array(z.string().trim().min(1).max(50)).max(20),
  contactId: IdSchema.nullable(),
  active: z.boolean(),
  language: z.enum(LANGUAGES),
  capacityHoursPerWeek: z
    .number({ message: 'user.capacity' })
    .int({ message: 'user.capacity' })
    .min(0, { message: 'user.capacity' })
    .max(80, { message: 'user.capacity' })
    .describe('Hours a week the user can give to tasks; the workload report measures their load against it'),
  phone: optionalText(50).describe('A work phone; the portal shows it to the clients whose account manager this user is'),
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
    capacityHoursPerWeek: userFields.capacityHoursPerWeek.optional().describe('40 when not given'),
    phone: userFields.phone,
  })
  .superRefine(refusePersonalPassword);
export type UserCreate = z.input<typeof UserCreateSchema>;

export const UserUpdateSchema = z.object({ ...userFields, password: PasswordSchema }).partial();
export type UserUpdate = z.input<typeof UserUpdateSchema>;

export const UserAbilitiesSchema = abilitiesOf({
  update: 'Change the user: details, role, password (PATCH)',
  setActive: 'Deactivate or reactivate the user (an admin never deactivates themselves)',
  changePhoto: 'Upload or remove the user’s photo (the user themself, or an admin)',
});

/** The largest photo a user may upload. */
export const USER_PHOTO_MAX_BYTES = 2 * 1024 * 1024;
export type UserAbilities = z.infer<typeof UserAbilitiesSchema>;

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
  phone: z.string().nullable(),
  /** A property of the user, not of the caller: accounts may name them as owner or backup. */
  mayOwnAccounts: z
    .boolean()
    .describe('Whether accounts may name this user as owner or backup manager (an active account manager or admin)'),
  photoUrl: z
    .string()
    .nullable()
    .describe('Where the user’s photo is read (GET, for staff and the user themself), changing with each new photo; null without one'),
  can: UserAbilitiesSchema,
});
export type User = z.infer<typeof UserSchema>;

export const UserListQuerySchema = ListQuerySchema.extend({
  /** One role, or several separated by commas (`account_manager,admin`). */
  role: z
    .string()
    .transform((v) => v.split(',').map((r) => r.trim()))
    .pipe(z.array(z.enum(ROLES)).min(1).max(ROLES.length))
    .optional(),
  active: z.enum(['true', 'false']).optional(),
  /** Names of people a page already refers to, however many users the agency has. */
  ids: z
    .string()
    .transform((v) => v.split(',').map((id) => id.trim()))
    .pipe(z.array(IdSchema).min(1).max(USER_IDS_MAX))
    .optional()
    .describe(`Only these users: ids separated by commas, at most ${USER_IDS_MAX}`),
});

/** The signed-in user's own preferences, changeable by any role. */
export const ProfileUpdateSchema = z.object({
  language: z.enum(LANGUAGES).optional(),
  name: userFields.name.optional(),
});
