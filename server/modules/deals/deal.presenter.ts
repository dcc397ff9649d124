import type { Deal, DealStageChange } from '../../../common/schemas/deal.js';
import { withRecordMeta } from '../../lib/presenter.js';
import { dealAbilities, type Actor, type OwnedAccount } from '../access/index.js';
import type { DealRow } from './deal.repository.js';
import { isOpenStage, stateOfStage } from './deal.stages.js';

/** The account a deal row was read with, as the access rules judge it. */
export const accountOf = (r: DealRow): OwnedAccount => ({
  id: r.account_id,
  owner_id: r.account_owner_id,
  backup_owner_id: r.backup_owner_id,
});

/** An open deal whose next step's date is before the agency's today. */
export const isNextStepOverdue = (r: Pick<DealRow, 'stage' | 'next_step_due'>, today: string): boolean =>
  isOpenStage(r.stage) && r.next_step_due !== null && r.next_step_due < today;

export function presentDeal(r: DealRow, today: string, actor: Actor): Deal {
  return withRecordMeta(r, {
    accountId: r.account_id,
    accountName: r.account_name,
    accountStatus: r.account_status,
    title: r.title,
    amount: r.amount,
    currency: r.currency,
    stage: r.stage,
    state: stateOfStage(r.stage),
    probability: r.probability,
    expectedCloseDate: r.expected_close_date,
    nextStep: r.next_step,
    nextStepDue: r.next_step_due,
    nextStepOverdue: isNextStepOverdue(r, today),
    ownerId: r.owner_id,
    ownerName: r.owner_name ?? null,
    lostReason: r.lost_reason,
    closeNote: r.close_note,
    closedAt: r.closed_at,
    can: dealAbilities(actor, r, accountOf(r)),
  });
}

export const presentStageChange = (r: {
  from_stage: DealStageChange['from'];
  to_stage: DealStageChange['to'];
  at: string;
  by_id: string | null;
  lost_reason: string | null;
  note: string | null;
}): DealStageChange => ({ from: r.from_stage, to: r.to_stage, at: r.at, byId: r.by_id, lostReason: r.lost_reason, note: r.note });
