import { SIGNABLE_DOCUMENT_KINDS } from '../../../common/enums.js';
import type { Database } from '../../db/database.js';
import { addDays, daysBetween } from '../../lib/dates.js';
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
import { CONTRACT_IN_FORCE, renewedBy } from './document.repository.js';

/** A contract is on Today this many days before its term ends (as its first renewal reminder). */
const CONTRACT_ENDING_DAYS = 30;
/** A draft with no date of its own is to send once it was left overnight. */
const DRAFT_GRACE_DAYS = 1;
/** Proposals are sent, signed and followed up on the proposals' own items. */
const OWN_ITEMS = ['contract', 'act', 'status_report', 'other'] as const;
const SIGNED_HERE = SIGNABLE_DOCUMENT_KINDS.filter((k) => k !== 'proposal');

/**
 * Today's paperwork on the manager's accounts: drafts not sent (from their date, or the day
 * after they were made), documents sent for signature that the client has not signed for longer than the
 * client-wait setting, and contracts in force ending within 30 days with no renewal in force.
 * Three queries.
 */
export function documentAgenda(db: Database, settings: SettingsService): AgendaProvider {
  const todaySettings = new TodaySettingsReader(settings);
  return {
    name: 'documents',
    kinds: ['document_to_send', 'signature_waiting', 'contract_ending'],
    async entries(scope: AgendaScope): Promise<AgendaEntry[]> {
      const accounts = agendaAccountScope(scope.subject, 'relationship');
      if (!accounts) return [];
      const wait = await todaySettings.clientWaitDays();
      const document = [
        'documents.id',
        'documents.kind',
        'documents.title',
        'documents.number',
        'accounts.id as account_id',
        'accounts.name as account_name',
      ] as const;
      const [drafts, unsigned, ending] = await Promise.all([
        db
          .selectFrom('documents')
          .innerJoin('accounts', 'accounts.id', 'documents.account_id')
          .select([...document, 'documents.issue_date', 'documents.created_at'])
          .where('documents.status', '=', 'draft')
          .where('documents.kind', 'in', OWN_ITEMS)
          .where((eb) => eb.or([eb('documents.issue_date', 'is', null), eb('documents.issue_date', '<=', scope.horizon)]))
          .where((eb) => accounts(eb, 'documents.account_id'))
          .execute(),
        db
          .selectFrom('documents')
          .innerJoin('accounts', 'accounts.id', 'documents.account_id')
          .select([...document, 'documents.sent_at'])
          .where('documents.status', '=', 'sent')
          .where('documents.kind', 'in', SIGNED_HERE)
          .where('documents.sent_at', '<=', `${addDays(scope.today, -wait)}T23:59:59.999Z`)
          .where((eb) => accounts(eb, 'documents.account_id'))
          .execute(),
        db
          .selectFrom('documents')
          .innerJoin('accounts', 'accounts.id', 'documents.account_id')
          .select([...document, 'documents.period_to'])
          .where('documents.kind', '=', 'contract')
          .where('documents.status', 'in', CONTRACT_IN_FORCE)
          .where('documents.period_to', '>=', scope.today)
          .where('documents.period_to', '<=', addDays(scope.today, CONTRACT_ENDING_DAYS))
          .where((eb) => eb.not(eb.exists(renewedBy(eb))))
          .where((eb) => accounts(eb, 'documents.account_id'))
          .execute(),
      ]);
      const about = (r: { id: string; account_id: string; account_name: string }) => ({
        account: { id: r.account_id, name: r.account_name },
        record: { type: 'document' as const, id: r.id, path: `/documents/${r.id}` },
      });
      const named = (r: { kind: string; title: string | null; number: string | null }) => ({
        kind: r.kind,
        title: r.title ?? r.number ?? '',
      });
      return [
        ...drafts.map((r): AgendaEntry => {
          const due = r.issue_date ?? addDays(dayOf(r.created_at), DRAFT_GRACE_DAYS);
          return {
            key: `document-to-send:${r.id}:${due}`,
            kind: 'document_to_send',
            severity: severityByLateness(lateDays(due, scope.today)),
            due,
            ...about(r),
            reason: ['today.reason.document_to_send', { ...named(r), date: due }],
          };
        }),
        ...unsigned.map((r): AgendaEntry => {
          const sent = dayOf(r.sent_at!);
          const due = addDays(sent, wait);
          return {
            key: `signature-waiting:${r.id}:${sent}`,
            kind: 'signature_waiting',
            severity: severityByLateness(lateDays(due, scope.today)),
            due,
            ...about(r),
            reason: ['today.reason.signature_waiting', { ...named(r), number: r.number, sent, days: lateDays(sent, scope.today) }],
          };
        }),
        ...ending.map((r): AgendaEntry => {
          const left = daysBetween(scope.today, r.period_to!);
          return {
            key: `contract-ending:${r.id}:${r.period_to}`,
            kind: 'contract_ending',
            severity: left <= 7 ? 'high' : 'medium',
            due: addDays(r.period_to!, -CONTRACT_ENDING_DAYS),
            ...about(r),
            reason: ['today.reason.contract_ending', { number: r.number, end: r.period_to, days: left }],
          };
        }),
      ];
    },
  };
}
