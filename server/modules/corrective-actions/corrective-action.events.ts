import type { Kysely } from 'kysely';
import type { CheckFigures, CorrectiveAction } from '../../../common/schemas/corrective-action.js';
import type { DB } from '../../db/schema.js';
import type { TimelineLog } from '../timeline/index.js';

/** The events an action leaves on the timeline of each account its claims belong to. */
export class CorrectiveActionEvents {
  constructor(private readonly timeline: TimelineLog) {}

  async created(t: Kysely<DB>, a: CorrectiveAction, accountIds: string[], actorId: string, at: string): Promise<void> {
    const data = { actionId: a.id, what: a.what, rootCause: a.rootCause, dueOn: a.dueOn, checkOn: a.checkOn, followUpOfId: a.followUpOfId };
    for (const accountId of new Set(accountIds))
      await this.timeline.recordEvent(t, { accountId, kind: 'corrective_action_created', actorId, occurredAt: at, data });
  }

  async checked(t: Kysely<DB>, a: CorrectiveAction, f: CheckFigures, followUpId: string | null, actorId: string, at: string) {
    const data = {
      actionId: a.id,
      what: a.what,
      result: a.result,
      recurrences: f.recurrenceCount,
      npsBefore: f.before.nps,
      npsAfter: f.after.nps,
      followUpId,
    };
    for (const accountId of f.accountIds)
      await this.timeline.recordEvent(t, { accountId, kind: 'corrective_action_checked', actorId, occurredAt: at, data });
  }
}
