import type { Language } from '../../../common/messages/index.js';
import type { HealthGrade } from '../../../common/schemas/health.js';
import type { Database } from '../../db/database.js';
import { addDays } from '../../lib/dates.js';
import { agendaAccountScope } from '../access/index.js';
import type { AgendaEntry, AgendaProvider, AgendaScope } from '../today/index.js';
import { wordFact } from './health.presenter.js';
import type { HealthSettingsService } from './health.settings.js';
import type { StoredComponent } from './health.snapshots.js';

/** How far back the latest snapshot is compared. */
const WINDOW_DAYS = 7;
/** Components scoring under this are named as the reasons of a fall. */
const WEAK = 70;

interface Point {
  account_id: string;
  account_name: string;
  day: string;
  score: number | null;
  grade: HealthGrade | null;
}

/** Whether the account's latest snapshot fell: the best of the week before it, or the last day it was not at risk. */
export function fallOf(points: Point[], dropPoints: number) {
  const latest = points[points.length - 1];
  if (latest.score === null) return null;
  const before = points.slice(0, -1).filter((p) => p.score !== null && p.day >= addDays(latest.day, -WINDOW_DAYS));
  const peak = before.reduce<Point | null>((best, p) => (best && best.score! >= p.score! ? best : p), null);
  if (peak && peak.score! - latest.score >= dropPoints) return { kind: 'drop' as const, from: peak, latest };
  const safe = [...before].reverse().find((p) => p.grade !== 'at_risk');
  if (latest.grade === 'at_risk' && safe) return { kind: 'at_risk' as const, from: safe, latest };
  return null;
}

/** The first fact of each weak component, weakest first, worded for the reader. */
function why(components: StoredComponent[], language: Language): string {
  const weak = components
    .filter((c) => c.score !== null && c.score < WEAK && c.facts.length > 0)
    .sort((a, b) => a.score! - b.score!)
    .slice(0, 3);
  return weak.map((c) => wordFact(c.facts[0], language).text).join('; ');
}

/**
 * Today's health items: an account whose latest snapshot fell by the setting's points within a
 * week, or entered "at risk", is on its owner's Today with the reasons in words. Two queries:
 * the week's scores of the subject's accounts, then the components of those that fell.
 */
export function healthAgenda(db: Database, settings: HealthSettingsService): AgendaProvider {
  return {
    name: 'health',
    kinds: ['health_drop'],
    async entries(scope: AgendaScope): Promise<AgendaEntry[]> {
      const accounts = agendaAccountScope(scope.subject, 'relationship');
      if (!accounts) return [];
      const [points, { dropPoints }] = await Promise.all([
        db
          .selectFrom('health_snapshots')
          .innerJoin('accounts', 'accounts.id', 'health_snapshots.account_id')
          .select([
            'health_snapshots.account_id',
            'accounts.name as account_name',
            'health_snapshots.day',
            'health_snapshots.score',
            'health_snapshots.grade',
          ])
          .where('health_snapshots.day', '>=', addDays(scope.today, -WINDOW_DAYS - 1))
          .where('health_snapshots.day', '<=', scope.today)
          .where((eb) => accounts(eb, 'health_snapshots.account_id'))
          .orderBy('health_snapshots.account_id')
          .orderBy('health_snapshots.day')
          .execute(),
        settings.load(),
      ]);
      const byAccount = new Map<string, Point[]>();
      for (const p of points) byAccount.set(p.account_id, [...(byAccount.get(p.account_id) ?? []), p]);
      const falls = [...byAccount.values()].flatMap((ps) => fallOf(ps, dropPoints) ?? []);
      if (falls.length === 0) return [];
      const latest = await db
        .selectFrom('health_snapshots')
        .select(['account_id', 'components'])
        .where((eb) => eb.or(falls.map((f) => eb.and([eb('account_id', '=', f.latest.account_id), eb('day', '=', f.latest.day)]))))
        .execute();
      const components = new Map(latest.map((r) => [r.account_id, JSON.parse(r.components) as StoredComponent[]]));
      return falls.map((f): AgendaEntry => {
        const id = f.latest.account_id;
        const params = { from: f.from.score, to: f.latest.score, why: why(components.get(id) ?? [], scope.language) };
        return {
          key: `health-${f.kind}:${id}:${f.from.day}`,
          kind: 'health_drop',
          severity: f.latest.grade === 'at_risk' ? 'high' : 'medium',
          due: f.latest.day,
          account: { id, name: f.latest.account_name },
          record: { type: 'account', id, path: `/accounts/${id}?tab=health` },
          reason: [f.kind === 'drop' ? 'health.reason.drop' : 'health.reason.at_risk', params],
        };
      });
    },
  };
}
