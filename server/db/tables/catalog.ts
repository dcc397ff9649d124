import type { Generated } from 'kysely';
import type { ServiceUnit, WorkKind } from '../../../common/enums.js';

/** Tables of the service catalog (migration 0025_service_catalog). */

/** A service the agency sells; texts per language, null where not written. */
export interface ServicesTable {
  id: string;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
  name_en: string | null;
  name_ru: string | null;
  description_en: string | null;
  description_ru: string | null;
  sort_name: string;
  search_text: string;
  work_kind: WorkKind;
  unit: ServiceUnit;
  active: Generated<number>;
}

/** A service's price in one currency, minor units per unit. */
export interface ServicePricesTable {
  service_id: string;
  position: number;
  currency: string;
  amount_minor: number;
}

/** A milestone of a service's delivery template, `offset_days` after the project starts. */
export interface ServiceMilestonesTable {
  service_id: string;
  key: string;
  position: number;
  title_en: string | null;
  title_ru: string | null;
  offset_days: number;
}

/** A task of a service's delivery template: work of a specialist role, estimated in hours. */
export interface ServiceTasksTable {
  service_id: string;
  position: number;
  title_en: string | null;
  title_ru: string | null;
  role: string;
  hours: number;
  milestone_key: string | null;
}

export interface CatalogTables {
  services: ServicesTable;
  service_prices: ServicePricesTable;
  service_milestones: ServiceMilestonesTable;
  service_tasks: ServiceTasksTable;
}
