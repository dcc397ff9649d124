import type { NextStepState } from '../../../common/enums.js';
import type { NextStep } from '../../../common/schemas/next-step.js';
import { withRecordMeta } from '../../lib/presenter.js';
import { canChangeNextStep, type Actor, type OwnedAccount } from '../access/index.js';
import type { NextStepRow } from './next-step.repository.js';

/** Done, overdue (its date is before the agency's today) or open. */
export const stateOf = (r: { done_at: string | null; due_date: string | null }, today: string): NextStepState =>
  r.done_at ? 'done' : r.due_date && r.due_date < today ? 'overdue' : 'open';

/** The account a next step row was read with, as the access rules judge it. */
export const ownersOf = (r: NextStepRow) => ({ id: r.account_id, owner_id: r.account_owner_id, backup_owner_id: r.backup_owner_id });

/** Whether the actor may change (and complete) this next step. */
const canChange = (actor: Actor, r: NextStepRow) => canChangeNextStep(actor, r, ownersOf(r));

/** The columns of a next step that the interaction it was agreed in shows. */
type StepOfInteraction = Pick<NextStepRow, 'id' | 'text' | 'due_date' | 'owner_id' | 'done_at' | 'version'>;

/** A next step as the interaction it was agreed in shows it, judged by its account's ownership. */
export function presentOfInteraction(r: StepOfInteraction, account: OwnedAccount, today: string, actor: Actor) {
  return {
    id: r.id,
    text: r.text,
    dueDate: r.due_date,
    ownerId: r.owner_id,
    state: stateOf(r, today),
    doneAt: r.done_at,
    version: r.version,
    can: { complete: canChangeNextStep(actor, r, account) },
  };
}

export function presentNextStep(r: NextStepRow, today: string, actor: Actor): NextStep {
  const change = canChange(actor, r);
  return withRecordMeta(r, {
    accountId: r.account_id,
    accountName: r.account_name,
    interactionId: r.interaction_id,
    ownerId: r.owner_id,
    ownerName: r.owner_name ?? null,
    text: r.text,
    dueDate: r.due_date,
    state: stateOf(r, today),
    doneAt: r.done_at,
    doneById: r.done_by_id,
    // One added on its own is removed here; one agreed in an interaction goes with it.
    can: { update: change, complete: change, remove: change && r.interaction_id === null },
  });
}
