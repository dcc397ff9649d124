import { z } from 'zod';
import { LANGUAGES, ROLES } from '../enums.js';
import { isCommonPassword } from '../common-passwords.js';
import { EmailSchema, IdSchema, ListQuerySchema, RecordMetaSchema, requiredText } from './common.js';

export const PasswordSchema = z
  .string({ message: 'Enter a password' })
  .min(10, { message: 'Use at least 10 characters' })
  .max(200, { message: 'At most 200 characters' })
  .refine((p) => !isCommonPassword(p), { message: 'validation.password_common' });

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
    .min(0)
    .max(80, { message: 'user.capacity' }),
};

export const UserCreateSchema = z.object({
  email: userFields.email,
  name: userFields.name,
  role: userFields.role,
  password: PasswordSchema,
  specialties: userFields.specialties.optional(),
  contactId: userFields.contactId.optional(),
  language: userFields.language.optional(),
});
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
