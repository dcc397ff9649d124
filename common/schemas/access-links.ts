import { z } from 'zod';
import { LANGUAGES } from '../enums.js';
import type { MessageCode } from '../messages/index.js';
import { EmailSchema } from './common.js';
import { PasswordSchema } from './user.js';

/**
 * Links sent by email that let a person in: an invitation of a contact to the client portal
 * and a password reset. The token is the secret part of the link; the server keeps only its hash.
 */

/** The secret of an emailed link; anything that is not one reads as a link that does not work. */
const tokenOf = (invalid: MessageCode) =>
  z
    .string({ message: invalid })
    .trim()
    .min(1, { message: invalid })
    .max(200, { message: invalid })
    .describe('The token from the emailed link');

export const INVITATION_STATUSES = ['pending', 'accepted', 'expired', 'replaced', 'withdrawn'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export const PortalInvitationSchema = z.object({
  id: z.string(),
  contactId: z.string(),
  email: z.string().describe('The address the link went to'),
  status: z
    .enum(INVITATION_STATUSES)
    .describe('pending until accepted or expired; replaced by a newer invitation; withdrawn when portal access was turned off'),
  invitedAt: z.string(),
  invitedById: z.string().nullable(),
  expiresAt: z.string(),
  acceptedAt: z.string().nullable(),
});
export type PortalInvitation = z.infer<typeof PortalInvitationSchema>;

/** A contact's latest invitation, or null when they were never invited. */
export const ContactInvitationSchema = z.object({ invitation: PortalInvitationSchema.nullable() });
export type ContactInvitation = z.infer<typeof ContactInvitationSchema>;

export const InvitationTokenSchema = z.object({ token: tokenOf('invitation.link_invalid') });

/** Who the invitation is for, so the page can greet them and check their password against their name. */
export const InvitationPreviewSchema = z.object({
  name: z.string(),
  email: z.string(),
  accountName: z.string(),
  language: z.enum(LANGUAGES),
  expiresAt: z.string(),
});
export type InvitationPreview = z.infer<typeof InvitationPreviewSchema>;

export const InvitationAcceptSchema = z.object({ token: tokenOf('invitation.link_invalid'), password: PasswordSchema });
export type InvitationAccept = z.infer<typeof InvitationAcceptSchema>;

export const PasswordResetRequestSchema = z.object({ email: EmailSchema });
export type PasswordResetRequest = z.infer<typeof PasswordResetRequestSchema>;

export const PasswordResetRequestedSchema = z
  .object({ accepted: z.literal(true) })
  .describe('The same answer whether or not the address belongs to a user');

export const PasswordResetTokenSchema = z.object({ token: tokenOf('password_reset.link_invalid') });

/** Whose password the link sets, so the page can check the new one against their email and name. */
export const PasswordResetPreviewSchema = z.object({
  name: z.string(),
  email: z.string(),
  language: z.enum(LANGUAGES),
  expiresAt: z.string(),
});
export type PasswordResetPreview = z.infer<typeof PasswordResetPreviewSchema>;

export const PasswordResetConfirmSchema = z.object({ token: tokenOf('password_reset.link_invalid'), password: PasswordSchema });
export type PasswordResetConfirm = z.infer<typeof PasswordResetConfirmSchema>;
