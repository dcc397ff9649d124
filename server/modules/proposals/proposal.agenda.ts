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

/** A sent proposal is on Today this many days before its validity ends. */
const EXPIRING_DAYS = 7;

/**
 * Today's proposals on the manager's accounts, while sent and undecided: the client opened the
 * sent version more than the setting's days ago, or its validity ends within a week (then
 * that alone: one item per proposal). One query.
 */
export function proposalAgenda(db: Database, settings: SettingsService): AgendaProvider {
  const todaySettings = new TodaySettingsReader(settings);
  return {
    name: 'proposals',
    kinds: ['proposal_undecided', 'proposal_expiring'],
    async entries(scope: AgendaScope): Promise<AgendaEntry[]> {
      const accounts = agendaAccountScope(scope.subject, 'relationship');
      if (!accounts) return [];
      const wait = await todaySettings.proposalUndecidedDays();
      const viewedBy = `${addDays(scope.today, -wait)}T23:59:59.999Z`;
      const rows = await db
        .selectFrom('proposals')
        .innerJoin('proposal_versions', (j) =>
          j.onRef('proposal_versions.proposal_id', '=', 'proposals.id').onRef('proposal_versions.number', '=', 'proposals.sent_version'),
        )
        .innerJoin('accounts', 'accounts.id', 'proposals.account_id')
        .innerJoin('deals', 'deals.id', 'proposals.deal_id')
        .select([
          'proposals.id',
          'proposals.valid_until',
          'proposals.sent_version',
          'proposal_versions.document_number',
          'proposal_versions.viewed_at',
          'deals.title as deal_title',
          'accounts.id as account_id',
          'accounts.name as account_name',
        ])
        .where('proposals.status', '=', 'sent')
        .where('proposals.valid_until', '>=', scope.today)
        .where((eb) =>
          eb.or([
            eb('proposals.valid_until', '<=', addDays(scope.today, EXPIRING_DAYS)),
            eb('proposal_versions.viewed_at', '<=', viewedBy),
          ]),
        )
        .where((eb) => accounts(eb, 'proposals.account_id'))
        .execute();
      return rows.map((r): AgendaEntry => {
        const about = {
          account: { id: r.account_id, name: r.account_name },
          record: { type: 'proposal' as const, id: r.id, path: `/proposals/${r.id}` },
        };
        const what = { title: r.deal_title, number: r.document_number ?? '' };
        const viewed = r.viewed_at && r.viewed_at <= viewedBy ? dayOf(r.viewed_at) : null;
        const expiring = r.valid_until <= addDays(scope.today, EXPIRING_DAYS);
        if (viewed && !expiring) {
          const undecidedFrom = addDays(viewed, wait);
          return {
            key: `proposal-undecided:${r.id}:${r.sent_version}`,
            kind: 'proposal_undecided',
            severity: severityByLateness(lateDays(undecidedFrom, scope.today)),
            due: undecidedFrom,
            ...about,
            reason: ['today.reason.proposal_undecided', { ...what, viewed, days: lateDays(viewed, scope.today) }],
          };
        }
        return {
          key: `proposal-expiring:${r.id}:${r.valid_until}`,
          kind: 'proposal_expiring',
          severity: r.valid_until <= addDays(scope.today, 2) ? 'high' : 'medium',
          due: r.valid_until,
          ...about,
          reason: [
            viewed ? 'today.reason.proposal_expiring_viewed' : 'today.reason.proposal_expiring',
            { ...what, until: r.valid_until, viewed },
          ],
        };
      });
    },
  };
}
