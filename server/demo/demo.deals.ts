import { DEAL_OPEN_STAGES, type DealOpenStage } from '../../common/enums.js';
import type { Services } from '../composition.js';
import type { Database } from '../db/database.js';
import type { DemoAccount } from './demo.accounts.js';
import type { DemoClock } from './demo.clock.js';
import type { DemoPeople } from './demo.people.js';
import { DemoRandom } from './demo.random.js';

type Final = DealOpenStage | 'won' | 'lost';

/**
 * Each manager's pipeline: how long ago each deal was opened and where it ended. Two deals in
 * every open stage (one with its next step overdue), and deals won and lost across the year.
 */
const PIPELINE: { final: Final; openedDaysAgo: number; reason?: string }[] = [
  { final: 'qualified', openedDaysAgo: 6 },
  { final: 'qualified', openedDaysAgo: 12 },
  { final: 'meeting', openedDaysAgo: 20 },
  { final: 'meeting', openedDaysAgo: 28 },
  { final: 'proposal', openedDaysAgo: 35 },
  { final: 'proposal', openedDaysAgo: 44 },
  { final: 'negotiation', openedDaysAgo: 55 },
  { final: 'negotiation', openedDaysAgo: 70 },
  { final: 'won', openedDaysAgo: 340 },
  { final: 'won', openedDaysAgo: 230 },
  { final: 'won', openedDaysAgo: 120 },
  { final: 'won', openedDaysAgo: 60 },
  { final: 'lost', openedDaysAgo: 310, reason: 'price' },
  { final: 'lost', openedDaysAgo: 200, reason: 'competitor' },
  { final: 'lost', openedDaysAgo: 140, reason: 'no_budget' },
  { final: 'lost', openedDaysAgo: 80, reason: 'no_response' },
  { final: 'lost', openedDaysAgo: 45, reason: 'timing' },
];

const TITLES = {
  en: ['SEO retainer', 'Context ads for the season', 'Site redesign', 'Analytics audit', 'Copywriting package', 'Usability review'],
  ru: ['Продвижение сайта', 'Контекстная реклама на сезон', 'Редизайн сайта', 'Аудит аналитики', 'Тексты для сайта', 'Юзабилити-аудит'],
};
const STEPS = {
  en: ['Send the estimate', 'Call about the budget', 'Present the proposal', 'Agree the terms', 'Send the contract'],
  ru: ['Отправить смету', 'Созвониться по бюджету', 'Представить предложение', 'Согласовать условия', 'Отправить договор'],
};
const WON = { en: 'Contract signed after the last meeting', ru: 'Договор подписан после последней встречи' };

/**
 * Deals on each manager's accounts, opened and moved through the services "as of" their dates,
 * so the stage history, the timeline and the audit log read as a year of real selling. Its own
 * random sequence, so the rest of the demo agency stays as it was.
 */
export async function seedDeals(db: Database, services: Services, people: DemoPeople, accounts: DemoAccount[], clock: DemoClock) {
  const rnd = new DemoRandom(20261201);
  const currencies = new Map(
    (await db.selectFrom('accounts').select(['id', 'currency']).execute()).map((a) => [a.id, a.currency] as const),
  );
  for (const [m, manager] of people.managers.entries()) {
    const own = accounts.filter((a) => a.ownerIndex === m && a.status !== 'churned');
    for (const [k, plan] of PIPELINE.entries()) {
      const account = own[k % own.length];
      const lang = account.language;
      const currency = currencies.get(account.id) ?? 'EUR';
      const path =
        plan.final === 'won' || plan.final === 'lost'
          ? DEAL_OPEN_STAGES
          : DEAL_OPEN_STAGES.slice(0, DEAL_OPEN_STAGES.indexOf(plan.final) + 1);
      // A closed deal took one to two months, so closings spread over the year; open ones are still moving.
      const span =
        plan.final === 'won' || plan.final === 'lost' ? Math.min(rnd.int(30, 60), plan.openedDaysAgo - 5) : plan.openedDaysAgo - 2;
      const moves = plan.final === 'lost' ? rnd.int(1, path.length) : path.length;
      const gap = Math.max(1, Math.floor(span / moves));
      let daysAgo = plan.openedDaysAgo;
      const step = () => ({ nextStep: rnd.pick(STEPS[lang]), nextStepDue: clock.date(-daysAgo + rnd.int(3, 10)) });

      clock.daysAgo(daysAgo, rnd.int(9, 17));
      const deal = await services.deals.create(manager, {
        accountId: account.id,
        title: rnd.pick(TITLES[lang]),
        amount: rnd.int(8, 60) * (currency === 'RUB' ? 5_000_000 : 50_000),
        currency,
        stage: 'qualified',
        expectedCloseDate: clock.date(-daysAgo + rnd.int(45, 90)),
        ...step(),
      });
      for (const stage of path.slice(1, moves)) {
        daysAgo -= gap;
        clock.daysAgo(daysAgo, rnd.int(9, 17));
        await services.deals.moveStage(manager, deal.id, { stage, ...step() });
      }
      daysAgo -= gap;
      clock.daysAgo(Math.max(daysAgo, 1), rnd.int(9, 17));
      if (plan.final === 'won') await services.deals.moveStage(manager, deal.id, { stage: 'won', note: WON[lang] });
      else if (plan.final === 'lost') await services.deals.moveStage(manager, deal.id, { stage: 'lost', lostReason: plan.reason });
      else {
        // Open deals look ahead: a next step in the coming days (the first slipped), a close within months.
        clock.daysAgo(1, 11);
        await services.deals.update(manager, deal.id, {
          nextStepDue: clock.date(k === 0 ? -3 : rnd.int(1, 14)),
          expectedCloseDate: clock.date(rnd.int(14, 120)),
        });
      }
    }
  }
  clock.daysAgo(null);
}
