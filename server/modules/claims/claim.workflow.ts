import type { Kysely, Updateable } from 'kysely';
import type { z } from 'zod';
import { CLAIM_TRANSITIONS, type ClaimClosing, type ClaimStatus } from '../../../common/enums.js';
import type { Claim, ClaimSettings, ClaimStatusMoveSchema } from '../../../common/schemas/claim.js';
import type { DB } from '../../db/schema.js';
import type { ClaimsTable } from '../../db/tables/claims.js';
import { fieldError } from '../../lib/errors.js';
import type { TimelineLog } from '../timeline/index.js';
import type { ClaimRow } from './claim.repository.js';

export type StatusMove = z.output<typeof ClaimStatusMoveSchema>;

/** 400 naming the allowed statuses when the move is not one of them. */
export function assertMove(from: ClaimStatus, to: ClaimStatus): void {
  const allowed = CLAIM_TRANSITIONS[from];
  if (!allowed.includes(to)) throw fieldError('status', 'claim.illegal_move', { from, to, allowed: [...allowed] });
}

/** A configured entry's names, or null for a key no longer configured. */
const nameOf = (list: ClaimSettings['categories'], key: string | null) => list.find((e) => e.key === key)?.name ?? null;

/**
 * The claim workflow's rules: which moves are allowed, what each one stamps (the first response,
 * the resolution with its root cause, the closing and by whom), and the event each leaves on
 * the account's timeline, in the move's transaction.
 */
export class ClaimWorkflow {
  constructor(private readonly timeline: TimelineLog) {}

  /** The columns a move changes, once its rules hold. */
  plan(row: ClaimRow, move: StatusMove, settings: ClaimSettings, now: string, how: ClaimClosing = 'staff'): Updateable<ClaimsTable> {
    assertMove(row.status, move.status);
    if (move.status !== 'resolved' && (move.rootCause || move.rootCauseNote))
      throw fieldError('rootCause', 'claim.root_cause_only_when_resolved');
    switch (move.status) {
      case 'in_progress':
        // Back from resolved: the client disputed it; the first response stays the first.
        return { status: 'in_progress', responded_at: row.responded_at ?? now, resolved_at: null };
      case 'resolved': {
        const keys = settings.rootCauses.map((r) => r.key);
        if (!move.rootCause || !keys.includes(move.rootCause))
          throw fieldError('rootCause', 'claim.root_cause_required', { rootCauses: keys });
        if (!move.rootCauseNote) throw fieldError('rootCauseNote', 'claim.root_cause_note_required');
        return {
          status: 'resolved',
          resolved_at: now,
          root_cause: move.rootCause,
          root_cause_note: move.rootCauseNote,
          resolution: move.resolution ?? row.resolution,
        };
      }
      case 'closed':
        return { status: 'closed', closed_at: now, closed_how: how };
      case 'received':
        return {};
    }
  }

  async recordRegistered(t: Kysely<DB>, claim: Claim, settings: ClaimSettings, byId: string | null): Promise<void> {
    await this.timeline.recordEvent(t, {
      accountId: claim.accountId,
      kind: 'claim_registered',
      actorId: byId,
      occurredAt: claim.createdAt,
      data: {
        claimId: claim.id,
        category: claim.category,
        categoryName: nameOf(settings.categories, claim.category),
        severity: claim.severity,
        source: claim.source,
        projectId: claim.projectId,
      },
    });
  }

  /** A move: `claim_resolved` with the root cause (internal: the timeline is staff's), else `claim_status_changed`. */
  async recordMove(t: Kysely<DB>, before: ClaimRow, after: Claim, settings: ClaimSettings, byId: string | null, at: string): Promise<void> {
    const base = { claimId: after.id, from: before.status, to: after.status, severity: after.severity, category: after.category };
    if (after.status === 'resolved') {
      await this.timeline.recordEvent(t, {
        accountId: after.accountId,
        kind: 'claim_resolved',
        actorId: byId,
        occurredAt: at,
        data: {
          ...base,
          rootCause: after.rootCause,
          rootCauseName: nameOf(settings.rootCauses, after.rootCause),
          rootCauseNote: after.rootCauseNote,
        },
      });
      return;
    }
    await this.timeline.recordEvent(t, {
      accountId: after.accountId,
      kind: 'claim_status_changed',
      actorId: byId,
      occurredAt: at,
      data: { ...base, closedHow: after.closedHow },
    });
  }
}
