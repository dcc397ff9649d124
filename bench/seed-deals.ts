/** The benchmark's deals: the sales report's volume (bench/pipeline-report.ts measures it). */
import { DEAL_OPEN_STAGES, DEAL_STAGES, type DealStage } from '../common/enums.js';
import { addDays } from '../server/lib/dates.js';
import { newId } from '../server/lib/ids.js';
import { DEFAULT_DEAL_SETTINGS } from '../server/modules/deals/index.js';
import type { Row, SeedAccount, random } from './fixtures.js';

/** Three deals an account: 30,000 over the 10,000 accounts, about a third of them closed within the last year and a half. */
export const PIPELINE = { dealsPerAccount: 3 };

type Add = (table: string, row: Row) => Promise<void>;
const CURRENCIES = ['EUR', 'USD', 'RUB'];
const LOST_REASONS = DEFAULT_DEAL_SETTINGS.lostReasons.map((r) => r.key);

/**
 * Deals on every account, owned by its owner, in every stage, as DealService writes them: each
 * with its opening in `deal_stage_changes`, and a closed one with its closing move too.
 */
export async function writeDeals(add: Add, accounts: SeedAccount[], today: string, rnd: ReturnType<typeof random>) {
  const days = (from: number, span: number) => from + Math.floor(rnd.next() * span);
  const instant = (date: string) => `${date}T10:00:00.000Z`;
  let n = 0;
  for (const a of accounts) {
    for (let k = 0; k < PIPELINE.dealsPerAccount; k++) {
      const stage: DealStage = rnd.pick(DEAL_STAGES);
      const open = (DEAL_OPEN_STAGES as readonly DealStage[]).includes(stage);
      const opened = addDays(today, -days(30, 520));
      const closed = open ? null : addDays(opened, days(1, 29));
      const id = newId();
      await add('deals', {
        id,
        version: 1,
        created_at: instant(opened),
        updated_at: instant(closed ?? opened),
        account_id: a.id,
        title: `Deal ${++n}`,
        amount: days(10, 500) * 10_000,
        currency: rnd.pick(CURRENCIES),
        stage,
        probability: DEFAULT_DEAL_SETTINGS.stages[stage].probability,
        expected_close_date: addDays(today, days(-120, 300)),
        next_step: open ? 'Call back' : null,
        next_step_due: open ? addDays(today, days(-10, 30)) : null,
        owner_id: a.ownerId,
        lost_reason: stage === 'lost' ? rnd.pick(LOST_REASONS) : null,
        close_note: stage === 'won' ? 'Signed' : null,
        closed_at: closed && instant(closed),
        created_by_id: a.ownerId,
      });
      const move = (from: DealStage | null, to: DealStage, at: string) =>
        add('deal_stage_changes', {
          id: newId(),
          deal_id: id,
          account_id: a.id,
          from_stage: from,
          to_stage: to,
          at: instant(at),
          by_id: a.ownerId,
          lost_reason: to === 'lost' ? 'price' : null,
          note: null,
          proposal_id: null,
        });
      await move(null, open ? stage : 'qualified', opened);
      if (closed) await move('qualified', stage, closed);
    }
  }
}
