import type { Language } from '../../../common/enums.js';
import type { MessageCode } from '../../../common/messages/index.js';
import type { InvitationPreview } from '../../../common/schemas/access-links.js';
import type { Database } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { linkTokenHash } from '../../lib/links.js';
import { recordAudit } from '../audit/index.js';
import type { LinkAttempts } from '../auth/index.js';
import type { ContactService } from '../contacts/index.js';
import type { TimelineLog } from '../timeline/index.js';
import type { UserService } from '../users/index.js';
import type { InvitationRepository } from './invitation.repository.js';
import { contactNameOf } from './invitation.presenter.js';

type Invitation = NonNullable<Awaited<ReturnType<InvitationRepository['findByHash']>>>;

/** Why an invitation link does not work, as a status and a code that says what to do. */
const PROBLEMS: Record<'invalid' | 'used' | 'expired' | 'replaced' | 'withdrawn', [number, MessageCode]> = {
  invalid: [400, 'invitation.link_invalid'],
  used: [410, 'invitation.link_used'],
  expired: [410, 'invitation.link_expired'],
  replaced: [410, 'invitation.link_replaced'],
  withdrawn: [410, 'invitation.link_withdrawn'],
};
const refused = (problem: keyof typeof PROBLEMS) => new AppError(...PROBLEMS[problem]);

/**
 * The invited contact's side: the link shows who it is for, and accepting it with a password
 * creates (or re-activates) their client user, gives the contact portal access and records
 * both on the account's timeline and in the audit log. The caller signs them in.
 */
export class InvitationAcceptance {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly repo: InvitationRepository,
    private readonly contacts: ContactService,
    private readonly users: UserService,
    private readonly timeline: TimelineLog,
    private readonly links: LinkAttempts,
  ) {}

  async preview(token: string, address: string): Promise<InvitationPreview> {
    const inv = await this.usable(token, address);
    return {
      name: contactNameOf(inv),
      email: inv.email,
      accountName: inv.account_name,
      language: languageOf(inv),
      expiresAt: inv.expires_at,
    };
  }

  /** Accepts the invitation with the contact's new password; answers the client user's id. */
  async accept(token: string, password: string, address: string): Promise<string> {
    const inv = await this.usable(token, address);
    const name = contactNameOf(inv);
    const userId = await this.db.transaction().execute(async (t) => {
      const at = this.clock.now().toISOString();
      // First, so that a second acceptance of the same link waits for this one and then fails.
      if (!(await this.repo.claim(t, inv.id, at))) throw refused('used');
      const user = await this.users.enrolClient(t, {
        contactId: inv.contact_id,
        email: inv.email,
        name,
        language: languageOf(inv),
        password,
      });
      await this.repo.setUser(t, inv.id, user.id);
      await this.contacts.grantPortalAccess(t, (await this.contacts.findRow(inv.contact_id, t))!, user.id);
      const data = { contactId: inv.contact_id, name, invitationId: inv.id };
      await this.timeline.recordEvent(t, { accountId: inv.account_id, kind: 'portal_joined', actorId: user.id, occurredAt: at, data });
      await recordAudit(t, {
        actorId: user.id,
        recordType: 'portal_invitation',
        recordId: inv.id,
        action: 'update',
        before: { name, accountId: inv.account_id, status: 'pending', acceptedAt: null },
        after: { name, accountId: inv.account_id, status: 'accepted', acceptedAt: at },
        at,
      });
      return user.id;
    });
    this.users.changed(userId);
    return userId;
  }

  /** The invitation behind a token, or a 4xx saying what to do. */
  private usable(token: string, address: string): Promise<Invitation> {
    return this.links.open(
      address,
      () => this.repo.findByHash(linkTokenHash(token)),
      (inv) => this.refusalOf(inv),
    );
  }

  private refusalOf(inv: Invitation | undefined): AppError | null {
    const problem = this.problemOf(inv);
    return problem ? refused(problem) : null;
  }

  private problemOf(inv: Invitation | undefined): keyof typeof PROBLEMS | null {
    if (!inv) return 'invalid';
    if (inv.accepted_at) return 'used';
    if (inv.ended_reason) return inv.ended_reason;
    // The link went to an address the contact no longer has: it is not theirs to use any more.
    if (inv.contact_email !== inv.email) return 'withdrawn';
    if (inv.expires_at <= this.clock.now().toISOString()) return 'expired';
    return null;
  }
}

const languageOf = (inv: Invitation): Language => inv.contact_language ?? inv.account_language;
