import type { Service } from '../../../common/schemas/service.js';
import { withRecordMeta } from '../../lib/presenter.js';
import { serviceAbilities, type Actor } from '../access/index.js';
import type { ServiceParts, ServiceRow } from './catalog.repository.js';
import { fromColumns } from './catalog.texts.js';

/** A service as other modules use it (proposals price lines from it, projects follow its template): the record without `can`. */
export type CatalogEntry = Omit<Service, 'can'>;

/** The service with its prices and template, from its row and parts. */
export function presentEntry(r: ServiceRow, parts: ServiceParts): CatalogEntry {
  return withRecordMeta(r, {
    name: fromColumns(r, 'name'),
    description: fromColumns(r, 'description'),
    workKind: r.work_kind,
    unit: r.unit,
    active: Boolean(r.active),
    prices: parts.prices.map((p) => ({ currency: p.currency, amountMinor: p.amount_minor })),
    template: {
      milestones: parts.milestones.map((m) => ({ key: m.key, title: fromColumns(m, 'title'), offsetDays: m.offset_days })),
      tasks: parts.tasks.map((t) => ({ title: fromColumns(t, 'title'), role: t.role, hours: t.hours, milestoneKey: t.milestone_key })),
    },
  });
}

/** The service as `actor` sees it, with what they may do with it. */
export const presentService = (r: ServiceRow, parts: ServiceParts, actor: Actor): Service =>
  Object.assign(presentEntry(r, parts), { can: serviceAbilities(actor, r) });

/** The price of a service per unit in the currency, or null when it has none in it (no conversion between currencies). */
export const priceIn = (entry: Pick<CatalogEntry, 'prices'>, currency: string): number | null =>
  entry.prices.find((p) => p.currency === currency)?.amountMinor ?? null;
