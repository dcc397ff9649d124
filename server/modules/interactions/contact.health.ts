import type { Kysely } from 'kysely';
import type { AccountStatus } from '../../../common/enums.js';
import type { DB } from '../../db/schema.js';
import type { SettingsService } from '../settings/index.js';
import { TodaySettingsReader } from '../today/index.js';

/** The days without a two-way contact allowed for accounts of each status (null: no cadence), as Today uses them. */
export function contactCadence(settings: SettingsService): Promise<Record<AccountStatus, number | null>> {
  return new TodaySettingsReader(settings).contactCadence();
}

/** The last two-way contact (a meeting, call or email) up to `now` of one account (or every account, `accountId` null), in one grouped statement. */
export async function lastContactByAccount(t: Kysely<DB>, accountId: string | null, now: string): Promise<Map<string, string>> {
  const rows = await t
    .selectFrom('interactions')
    .where('type', 'in', ['meeting', 'call', 'email'])
    .where('occurred_at', '<=', now)
    .$if(accountId !== null, (q) => q.where('account_id', '=', accountId!))
    .groupBy('account_id')
    .select((eb) => ['account_id', eb.fn.max('occurred_at').as('last')])
    .execute();
  return new Map(rows.map((r) => [r.account_id, String(r.last)]));
}
