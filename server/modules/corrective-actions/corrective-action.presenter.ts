import { CheckFiguresSchema, type CorrectiveAction } from '../../../common/schemas/corrective-action.js';
import { withRecordMeta } from '../../lib/presenter.js';
import { correctiveActionAbilities, type ActionAccess, type Actor } from '../access/index.js';
import type { ActionClaimRow, CorrectiveActionRow } from './corrective-action.repository.js';

/** The claims shown with an action; all of them count for access and the check. */
const SHOWN_CLAIMS = 50;

/** What the access rules need of an action: its owner, scope and its claims' accounts. */
export function accessOf(r: CorrectiveActionRow, claims: ActionClaimRow[]): ActionAccess {
  const mine = claims.filter((c) => c.action_id === r.id);
  return {
    owner_id: r.owner_id,
    scope: r.scope,
    accounts: mine.map((c) => ({ id: c.account_id, owner_id: c.owner_id, backup_owner_id: c.backup_owner_id })),
  };
}

/** An action as staff see it. */
export function presentCorrectiveAction(
  r: CorrectiveActionRow,
  claims: ActionClaimRow[],
  followUps: { id: string; follow_up_of_id: string | null }[],
  actor: Actor,
): CorrectiveAction {
  const mine = claims.filter((c) => c.action_id === r.id);
  return withRecordMeta(r, {
    scope: r.scope,
    claimId: r.claim_id,
    rootCause: r.root_cause,
    what: r.what,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    dueOn: r.due_on,
    checkOn: r.check_on,
    status: r.status,
    result: r.result,
    checkNote: r.check_note,
    checkedAt: r.checked_at,
    checkedById: r.checked_by_id,
    checkFigures: r.check_figures ? CheckFiguresSchema.parse(JSON.parse(r.check_figures)) : null,
    followUpOfId: r.follow_up_of_id,
    followUpId: followUps.find((f) => f.follow_up_of_id === r.id)?.id ?? null,
    claims: mine.slice(0, SHOWN_CLAIMS).map((c) => ({ id: c.claim_id, accountId: c.account_id, accountName: c.account_name })),
    createdById: r.created_by_id,
    can: correctiveActionAbilities(actor, { ...accessOf(r, claims), status: r.status }),
  });
}
