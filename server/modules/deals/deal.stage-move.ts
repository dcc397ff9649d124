import type { Kysely, Updateable } from 'kysely';
import type { z } from 'zod';
import type { Deal, DealStageMoveSchema } from '../../../common/schemas/deal.js';
import type { DB } from '../../db/schema.js';
import type { DealsTable } from '../../db/tables/deals.js';
import { fieldError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { TimelineLog } from '../timeline/index.js';
import type { DealRepository, DealRow } from './deal.repository.js';
import type { DealSettingsService } from './deal.settings.js';
import { assertMove, isOpenStage } from './deal.stages.js';

type StageMove = z.output<typeof DealStageMoveSchema>;

/**
 * What makes a deal won: a note saying how (all the API takes), or an accepted proposal (the
 * hook for the proposals module: it passes the proposal's id, and the note may then be empty).
 */
export interface WonEvidence {
  note: string | null;
  proposalId?: string;
}

/**
 * The pipeline's rules for moving a deal: which moves are allowed (deal.stages.ts), what closing
 * needs (a lost reason from the settings' list; a note or a proposal to be won), the next step an
 * open deal must keep; and what every move leaves behind: a row of stage history and an event on
 * the account's timeline, in the move's transaction.
 */
export class DealStages {
  constructor(
    private readonly repo: DealRepository,
    private readonly settings: DealSettingsService,
    private readonly timeline: TimelineLog,
  ) {}

  /** An open deal keeps a next step with a date. */
  assertNextStep(stage: DealRow['stage'], step: { text: string | null | undefined; due: string | null | undefined }): void {
    if (!isOpenStage(stage)) return;
    if (!step.text) throw fieldError('nextStep', 'deal.next_step_required');
    if (!step.due) throw fieldError('nextStepDue', 'deal.next_step_due_required');
  }

  /** A meeting advances only an open deal (a closed one is reopened by moving it to an open stage). */
  assertOpen(row: DealRow): void {
    if (!isOpenStage(row.stage)) throw fieldError('advanceDeal.dealId', 'deal.not_open', { stage: row.stage });
  }

  /** The columns a move changes, once its rules hold. */
  async planMove(t: Kysely<DB>, row: DealRow, move: StageMove, evidence: WonEvidence, now: string): Promise<Updateable<DealsTable>> {
    assertMove(row.stage, move.stage);
    const settings = await this.settings.load(t);
    const probability = move.probability ?? settings.stages[move.stage].probability;
    if (move.lostReason && move.stage !== 'lost') throw fieldError('lostReason', 'deal.reason_only_when_lost');
    if (move.stage === 'lost') {
      const keys = settings.lostReasons.map((r) => r.key);
      if (!move.lostReason || !keys.includes(move.lostReason))
        throw fieldError('lostReason', 'deal.lost_reason_required', { reasons: keys });
      return { stage: 'lost', probability, lost_reason: move.lostReason, close_note: move.note ?? null, closed_at: now };
    }
    if (move.stage === 'won') {
      if (!evidence.note && !evidence.proposalId) throw fieldError('note', 'deal.won_note_required');
      return { stage: 'won', probability, lost_reason: null, close_note: evidence.note, closed_at: now };
    }
    const text = move.nextStep ?? row.next_step;
    const due = move.nextStepDue ?? row.next_step_due;
    this.assertNextStep(move.stage, { text, due });
    return { stage: move.stage, probability, next_step: text, next_step_due: due, lost_reason: null, close_note: null, closed_at: null };
  }

  /**
   * What the timeline keeps of stages and a lost reason: their keys, and their names in each
   * language as configured at the time, so the entry reads as the pipeline was then.
   */
  private async names(t: Kysely<DB>, stages: Record<string, DealRow['stage'] | null>, lostReason: string | null = null) {
    const settings = await this.settings.load(t);
    const named = Object.fromEntries(Object.entries(stages).map(([k, s]) => [`${k}Name`, s ? settings.stages[s].name : null]));
    return { ...named, lostReasonName: settings.lostReasons.find((r) => r.key === lostReason)?.name ?? null };
  }

  /** The opening of a deal: the first row of its history, and an event on the account's timeline. */
  async recordOpening(t: Kysely<DB>, deal: Deal, byId: string, at: string): Promise<void> {
    await this.repo.addStageChange(t, {
      id: newId(),
      deal_id: deal.id,
      account_id: deal.accountId,
      from_stage: null,
      to_stage: deal.stage,
      at,
      by_id: byId,
      lost_reason: null,
      note: null,
      proposal_id: null,
    });
    await this.timeline.recordEvent(t, {
      accountId: deal.accountId,
      kind: 'deal_created',
      actorId: byId,
      occurredAt: at,
      data: {
        dealId: deal.id,
        title: deal.title,
        to: deal.stage,
        amount: deal.amount,
        currency: deal.currency,
        ...(await this.names(t, { to: deal.stage })),
      },
    });
  }

  /** A move: a row of stage history and an event on the account's timeline. */
  async recordMove(t: Kysely<DB>, before: DealRow, after: Deal, byId: string, evidence: WonEvidence, at: string): Promise<void> {
    const won = after.stage === 'won';
    await this.repo.addStageChange(t, {
      id: newId(),
      deal_id: after.id,
      account_id: after.accountId,
      from_stage: before.stage,
      to_stage: after.stage,
      at,
      by_id: byId,
      lost_reason: after.lostReason,
      note: after.closeNote,
      proposal_id: won ? (evidence.proposalId ?? null) : null,
    });
    await this.timeline.recordEvent(t, {
      accountId: after.accountId,
      kind: 'deal_stage_changed',
      actorId: byId,
      occurredAt: at,
      data: {
        dealId: after.id,
        title: after.title,
        from: before.stage,
        to: after.stage,
        lostReason: after.lostReason,
        note: after.closeNote,
        nextStep: after.state === 'open' ? after.nextStep : null,
        nextStepDue: after.state === 'open' ? after.nextStepDue : null,
        amount: after.amount,
        currency: after.currency,
        ...(await this.names(t, { from: before.stage, to: after.stage }, after.lostReason)),
      },
    });
  }
}
