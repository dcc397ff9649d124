import type { AccountFlags } from '../../../common/schemas/account.js';
import { daysBetween } from '../../lib/dates.js';
import { canReadAccountBilling, isStaff } from '../access/index.js';
import type { AccountRow, FlagSource } from '../accounts/index.js';
import type { BillingSettingsService } from './billing.settings.js';
import { CreditRepository, type OwedByAccount } from './credit.repository.js';
import { wordedIn } from './wording.js';

/**
 * The billing flags sent with each account: work stopped (to staff), and to those who see the
 * account's billing its overdue invoices and the credit used against its limit. A page of
 * accounts costs one query over the open-invoice index, whatever its length.
 */
export function billingFlags(settings: BillingSettingsService): FlagSource {
  const repo = new CreditRepository();
  return async (trx, actor, accounts) => {
    const flags = new Map<string, Partial<AccountFlags>>();
    if (!isStaff(actor)) return flags;
    const billed = new Set(accounts.filter((a) => canReadAccountBilling(actor, a)).map((a) => a.id));
    const today = billed.size ? await settings.today(trx) : '';
    const byAccount = new Map<string, OwedByAccount[]>();
    for (const o of await repo.owedByAccounts(trx, [...billed], today)) {
      byAccount.set(o.accountId, [...(byAccount.get(o.accountId) ?? []), o]);
    }
    for (const a of accounts) {
      const f: Partial<AccountFlags> = {};
      if (a.stop_work_since)
        f.workStopped = { since: a.stop_work_since, reason: wordedIn(a.stop_work_wording, a.stop_work_reason, actor.language) };
      if (billed.has(a.id)) Object.assign(f, moneyFlags(a, byAccount.get(a.id) ?? [], today));
      flags.set(a.id, f);
    }
    return flags;
  };
}

/** Overdue and credit used of one account from its open balances per currency. */
function moneyFlags(a: AccountRow, owed: OwedByAccount[], today: string): Pick<AccountFlags, 'overdue' | 'creditUsed'> {
  // The account's own currency first, then the others by code (an account whose currency changed).
  const late = owed
    .filter((o) => o.overdueMinor > 0)
    .sort((x, y) => Number(y.currency === a.currency) - Number(x.currency === a.currency) || x.currency.localeCompare(y.currency));
  const oldest = late.map((o) => o.oldestOverdue!).sort()[0];
  const used = owed.find((o) => o.currency === a.currency)?.owedMinor ?? 0;
  return {
    overdue: late.length
      ? {
          amounts: late.map((o) => ({ currency: o.currency, amountMinor: o.overdueMinor })),
          invoiceCount: late.reduce((n, o) => n + o.overdueCount, 0),
          oldestDays: daysBetween(oldest, today),
        }
      : null,
    creditUsed: a.credit_limit_minor === null ? null : { currency: a.currency, usedMinor: used, limitMinor: a.credit_limit_minor },
  };
}
