import type { Selectable } from 'kysely';
import type { Interaction } from '../../../common/schemas/interaction.js';
import type { InteractionsTable } from '../../db/schema.js';
import { withRecordMeta } from '../../lib/presenter.js';
import { interactionAbilities, type Actor, type OwnedAccount } from '../access/index.js';

export type InteractionRow = Selectable<InteractionsTable>;

/** The interaction as `actor` sees it, with what they may do with it (decided by its account's ownership). */
export function presentInteraction(r: InteractionRow, contactIds: string[], actor: Actor, account: OwnedAccount): Interaction {
  return withRecordMeta(r, {
    accountId: r.account_id,
    type: r.type as Interaction['type'],
    occurredAt: r.occurred_at,
    summary: r.summary,
    outcome: r.outcome,
    nextStep: r.next_step,
    nextStepDue: r.next_step_due,
    contactIds,
    dealId: r.deal_id,
    projectId: r.project_id,
    authorId: r.author_id,
    can: interactionAbilities(actor, account),
  });
}
