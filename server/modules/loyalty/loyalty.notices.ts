import type { Kysely } from 'kysely';
import { ACCOUNT_OWNER_ROLES, type Language } from '../../../common/enums.js';
import { describeCheck } from '../../../common/loyalty-checks.js';
import { renderMessage, type MessageCode, type MessageParams } from '../../../common/messages/index.js';
import type { TierCheck } from '../../../common/schemas/loyalty.js';
import type { DB } from '../../db/schema.js';
import { emailWithLink, humanDate, textToHtml, type OutboxService } from '../email/index.js';
import type { TimelineLog } from '../timeline/index.js';
import type { UserRow, UserService } from '../users/index.js';

/** A move between tiers as the owner is told of it. */
export interface MoveNotice {
  accountId: string;
  accountName: string;
  ownerId: string | null;
  from: string | null;
  to: string | null;
  direction: 'upgrade' | 'downgrade';
  checks: TierCheck[];
}

/** Moves an owner's email lists in full; the rest are counted. */
const LISTED = 30;

/**
 * Tells of a run's moves: one timeline event per moved account (in a few statements) and one
 * email per owner listing their accounts' moves with the reasons, in the owner's language,
 * through the outbox in the run's transaction (so a failed run tells no one).
 */
export class LoyaltyNotices {
  constructor(
    private readonly users: UserService,
    private readonly outbox: OutboxService,
    private readonly timeline: TimelineLog,
    private readonly publicUrl: string | undefined,
  ) {}

  async tell(t: Kysely<DB>, runId: string, runDate: string, at: string, moves: MoveNotice[]): Promise<number> {
    await this.timeline.recordEvents(
      t,
      moves.map((m) => ({
        accountId: m.accountId,
        kind: 'loyalty_tier_changed' as const,
        actorId: null,
        occurredAt: at,
        data: { from: m.from, to: m.to, direction: m.direction, failed: m.checks.filter((c) => !c.passed).map((c) => c.rule) },
      })),
    );
    const byOwner = new Map<string, MoveNotice[]>();
    for (const m of moves) if (m.ownerId) byOwner.set(m.ownerId, [...(byOwner.get(m.ownerId) ?? []), m]);
    const owners = await this.users.activeWithRole(t, [...byOwner.keys()], ACCOUNT_OWNER_ROLES);
    for (const owner of owners) {
      await this.outbox.enqueueOne(t, {
        accountId: null,
        purpose: `loyalty_moves:${runId}:${owner.id}`,
        to: owner.email,
        ...this.words(owner, runDate, byOwner.get(owner.id)!),
      });
    }
    return owners.length;
  }

  private words(owner: UserRow, runDate: string, moves: MoveNotice[]) {
    const language: Language = owner.language ?? 'en';
    const say = (code: MessageCode, params: MessageParams = {}) => renderMessage(code, params, language);
    const tierName = (name: string | null) => name ?? say('loyalty.no_tier');
    const block = (m: MoveNotice) =>
      [
        say(m.direction === 'upgrade' ? 'loyalty.upgrade_line' : 'loyalty.downgrade_line', {
          account: m.accountName,
          from: tierName(m.from),
          to: tierName(m.to),
        }),
        ...m.checks.map((c) => `  ${describeCheck(c, language)}`),
      ].join('\n');
    const one = moves.length === 1 ? moves[0] : null;
    const subject = one
      ? say(one.direction === 'upgrade' ? 'loyalty.upgrade_subject' : 'loyalty.downgrade_subject', {
          account: one.accountName,
          tier: tierName(one.to),
        })
      : say('loyalty.digest_subject', { count: moves.length });
    const before = [say('loyalty.digest_intro', { date: humanDate(runDate, language) }), ...moves.slice(0, LISTED).map(block)];
    if (moves.length > LISTED) before.push(say('loyalty.digest_more', { count: moves.length - LISTED }));
    if (!this.publicUrl || !one) {
      const text = before.join('\n\n');
      return { subject, text, html: textToHtml(text) };
    }
    const url = new URL(`/accounts/${encodeURIComponent(one.accountId)}`, this.publicUrl).toString();
    return { subject, ...emailWithLink({ before, link: { url, label: say('loyalty.open_account') }, after: [] }) };
  }
}
