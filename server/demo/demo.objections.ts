import type { Services } from '../composition.js';
import type { Database } from '../db/database.js';
import type { DemoAccount } from './demo.accounts.js';
import type { DemoClock } from './demo.clock.js';
import type { DemoPeople } from './demo.people.js';
import { DemoRandom } from './demo.random.js';

type Lang = 'en' | 'ru';
type Texts = Record<Lang, string[]>;

const DAY = 86_400_000;

/** Price comes up on most deals; one or two of the others, timing and competitors most often, on each. */
const OTHERS = ['timing', 'timing', 'competitor', 'competitor', 'trust', 'scope', 'need'];

const WORDS: Record<string, Texts> = {
  price: {
    en: ['It is more than we planned to spend', 'Another studio quoted less'],
    ru: ['Это больше, чем мы планировали', 'Другая студия предложила дешевле'],
  },
  timing: {
    en: ['We are not ready before the spring', 'Our team is busy this quarter'],
    ru: ['Раньше весны мы не готовы', 'Команда занята в этом квартале'],
  },
  competitor: {
    en: ['We already work with another agency', 'A competitor promised faster results'],
    ru: ['Мы уже работаем с другим агентством', 'Конкурент обещает результат быстрее'],
  },
  trust: {
    en: ['We have been let down by agencies before', 'How do we know it will work?'],
    ru: ['Агентства нас уже подводили', 'Откуда нам знать, что это сработает?'],
  },
  scope: {
    en: ['We only need part of this', 'This is more than we asked for'],
    ru: ['Нам нужна только часть этого', 'Это больше, чем мы просили'],
  },
  need: {
    en: ['We are not sure we need it now', 'Our own team could do this'],
    ru: ['Не уверены, что это нужно сейчас', 'Наша команда справится сама'],
  },
};

/** Each category's answers, the one that wins most first: closed deals pick them by their outcome, so the playbook has something to learn. */
const ANSWERS: Record<string, Texts> = {
  price: {
    en: [
      'We can phase the work so the first stage fits this quarter’s budget',
      'We can trim the scope to the essentials',
      'This is our standard rate',
    ],
    ru: ['Разобьём работу на этапы, чтобы первый уложился в бюджет квартала', 'Сократим объём до главного', 'Это наша обычная ставка'],
  },
  timing: {
    en: [
      'We start with a short audit now, the main work when you are ready',
      'We can hold the slot for a month',
      'Later the schedule will be tighter',
    ],
    ru: [
      'Начнём с короткого аудита сейчас, основную работу — когда будете готовы',
      'Можем придержать место на месяц',
      'Позже график будет плотнее',
    ],
  },
  competitor: {
    en: ['Let us run a paid pilot side by side with them', 'Here are our results in your industry', 'We are cheaper than them'],
    ru: ['Давайте проведём платный пилот параллельно с ними', 'Вот наши результаты в вашей отрасли', 'Мы дешевле их'],
  },
  trust: {
    en: ['Talk to two of our clients in your industry', 'We report every week with numbers', 'We have been around for ten years'],
    ru: ['Поговорите с двумя нашими клиентами из вашей отрасли', 'Каждую неделю присылаем отчёт с цифрами', 'Мы на рынке десять лет'],
  },
  scope: {
    en: [
      'We start with the part you need and price the rest separately',
      'We show what each part brings',
      'The package is cheaper than parts',
    ],
    ru: ['Начнём с нужной части, остальное оценим отдельно', 'Покажем, что даёт каждая часть', 'Пакет дешевле, чем по частям'],
  },
  need: {
    en: ['Here is what your competitors gained in a year', 'A small test will show whether it pays', 'Everyone is doing it now'],
    ru: ['Вот что конкуренты получили за год', 'Небольшой тест покажет, окупается ли', 'Сейчас это делают все'],
  },
};

/** How likely each answer (strongest first) was given on a won, a lost and a still open deal. */
const ODDS = { won: [0.6, 0.3, 0.1], lost: [0.15, 0.35, 0.5], open: [0.4, 0.3, 0.3] };

/** The answer the admin recommends to every manager for the most common objection. */
const PINNED = { category: 'price', response: ANSWERS.price.en[0] };

/**
 * Objections on the demo deals, logged while each deal was open, with answers chosen by how the
 * deal ended (the stronger answers on the deals won), so each category's playbook ranks answers
 * by real-looking results. Its own random sequence, so the rest of the demo stays as it was.
 */
export async function seedObjections(db: Database, services: Services, people: DemoPeople, accounts: DemoAccount[], clock: DemoClock) {
  const rnd = new DemoRandom(20261202);
  const language = new Map(accounts.map((a) => [a.id, a.language] as const));
  const managers = new Map(people.managers.map((m) => [m.id, m] as const));
  const deals = await db
    .selectFrom('deals')
    .select(['id', 'account_id', 'owner_id', 'stage', 'created_at', 'closed_at'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const today = clock.now().getTime();
  const weighted = (odds: number[]) => {
    let r = rnd.next();
    const i = odds.findIndex((p) => (r -= p) < 0);
    return i < 0 ? odds.length - 1 : i;
  };
  for (const deal of deals) {
    const actor = managers.get(deal.owner_id);
    if (!actor) continue;
    const lang = language.get(deal.account_id) ?? 'en';
    const outcome = deal.stage === 'won' || deal.stage === 'lost' ? deal.stage : 'open';
    const openedAgo = Math.floor((today - Date.parse(String(deal.created_at))) / DAY);
    const closedAgo = deal.closed_at ? Math.ceil((today - Date.parse(String(deal.closed_at))) / DAY) : 1;
    const categories = new Set([...(rnd.chance(0.6) ? ['price'] : []), rnd.pick(OTHERS), ...(rnd.chance(0.3) ? [rnd.pick(OTHERS)] : [])]);
    for (const category of categories) {
      clock.daysAgo(rnd.int(Math.min(closedAgo, openedAgo), openedAgo), rnd.int(10, 17));
      const result =
        outcome === 'won'
          ? rnd.chance(0.85)
            ? 'overcome'
            : 'open'
          : outcome === 'lost'
            ? rnd.chance(0.7)
              ? 'lost'
              : 'overcome'
            : 'open';
      await services.objections.create(actor, {
        dealId: deal.id,
        category,
        text: rnd.pick(WORDS[category][lang]),
        response: ANSWERS[category][lang][weighted(ODDS[outcome])],
        result,
      });
    }
  }
  clock.daysAgo(null);
  await services.objectionSettings.pin(people.admin, PINNED.category, PINNED.response);
}
