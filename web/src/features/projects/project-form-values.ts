/** Converting between a project and the values its form edits. */
import type { z } from 'zod';
import type { ProjectCreateSchema, Project } from '@common/schemas/project';
import type { ActBasis, REPORT_SCHEDULES, WORK_KINDS } from '@common/enums';
import i18n from '../../i18n';
import type { Conversion } from '../../lib/forms';
import { minorToDecimal, parseMoney } from '../../lib/format';

export type ProjectCreate = z.input<typeof ProjectCreateSchema>;

export interface ProjectFormValues {
  accountId: string;
  name: string;
  kind: (typeof WORK_KINDS)[number];
  stage: 'brief' | 'planning';
  startDate: string;
  dueDate: string;
  /** The budget as typed, in major units ("12000.00"); the API wants minor units. */
  budget: string;
  currency: string;
  reportSchedule: (typeof REPORT_SCHEDULES)[number];
  actBasis: ActBasis;
}

/** API field names that the form calls differently. */
export const PROJECT_FIELD_RENAMES = { budgetMinor: 'budget' };

// Reads a budget typed before a currency is chosen: most currencies have cents.
const FALLBACK_CURRENCY = 'EUR';

export function projectToValues(project: Project | undefined, accountId = ''): ProjectFormValues {
  return {
    accountId: project?.accountId ?? accountId,
    name: project?.name ?? '',
    kind: project?.kind ?? 'other',
    stage: 'brief',
    startDate: project?.startDate ?? '',
    dueDate: project?.dueDate ?? '',
    budget: project?.budgetMinor == null ? '' : minorToDecimal(project.budgetMinor, project.currency),
    currency: project?.currency ?? '',
    reportSchedule: project?.reportSchedule ?? 'none',
    actBasis: project?.actBasis ?? 'hours',
  };
}

/** The API body for the values; a budget that is not an amount is reported on its field. */
export function valuesToProject(values: ProjectFormValues, locale: string): Conversion<ProjectCreate> {
  const currency = values.currency.trim().toUpperCase();
  const budgetMinor = parseMoney(values.budget, currency || FALLBACK_CURRENCY, locale);
  return {
    payload: {
      accountId: values.accountId,
      name: values.name,
      kind: values.kind,
      stage: values.stage,
      startDate: values.startDate || null,
      dueDate: values.dueDate || null,
      budgetMinor: budgetMinor ?? null,
      // Left empty, the server uses the account's currency.
      currency: currency || undefined,
      reportSchedule: values.reportSchedule,
      actBasis: values.actBasis,
    },
    errors: budgetMinor === undefined ? { budget: i18n.t('accounts.badAmount') } : undefined,
  };
}
