import { renderMessage } from '../../../common/messages/index.js';
import type { ActBasis, Language } from '../../../common/enums.js';
import { conflict } from '../../lib/errors.js';
import type { ScaledLine } from '../../lib/lines.js';
import { pricedAs, rateFor, type RoleRates } from '../../../common/role-rates.js';
import type { WorkMilestone, WorkTask } from './act.repository.js';

/** What an act is priced from, and in which currency and language its lines are worded. */
export interface ActWork {
  basis: ActBasis;
  currency: string;
  language: Language;
  rates: RoleRates;
  tasks: WorkTask[];
  milestones: WorkMilestone[];
  /** Lines per milestone and role (an act for chosen milestones) rather than per role. */
  byMilestone: boolean;
}

/** Hours as whole thousandths (a line's quantity unit), so sums never drift. */
const milliHours = (hours: number) => Math.round(hours * 1000);

/**
 * The act's lines from delivered work. By hours: one line per role (per milestone and role
 * for chosen milestones), the hours spent at the role's rate in the project's currency; a
 * role without a rate in that currency stops the act (409 naming both), it is never a free
 * line. By milestones: one line per milestone at its fixed price; one without a price stops it.
 */
export function actLines(w: ActWork): ScaledLine[] {
  if (w.basis === 'milestones') {
    return w.milestones.map((m) => {
      if (m.price_minor === null) throw conflict('act.milestone_price', { title: m.title });
      return { description: m.title, quantityMilli: 1000, unitPriceMinor: m.price_minor, taxBasisPoints: 0 };
    });
  }
  const groups = new Map<string, { role: string; milestone: string | null; milli: number }>();
  for (const task of w.tasks) {
    const role = task.role ?? 'other';
    const milestone = w.byMilestone ? task.milestone_title : null;
    const key = JSON.stringify([task.milestone_id && w.byMilestone ? task.milestone_id : null, role]);
    const group = groups.get(key) ?? { role, milestone, milli: 0 };
    group.milli += milliHours(task.spent_hours);
    groups.set(key, group);
  }
  return [...groups.values()]
    .filter((g) => g.milli > 0)
    .map((g) => {
      const rate = rateFor(w.rates, g.role, w.currency);
      if (rate === null) throw conflict('act.missing_rate', { role: pricedAs(w.rates, g.role), currency: w.currency });
      const description = g.milestone
        ? renderMessage('act.line_milestone_hours', { milestone: g.milestone, role: g.role }, w.language)
        : renderMessage('act.line_hours', { role: g.role }, w.language);
      return { description, quantityMilli: g.milli, unitPriceMinor: rate, taxBasisPoints: 0 };
    });
}
