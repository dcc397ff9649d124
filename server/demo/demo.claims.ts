import type { ClaimSeverity, ClaimSource, ClaimStatus, Language } from '../../common/enums.js';
import type { Services } from '../composition.js';
import type { Database } from '../db/database.js';
import type { DemoAccount } from './demo.accounts.js';
import type { DemoClock } from './demo.clock.js';
import type { DemoPeople } from './demo.people.js';
import { DemoRandom } from './demo.random.js';

/**
 * Each manager's claims: how long ago each was registered, from where, how severe, and where it
 * ended. Every status is there, answered and resolved on time or late, closed by the client, by
 * the manager and by itself, with root causes across the configured list.
 */
const PLAN: {
  daysAgo: number;
  source: ClaimSource;
  severity: ClaimSeverity;
  final: ClaimStatus;
  closedHow?: 'client' | 'staff' | 'auto';
}[] = [
  { daysAgo: 1, source: 'portal', severity: 'high', final: 'received' },
  { daysAgo: 0, source: 'manager', severity: 'low', final: 'received' },
  { daysAgo: 3, source: 'survey', severity: 'medium', final: 'in_progress' },
  { daysAgo: 12, source: 'portal', severity: 'high', final: 'in_progress' },
  { daysAgo: 6, source: 'manager', severity: 'medium', final: 'resolved' },
  { daysAgo: 45, source: 'portal', severity: 'critical', final: 'closed', closedHow: 'client' },
  { daysAgo: 120, source: 'survey', severity: 'medium', final: 'closed', closedHow: 'auto' },
  { daysAgo: 220, source: 'manager', severity: 'low', final: 'closed', closedHow: 'staff' },
  { daysAgo: 300, source: 'portal', severity: 'high', final: 'closed', closedHow: 'client' },
];

const CATEGORIES = ['quality', 'deadline', 'communication', 'billing', 'quality', 'deadline'];
const ROOT_CAUSES = ['unclear_requirements', 'underestimated', 'no_review', 'handover', 'skills_gap', 'client_side'];
const TEXTS: Record<Language, string[]> = {
  en: [
    'The new landing page breaks on phones',
    'The campaign launched a week late',
    'Nobody answered our emails for three days',
    'The invoice lists hours we did not agree',
    'The article has factual mistakes',
    'The report came after the board meeting',
  ],
  ru: [
    'Новая посадочная страница не работает на телефонах',
    'Кампания запустилась на неделю позже',
    'Три дня никто не отвечал на наши письма',
    'В счёте часы, которые мы не согласовывали',
    'В статье фактические ошибки',
    'Отчёт пришёл после совета директоров',
  ],
};
const NOTES: Record<Language, { cause: string; resolution: string }> = {
  en: {
    cause: 'Found in the review of the claim with the team',
    resolution: 'Fixed, and the check that would have caught it is now in our process',
  },
  ru: { cause: 'Выяснили при разборе претензии с командой', resolution: 'Исправили и добавили в процесс проверку, которая это бы поймала' },
};

/**
 * Claims on each manager's accounts, registered and moved through the services "as of" their
 * dates, so the timeline, the audit log and the deadlines read as a year of real complaints. Its
 * own random sequence, so the rest of the demo agency stays as it was.
 */
export async function seedClaims(db: Database, services: Services, people: DemoPeople, accounts: DemoAccount[], clock: DemoClock) {
  const rnd = new DemoRandom(20261301);
  for (const [m, manager] of people.managers.entries()) {
    const own = accounts.filter((a) => a.ownerIndex === m && a.status !== 'churned' && a.status !== 'prospect');
    for (const [k, plan] of PLAN.entries()) {
      const account = own[(k * 3 + m) % own.length];
      const text = TEXTS[account.language][(k + m) % TEXTS[account.language].length];
      const input = { category: CATEGORIES[(k + m) % CATEGORIES.length], severity: plan.severity, description: text };
      clock.daysAgo(plan.daysAgo, plan.daysAgo === 0 ? 8 : rnd.int(9, 17));
      const id =
        plan.source === 'manager'
          ? (await services.claims.create(manager, { accountId: account.id, ...input })).id
          : await db.transaction().execute((t) => services.claims.register(t, null, account.id, input, plan.source));
      if (plan.final === 'received') continue;
      // Answered within hours, or (every third claim) late; resolved in days.
      const answered = k % 3 === 0 ? 2 : 0;
      clock.daysAgo(plan.daysAgo - answered, 17);
      await services.claims.moveStatus(manager, id, { status: 'in_progress' });
      if (plan.final === 'in_progress') continue;
      clock.daysAgo(Math.max(plan.daysAgo - answered - rnd.int(1, 4), 1), 15);
      const notes = NOTES[account.language];
      await services.claims.moveStatus(manager, id, {
        status: 'resolved',
        rootCause: ROOT_CAUSES[(k + m) % ROOT_CAUSES.length],
        rootCauseNote: notes.cause,
        resolution: notes.resolution,
      });
      if (plan.final === 'resolved') continue;
      if (plan.closedHow === 'staff') {
        await services.claims.moveStatus(manager, id, { status: 'closed' });
        continue;
      }
      // The client confirmed in days; an unconfirmed one closed itself after the settings' week.
      const after = plan.closedHow === 'auto' ? 7 : 2;
      clock.daysAgo(Math.max(plan.daysAgo - answered - 5 - after, 1), 12);
      await db.transaction().execute(async (t) => {
        const row = (await services.claims.repo.find(id, t))!;
        await services.claims.moveIn(t, null, row, { status: 'closed' }, undefined, null, plan.closedHow);
      });
    }
  }
  clock.daysAgo(null);
}
