import type { Database } from '../../db/database.js';
import { addDays } from '../../lib/dates.js';
import { agendaAccountScope } from '../access/index.js';
import { dayOf, lateDays, severityByLateness, type AgendaEntry, type AgendaProvider, type AgendaScope } from '../today/index.js';

/** Low answers older than this are history, not something to follow up now. */
const LOOKBACK_DAYS = 90;
const KIND_LABEL = { nps: 'NPS', csat: 'CSAT' } as const;

/**
 * Today's unhappy answers on the manager's accounts: a detractor (NPS ≤ 6) or an unhappy CSAT
 * (≤ 2) of the last 90 days after which the account has no claim, no next step and no logged
 * contact — the follow-ups a low answer opens (a claim draft or a next step), or the call the
 * manager made. One query.
 */
export function surveyAgenda(db: Database): AgendaProvider {
  return {
    name: 'surveys',
    kinds: ['detractor_not_followed_up'],
    async entries(scope: AgendaScope): Promise<AgendaEntry[]> {
      const accounts = agendaAccountScope(scope.subject, 'relationship');
      if (!accounts) return [];
      const rows = await db
        .selectFrom('surveys')
        .innerJoin('accounts', 'accounts.id', 'surveys.account_id')
        .innerJoin('contacts', 'contacts.id', 'surveys.contact_id')
        .select([
          'surveys.id',
          'surveys.kind',
          'surveys.score',
          'surveys.answered_at',
          'contacts.first_name',
          'contacts.last_name',
          'accounts.id as account_id',
          'accounts.name as account_name',
        ])
        .where('surveys.answered_at', '>=', `${addDays(scope.today, -LOOKBACK_DAYS)}T00:00:00.000Z`)
        .where((eb) =>
          eb.or([
            eb.and([eb('surveys.kind', '=', 'nps'), eb('surveys.score', '<=', 6)]),
            eb.and([eb('surveys.kind', '=', 'csat'), eb('surveys.score', '<=', 2)]),
          ]),
        )
        .where((eb) =>
          eb.not(
            eb.or([
              eb.exists(
                eb
                  .selectFrom('claims')
                  .select('claims.id')
                  .whereRef('claims.account_id', '=', 'surveys.account_id')
                  .whereRef('claims.created_at', '>=', 'surveys.answered_at'),
              ),
              eb.exists(
                eb
                  .selectFrom('next_steps')
                  .select('next_steps.id')
                  .whereRef('next_steps.account_id', '=', 'surveys.account_id')
                  .whereRef('next_steps.created_at', '>=', 'surveys.answered_at'),
              ),
              eb.exists(
                eb
                  .selectFrom('interactions')
                  .select('interactions.id')
                  .whereRef('interactions.account_id', '=', 'surveys.account_id')
                  .where('interactions.type', 'in', ['meeting', 'call', 'email'])
                  .whereRef('interactions.occurred_at', '>=', 'surveys.answered_at'),
              ),
            ]),
          ),
        )
        .where((eb) => accounts(eb, 'surveys.account_id'))
        .execute();
      return rows.map((r): AgendaEntry => {
        const answered = dayOf(r.answered_at!);
        return {
          key: `detractor:${r.id}`,
          kind: 'detractor_not_followed_up',
          // An unhappy client waits for nobody: high at once, critical after a month.
          severity: severityByLateness(Math.max(7, lateDays(answered, scope.today))),
          due: answered,
          account: { id: r.account_id, name: r.account_name },
          record: { type: 'survey', id: r.id, path: `/accounts/${r.account_id}` },
          reason: [
            'today.reason.detractor_not_followed_up',
            {
              survey: KIND_LABEL[r.kind],
              score: r.score,
              contact: [r.first_name, r.last_name].filter(Boolean).join(' '),
              answered,
            },
          ],
        };
      });
    },
  };
}
