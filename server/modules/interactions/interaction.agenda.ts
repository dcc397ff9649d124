import { sql, type SqlBool } from 'kysely';
import { ACCOUNT_STATUSES } from '../../../common/enums.js';
import type { Database } from '../../db/database.js';
import { addDays } from '../../lib/dates.js';
import { agendaAccountScope } from '../access/index.js';
import type { SettingsService } from '../settings/index.js';
import {
  dayOf,
  lateDays,
  severityByLateness,
  TodaySettingsReader,
  type AgendaEntry,
  type AgendaProvider,
  type AgendaScope,
} from '../today/index.js';

/** Meetings older than this with no outcome stop asking for one. */
const OUTCOME_LOOKBACK_DAYS = 30;

/**
 * Today's relationship items from interactions: meetings held in the last month with no
 * outcome logged, and accounts with no meeting, call or email for longer than the cadence of
 * their status (a setting). Two queries over the manager's accounts.
 */
export function interactionAgenda(db: Database, settings: SettingsService): AgendaProvider {
  const todaySettings = new TodaySettingsReader(settings);
  return {
    name: 'interactions',
    kinds: ['meeting_without_outcome', 'no_recent_contact'],
    async entries(scope: AgendaScope): Promise<AgendaEntry[]> {
      const accounts = agendaAccountScope(scope.subject, 'relationship');
      if (!accounts) return [];
      const cadence = await todaySettings.contactCadence();
      const since = `${addDays(scope.today, -OUTCOME_LOOKBACK_DAYS)}T00:00:00.000Z`;
      const tracked = ACCOUNT_STATUSES.filter((s) => cadence[s] !== null);
      const [meetings, quiet] = await Promise.all([
        db
          .selectFrom('interactions')
          .innerJoin('accounts', 'accounts.id', 'interactions.account_id')
          .select([
            'interactions.id',
            'interactions.occurred_at',
            'interactions.summary',
            'accounts.id as account_id',
            'accounts.name as account_name',
          ])
          .where('interactions.type', '=', 'meeting')
          .where('interactions.occurred_at', '>=', since)
          .where('interactions.occurred_at', '<', scope.now)
          .where((eb) => eb.or([eb('interactions.outcome', 'is', null), eb('interactions.outcome', '=', '')]))
          .where((eb) => accounts(eb, 'interactions.account_id'))
          .execute(),
        tracked.length === 0
          ? []
          : db
              .selectFrom((eb) =>
                eb
                  .selectFrom('accounts')
                  .select((a) => [
                    'accounts.id',
                    'accounts.name',
                    'accounts.status',
                    'accounts.created_at',
                    a
                      .selectFrom('interactions')
                      .select((i) => i.fn.max('interactions.occurred_at').as('m'))
                      .whereRef('interactions.account_id', '=', 'accounts.id')
                      .where('interactions.type', 'in', ['meeting', 'call', 'email'])
                      .where('interactions.occurred_at', '<=', scope.now)
                      .as('last_contact'),
                  ])
                  .where('accounts.status', 'in', tracked)
                  .where((a) => accounts(a, 'accounts.id'))
                  .as('a'),
              )
              .selectAll()
              .where((eb) =>
                eb.or(
                  tracked.map((s) =>
                    eb.and([
                      eb('a.status', '=', s),
                      sql<SqlBool>`coalesce(a.last_contact, a.created_at) < ${`${addDays(scope.today, -cadence[s]!)}T00:00:00.000Z`}`,
                    ]),
                  ),
                ),
              )
              .execute(),
      ]);
      return [
        ...meetings.map((m): AgendaEntry => {
          const date = dayOf(m.occurred_at);
          return {
            key: `meeting-outcome:${m.id}`,
            kind: 'meeting_without_outcome',
            severity: severityByLateness(lateDays(date, scope.today)),
            due: date,
            account: { id: m.account_id, name: m.account_name },
            record: { type: 'interaction', id: m.id, path: `/accounts/${m.account_id}` },
            reason: ['today.reason.meeting_without_outcome', { date, summary: m.summary }],
          };
        }),
        ...quiet.map((a): AgendaEntry => {
          const last = a.last_contact ? dayOf(a.last_contact) : null;
          const every = cadence[a.status]!;
          const due = addDays(last ?? dayOf(a.created_at), every);
          const params = {
            days: lateDays(last ?? dayOf(a.created_at), scope.today),
            last,
            opened: dayOf(a.created_at),
            status: a.status,
            cadence: every,
          };
          return {
            key: `no-contact:${a.id}:${last ?? 'never'}`,
            kind: 'no_recent_contact',
            severity: severityByLateness(lateDays(due, scope.today)),
            due,
            account: { id: a.id, name: a.name },
            record: { type: 'account', id: a.id, path: `/accounts/${a.id}` },
            reason: [last ? 'today.reason.no_contact' : 'today.reason.never_contacted', params],
            actions: ['log_call'],
          };
        }),
      ];
    },
  };
}
