import type { InvitationStatus, PortalInvitation } from '../../../common/schemas/access-links.js';
import type { InvitationRow } from './invitation.repository.js';

/** The contact's name as people write it. */
export const contactNameOf = (c: { first_name: string; last_name: string | null }) => `${c.first_name} ${c.last_name ?? ''}`.trim();

/** Where an invitation stands at `now`. */
export function invitationStatus(r: Pick<InvitationRow, 'ended_reason' | 'accepted_at' | 'expires_at'>, now: string): InvitationStatus {
  if (r.accepted_at) return 'accepted';
  if (r.ended_reason) return r.ended_reason;
  return r.expires_at <= now ? 'expired' : 'pending';
}

export function presentInvitation(r: InvitationRow, now: string): PortalInvitation {
  return {
    id: r.id,
    contactId: r.contact_id,
    email: r.email,
    status: invitationStatus(r, now),
    invitedAt: r.created_at,
    invitedById: r.invited_by,
    expiresAt: r.expires_at,
    acceptedAt: r.accepted_at,
  };
}
