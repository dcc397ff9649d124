import type { Selectable } from 'kysely';
import type { NextStepState } from '../../../common/enums.js';
import type { Interaction } from '../../../common/schemas/interaction.js';
import type { InteractionsTable } from '../../db/schema.js';
import { withRecordMeta } from '../../lib/presenter.js';
import { interactionAbilities, type Actor, type OwnedAccount } from '../access/index.js';

/** An interaction as it is presented (which import created it concerns the import's undo alone). */
export type InteractionRow = Omit<Selectable<InteractionsTable>, 'import_id'>;

/** The next step agreed in an interaction, as the next-steps module gives it. */
export interface NextStepOfInteraction {
  id: string;
  text: string;
  dueDate: string | null;
  ownerId: string;
  state: NextStepState;
  doneAt: string | null;
  version: number;
  can: { complete: boolean };
}

/** The interaction as `actor` sees it, with what they may do with it (decided by its account's ownership). */
export function presentInteraction(
  r: InteractionRow,
  contactIds: string[],
  step: NextStepOfInteraction | undefined,
  actor: Actor,
  account: OwnedAccount,
): Interaction {
  return withRecordMeta(r, {
    accountId: r.account_id,
    type: r.type,
    occurredAt: r.occurred_at,
    summary: r.summary,
    outcome: r.outcome,
    nextStep: step?.text ?? null,
    nextStepDue: step?.dueDate ?? null,
    nextStepTracking: step
      ? { id: step.id, ownerId: step.ownerId, state: step.state, doneAt: step.doneAt, version: step.version, can: step.can }
      : null,
    contactIds,
    dealId: r.deal_id,
    projectId: r.project_id,
    authorId: r.author_id,
    can: interactionAbilities(actor, account),
  });
}
