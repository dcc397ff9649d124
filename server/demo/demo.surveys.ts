import type { SurveyKind } from '../../common/enums.js';
import { composeServices } from '../composition.js';
import type { Database } from '../db/database.js';
import type { Actor } from '../modules/access/index.js';
import type { Mailer } from '../modules/email/index.js';
import { DEFAULT_SURVEY_SETTINGS } from '../modules/surveys/index.js';
import type { DemoAccount } from './demo.accounts.js';
import type { DemoClock } from './demo.clock.js';
import type { DemoPeople } from './demo.people.js';
import { DemoRandom } from './demo.random.js';

/** The demo's survey links point here; nobody opens them. */
const DEMO_URL = 'https://liaison.example.test';
/** The account whose satisfaction dips over the last months (its delays are on its timeline too). */
const DIPPING = 1;

const COMMENTS = {
  high: {
    en: ['Great communication and on time', 'The team really knows our business', 'Clear reports every week'],
    ru: ['Отличная коммуникация, всё в срок', 'Команда хорошо понимает наш бизнес', 'Понятные отчёты каждую неделю'],
  },
  low: {
    en: ['Deadlines keep slipping', 'Hard to reach the manager', 'Reports are late and unclear'],
    ru: ['Сроки постоянно сдвигаются', 'Трудно связаться с менеджером', 'Отчёты запаздывают и непонятны'],
  },
};

/** A mail server stand-in that keeps each email's text, so the seed can open the links it sent. */
function letterbox(): Mailer & { last: () => string } {
  let text = '';
  return {
    enabled: true,
    disabledReason: null,
    discardsAttachments: true,
    send: async (email) => {
      text = email.text;
      return { messageId: `<demo-${Date.now()}@liaison.example.test>` };
    },
    close: () => undefined,
    last: () => text,
  };
}

/**
 * The agency's rough quarter: answers given from eight to six months before this month, so it
 * is one whole quarter of the report's default year (its twelve months read as four quarters).
 */
const ROUGH_QUARTER = { from: 8, to: 6 };

const monthsBefore = (today: string, day: string) =>
  (Number(today.slice(0, 4)) - Number(day.slice(0, 4))) * 12 + Number(today.slice(5, 7)) - Number(day.slice(5, 7));

/** How an answer leans: the dipping account's late months, the whole agency's rough quarter, or as usual. */
type Mood = 'dip' | 'rough' | 'usual';

/**
 * An NPS answer: as usual mostly promoters, some passives, a few detractors (about NPS 45); in
 * the rough quarter as many detractors as promoters (about NPS 0), so the year comes to 30–45
 * with a dip the trend shows; low ones only in the account's dip.
 */
function npsScore(rnd: DemoRandom, mood: Mood): number {
  if (mood === 'dip') return rnd.int(2, 6);
  const [promoters, passives] = mood === 'rough' ? [0.34, 0.66] : [0.57, 0.88];
  const r = rnd.next();
  return r < promoters ? rnd.int(9, 10) : r < passives ? rnd.int(7, 8) : rnd.int(3, 6);
}

const csatScore = (rnd: DemoRandom, mood: Mood): number =>
  mood === 'dip' ? rnd.int(1, 3) : rnd.pick(mood === 'rough' ? [2, 3, 3, 4, 4, 5] : [3, 4, 4, 5, 5, 5]);

/** Services whose survey emails land in a letterbox, and how an owner asks one of an account's contacts (its first by default) (answering the link it mailed). */
export function surveyDesk(db: Database, clock: DemoClock) {
  const mailbox = letterbox();
  const services = composeServices(db, clock, { publicUrl: DEMO_URL, mailer: mailbox });
  const ask = async (owner: Actor, account: DemoAccount, kind: SurveyKind, projectId: string | null, contactId = account.contactIds[0]) => {
    const survey = await services.surveys.send(owner, { accountId: account.id, contactId, kind, projectId });
    return { survey, token: /\/s\/([\w-]+)/.exec(mailbox.last())![1] };
  };
  return { services, ask };
}

/**
 * A year of surveys: every six or seven weeks each active or paused account's first contact is asked
 * (an NPS, or a CSAT about its latest project), most answer within days, and the owner follows up
 * every low answer by the next step the product opened. The agency has one rough quarter, and one
 * account's scores dip over the last four months. Through the services, with the links opened as
 * the contacts would.
 */
export async function seedSurveys(db: Database, people: DemoPeople, accounts: DemoAccount[], clock: DemoClock) {
  const rnd = new DemoRandom(20261213);
  const { services, ask } = surveyDesk(db, clock);
  const projects = await db.selectFrom('projects').select(['id', 'account_id']).orderBy('created_at').execute();
  for (const [i, account] of accounts.entries()) {
    if (account.status !== 'active' && account.status !== 'paused') continue;
    const owner = people.managers[account.ownerIndex];
    const project = projects.filter((p) => p.account_id === account.id).at(-1);
    for (let daysAgo = 360 - rnd.int(0, 20); daysAgo > 3; daysAgo -= rnd.int(42, 50)) {
      clock.daysAgo(daysAgo, rnd.int(9, 16));
      const kind: SurveyKind = project && rnd.chance(0.3) ? 'csat' : 'nps';
      const { survey, token } = await ask(owner, account, kind, kind === 'csat' ? project!.id : null);
      if (!rnd.chance(0.75)) continue;
      const answeredAgo = Math.max(daysAgo - rnd.int(0, 3), 1);
      clock.daysAgo(answeredAgo, rnd.int(10, 19));
      const since = monthsBefore(clock.date(0), clock.date(-answeredAgo));
      const rough = since >= ROUGH_QUARTER.to && since <= ROUGH_QUARTER.from;
      const mood: Mood = i === DIPPING && daysAgo < 120 ? 'dip' : rough ? 'rough' : 'usual';
      const score = kind === 'nps' ? npsScore(rnd, mood) : csatScore(rnd, mood);
      const low = kind === 'nps' ? score <= 6 : score <= 2;
      const comment = rnd.chance(0.6) ? rnd.pick(COMMENTS[low ? 'low' : 'high'][survey.language]) : null;
      const answeredAt = clock.now().toISOString();
      await services.surveyAnswers.answerByLink(token, { score, comment }, '127.0.0.1');
      if (low && answeredAgo > 4) {
        // The owner called on the day the next step asked for.
        clock.daysAgo(answeredAgo - DEFAULT_SURVEY_SETTINGS.followUpDays, 11);
        const steps = await services.nextSteps.list(owner, { accountId: account.id, limit: 10 });
        for (const step of steps.items.filter((s) => s.createdAt === answeredAt)) await services.nextSteps.setDone(owner, step.id, true);
      }
    }
  }
  clock.daysAgo(null);
}
