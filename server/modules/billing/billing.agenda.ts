import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { agendaAccountScope } from '../access/index.js';
import { dayOf, lateDays, severityByLateness, type AgendaEntry, type AgendaProvider, type AgendaScope } from '../today/index.js';
import { BALANCE, OPEN_INVOICE } from './open-invoices.js';
import { actionTitleIn, wordedIn } from './wording.js';

/**
 * Today's money items owned by billing: accounts whose work is stopped, accounts owing more
 * than their credit limit (in the account's currency), and the payment desk's calls and
 * alerts given to the subject (or to their role). Three queries, whatever the accounts.
 */
export function billingAgenda(db: Database): AgendaProvider {
  return {
    name: 'billing',
    kinds: ['work_stopped', 'credit_limit_exceeded', 'payment_desk_action'],
    async entries(scope: AgendaScope): Promise<AgendaEntry[]> {
      const accounts = agendaAccountScope(scope.subject, 'money');
      if (!accounts) return [];
      const [stopped, overLimit, actions] = await Promise.all([
        db
          .selectFrom('accounts')
          .select(['id', 'name', 'stop_work_since', 'stop_work_reason', 'stop_work_wording'])
          .where('stop_work_since', 'is not', null)
          .where((eb) => accounts(eb, 'accounts.id'))
          .execute(),
        db
          .selectFrom('invoices')
          .innerJoin('accounts', (j) =>
            j.onRef('accounts.id', '=', 'invoices.account_id').onRef('accounts.currency', '=', 'invoices.currency'),
          )
          .select((eb) => [
            'accounts.id',
            'accounts.name',
            'accounts.currency',
            'accounts.credit_limit_minor',
            eb.fn.sum<number>(BALANCE).as('owed'),
          ])
          .where(OPEN_INVOICE)
          .where('accounts.credit_limit_minor', 'is not', null)
          .where((eb) => accounts(eb, 'invoices.account_id'))
          .groupBy(['accounts.id', 'accounts.name', 'accounts.currency', 'accounts.credit_limit_minor'])
          .having(sql`sum(${BALANCE})`, '>', sql.ref('accounts.credit_limit_minor'))
          .execute(),
        db
          .selectFrom('billing_actions')
          .innerJoin('accounts', 'accounts.id', 'billing_actions.account_id')
          .select([
            'billing_actions.id',
            'billing_actions.kind',
            'billing_actions.title',
            'billing_actions.wording',
            'billing_actions.due_date',
            'accounts.id as account_id',
            'accounts.name as account_name',
          ])
          .where('billing_actions.done_at', 'is', null)
          .where('billing_actions.due_date', '<=', scope.horizon)
          .where((eb) =>
            eb.or([
              eb('billing_actions.assignee_id', '=', scope.subject.id),
              eb.and([eb('billing_actions.assignee_id', 'is', null), eb('billing_actions.assignee_role', '=', scope.subject.role)]),
            ]),
          )
          .where((eb) => accounts(eb, 'billing_actions.account_id'))
          .execute(),
      ]);
      const money = (id: string, name: string) => ({ id, name });
      return [
        ...stopped.map((a): AgendaEntry => {
          const since = dayOf(a.stop_work_since!);
          return {
            key: `work-stopped:${a.id}:${since}`,
            kind: 'work_stopped',
            severity: 'critical',
            due: since,
            account: money(a.id, a.name),
            record: { type: 'account', id: a.id, path: `/accounts/${a.id}` },
            reason: ['today.reason.work_stopped', { since, reason: wordedIn(a.stop_work_wording, a.stop_work_reason, scope.language) }],
          };
        }),
        ...overLimit.map((a): AgendaEntry => ({
          key: `credit-limit:${a.id}:${a.credit_limit_minor}`,
          kind: 'credit_limit_exceeded',
          severity: 'high',
          due: scope.today,
          account: money(a.id, a.name),
          record: { type: 'account', id: a.id, path: `/accounts/${a.id}` },
          reason: ['today.reason.credit_limit_exceeded', { owed: Number(a.owed), limit: a.credit_limit_minor, currency: a.currency }],
        })),
        ...actions.map((r): AgendaEntry => ({
          key: `payment-desk:${r.id}`,
          kind: 'payment_desk_action',
          severity: severityByLateness(lateDays(r.due_date, scope.today)),
          due: r.due_date,
          account: money(r.account_id, r.account_name),
          record: { type: 'billing_action', id: r.id, path: '/follow-ups' },
          reason: ['today.reason.payment_desk', { title: actionTitleIn(r.wording, r.title, scope.language) }],
          actions: r.kind === 'call' ? ['log_call', 'complete_billing_action'] : ['complete_billing_action'],
        })),
      ];
    },
  };
}
