import type { Language, ServiceUnit, WorkKind } from '../../../common/enums.js';
import { addDays } from '../../lib/dates.js';
import { textIn, type CatalogEntry } from '../catalog/index.js';

/** A catalog service as sold: the entry and how many of its unit. */
export interface SoldService {
  entry: CatalogEntry;
  quantity: number;
}

export interface PlannedMilestone {
  title: string;
  dueDate: string;
}

export interface PlannedTask {
  title: string;
  role: string;
  hours: number;
  /** Index into the plan's milestones, or null for a task of no milestone. */
  milestone: number | null;
  dueDate: string | null;
  /** The service it comes from, for messages. */
  serviceName: string;
}

export interface DeliveryPlan {
  kind: WorkKind;
  milestones: PlannedMilestone[];
  tasks: PlannedTask[];
  /** The last milestone's date: the project's due date (null without milestones). */
  dueDate: string | null;
}

/** Milestone titles are at most this long (the milestones' own limit). */
const TITLE_MAX = 200;

/**
 * Units whose quantity multiplies the template's hours: 40 hours or 3 pieces of a service are
 * that much more of its work. A month or a project is the engagement the template already
 * describes, so its quantity repeats nothing.
 */
export const SCALED_UNITS: readonly ServiceUnit[] = ['hour', 'piece'];

/** The template's hours for the quantity sold, to the hundredth. */
export const scaledHours = (hours: number, unit: ServiceUnit, quantity: number): number =>
  SCALED_UNITS.includes(unit) ? Math.round(hours * quantity * 100) / 100 : hours;

/**
 * The project's plan from the services' delivery templates, in the order sold: milestones due
 * `offsetDays` calendar days after the start (as milestones are dated everywhere: by calendar
 * date), each task due with its milestone. Titles are written in `language` (or the template's
 * other language when it has only that). When several services are combined, a milestone title
 * more than one of them uses is prefixed with its service's name ("SEO audit — Report"), and
 * numbered should the same service be sold twice.
 */
export function planDelivery(sold: readonly SoldService[], startDate: string, language: Language): DeliveryPlan {
  const named = sold.map((s) => ({ ...s, name: textIn(s.entry.name, language) ?? s.entry.id }));
  const sharedTitles = titlesOfSeveral(named.map((s) => s.entry.template.milestones.map((m) => text(m.title, language))));
  const taken = new Map<string, number>();
  const milestones: PlannedMilestone[] = [];
  const tasks: PlannedTask[] = [];
  for (const { entry, quantity, name } of named) {
    const indexByKey = new Map<string, number>();
    for (const m of entry.template.milestones) {
      let title = text(m.title, language);
      if (named.length > 1 && sharedTitles.has(title)) {
        const prefixed = `${name} — ${title}`;
        const n = (taken.get(prefixed) ?? 0) + 1;
        taken.set(prefixed, n);
        title = n > 1 ? `${prefixed} (${n})` : prefixed;
      }
      indexByKey.set(m.key, milestones.length);
      milestones.push({ title: title.slice(0, TITLE_MAX), dueDate: addDays(startDate, m.offsetDays) });
    }
    for (const task of entry.template.tasks) {
      const milestone = task.milestoneKey ? (indexByKey.get(task.milestoneKey) ?? null) : null;
      tasks.push({
        title: text(task.title, language),
        role: task.role,
        hours: scaledHours(task.hours, entry.unit, quantity),
        milestone,
        dueDate: milestone === null ? null : milestones[milestone].dueDate,
        serviceName: name,
      });
    }
  }
  const kinds = new Set(sold.map((s) => s.entry.workKind));
  return {
    kind: kinds.size === 1 ? [...kinds][0] : 'other',
    milestones,
    tasks,
    dueDate: milestones.reduce<string | null>((last, m) => (last && last > m.dueDate ? last : m.dueDate), null),
  };
}

const text = (t: { en: string | null; ru: string | null }, language: Language) => textIn(t, language) ?? '';

/** Titles that appear in the lists of more than one service. */
function titlesOfSeveral(lists: string[][]): Set<string> {
  const seenIn = new Map<string, number>();
  for (const list of lists) for (const title of new Set(list)) seenIn.set(title, (seenIn.get(title) ?? 0) + 1);
  return new Set([...seenIn].filter(([, n]) => n > 1).map(([title]) => title));
}
