import type { FastifyBaseLogger } from 'fastify';
import type { Language } from '../../../common/enums.js';
import type { MessageCode } from '../../../common/messages/index.js';
import type { PasswordResetPreview } from '../../../common/schemas/access-links.js';
import type { Database } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { emailedLink, linkTokenHash, newLinkToken } from '../../lib/links.js';
import { linkEmail, type OutboxService } from '../email/index.js';
import type { UserService } from '../users/index.js';
import type { LinkAttempts } from './link-attempts.js';
import { ResetTokenRepository } from './reset-token.repository.js';

/** A reset link works for an hour. */
export const RESET_LINK_TTL_MS = 60 * 60_000;
/** Used and expired links are kept a week, so a late click hears why it no longer works. */
const KEEP_ENDED_LINKS_MS = 7 * 24 * 3600_000;

const RESET_EMAIL = {
  subject: 'password_reset.email_subject',
  greeting: 'password_reset.email_greeting',
  intro: 'password_reset.email_intro',
  action: 'password_reset.email_action',
  validity: 'password_reset.email_validity',
} as const;

type ResetLink = NonNullable<Awaited<ReturnType<ResetTokenRepository['findByHash']>>>;

const refused = (status: number, code: MessageCode) => new AppError(status, code);

/**
 * "Forgot your password?" for every user. A request is answered before the address is looked
 * up: whether it belongs to a user, and the token, the email and its sending, are worked out
 * afterwards, so the answer and its timing are the same for any address. A link works once,
 * for an hour; choosing a password with it ends every session of the user.
 */
export class PasswordResetService {
  private readonly tokens: ResetTokenRepository;
  /** Requests still being worked out after their answer; the app waits for them when it stops. */
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly users: UserService,
    private readonly outbox: OutboxService,
    private readonly links: LinkAttempts,
    private readonly publicUrl: string | undefined,
    private readonly log: FastifyBaseLogger,
  ) {
    this.tokens = new ResetTokenRepository(db);
  }

  /** Takes a request for a link (429 over the limits) and sends the link afterwards, if the address is an active user's. */
  async request(email: string, address: string): Promise<void> {
    await this.links.resetRequested(email, address);
    // Not even the lookup starts before the answer has gone: the next turn of the event loop.
    const work = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.sendLink(email))
      .catch((err: unknown) => this.log.error({ err }, 'password reset link not sent'))
      .finally(() => this.inFlight.delete(work));
    this.inFlight.add(work);
  }

  /** Resolves once every request taken so far has been worked out. */
  async whenIdle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  /** Whose password a link sets, for the page that asks for the new one. */
  async preview(token: string, address: string): Promise<PasswordResetPreview> {
    const link = await this.usable(token, address);
    return { name: link.name, email: link.email, language: link.language, expiresAt: link.expires_at };
  }

  /**
   * Sets the new password with a working link, which then stops working (and so do the user's
   * other links). Every session of the user ends; answers the user's id.
   */
  async confirm(token: string, password: string, address: string): Promise<string> {
    const link = await this.usable(token, address);
    await this.links.resetConfirmed(link.email);
    const now = this.clock.now().toISOString();
    await this.db.transaction().execute(async (t) => {
      if (!(await this.tokens.use(t, link.id, now))) throw refused(410, 'password_reset.link_used');
      // A refused password undoes the use above with the rest of the transaction: the link still works.
      await this.users.credentials.setPassword(t, link.user_id, password);
      await this.tokens.useAllOf(t, link.user_id, now);
    });
    this.users.changed(link.user_id);
    return link.user_id;
  }

  /** Forgets links that ended long ago. */
  purge(now: Date): Promise<void> {
    return this.tokens.deleteExpiredBefore(new Date(now.getTime() - KEEP_ENDED_LINKS_MS).toISOString());
  }

  /** The link behind a token, or a 4xx saying what to do. */
  private usable(token: string, address: string): Promise<ResetLink> {
    return this.links.open(
      address,
      () => this.tokens.findByHash(linkTokenHash(token)),
      (link) => this.problemOf(link),
    );
  }

  private problemOf(link: ResetLink | undefined): AppError | null {
    if (!link || link.active !== 1) return refused(400, 'password_reset.link_invalid');
    if (link.used_at) return refused(410, 'password_reset.link_used');
    if (link.expires_at <= this.clock.now().toISOString()) return refused(410, 'password_reset.link_expired');
    return null;
  }

  /** The work behind a request: an active user's address gets a new link; any other gets nothing. */
  private async sendLink(email: string): Promise<void> {
    const user = await this.users.findByEmail(email);
    if (!user || user.active !== 1) return;
    if (!this.publicUrl) {
      this.log.warn('a password reset link was asked for, but PUBLIC_URL is not set, so no link can be built');
      return;
    }
    const { token, hash } = newLinkToken();
    const now = this.clock.now();
    const language: Language = user.language === 'ru' ? 'ru' : 'en';
    const message = linkEmail(
      RESET_EMAIL,
      { name: user.name, email: user.email },
      emailedLink(this.publicUrl, '/reset-password', token),
      language,
    );
    await this.db.transaction().execute(async (t) => {
      await this.tokens.insert(t, {
        id: newId(),
        user_id: user.id,
        token_hash: hash,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + RESET_LINK_TTL_MS).toISOString(),
        used_at: null,
      });
      await this.outbox.enqueueOne(t, {
        accountId: null,
        purpose: 'password_reset',
        to: user.email,
        ...message,
        secret: token,
      });
    });
    await this.outbox.deliverDue();
  }
}
