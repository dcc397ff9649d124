import type { SurveyState } from '../../../common/enums.js';
import type { Survey } from '../../../common/schemas/survey.js';
import { withRecordMeta } from '../../lib/presenter.js';
import type { OwnedAccount } from '../access/index.js';
import type { SurveyRow } from './survey.repository.js';

export const accountOf = (r: SurveyRow): OwnedAccount => ({ id: r.account_id, owner_id: r.owner_id, backup_owner_id: r.backup_owner_id });

export const contactNameOf = (r: { first_name: string; last_name: string | null }) => [r.first_name, r.last_name].filter(Boolean).join(' ');

export const stateOf = (r: Pick<SurveyRow, 'answered_at' | 'expires_at'>, now: string): SurveyState =>
  r.answered_at ? 'answered' : r.expires_at <= now ? 'expired' : 'pending';

export function presentSurvey(r: SurveyRow, now: string): Survey {
  return withRecordMeta(r, {
    accountId: r.account_id,
    accountName: r.account_name,
    projectId: r.project_id,
    projectName: r.project_name ?? null,
    contactId: r.contact_id,
    contactName: contactNameOf(r),
    kind: r.kind,
    trigger: r.trigger,
    language: r.language,
    state: stateOf(r, now),
    score: r.score,
    comment: r.comment,
    sentAt: r.sent_at,
    expiresAt: r.expires_at,
    answeredAt: r.answered_at,
  });
}
