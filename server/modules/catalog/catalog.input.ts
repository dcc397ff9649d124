import type { z } from 'zod';
import type { Language } from '../../../common/enums.js';
import type { DeliveryTemplateInputSchema, ServicePriceSchema } from '../../../common/schemas/service.js';
import type { NewParts } from './catalog.repository.js';
import { InputCheck, localized, toColumns } from './catalog.texts.js';

type TemplateInput = z.output<typeof DeliveryTemplateInputSchema>;
type PriceInput = z.output<typeof ServicePriceSchema>;

/** Prices as rows, in the order given. */
export const priceRows = (prices: PriceInput[]): NonNullable<NewParts['prices']> =>
  prices.map((p, position) => ({ position, currency: p.currency, amount_minor: p.amountMinor }));

/** The template as rows, in the order given. */
export const templateRows = (template: TemplateInput): Pick<NewParts, 'milestones' | 'tasks'> => ({
  milestones: template.milestones.map((m, position) => ({
    key: m.key,
    position,
    offset_days: m.offsetDays,
    ...toColumns('title', localized(m.title)),
  })),
  tasks: template.tasks.map((t, position) => ({
    position,
    role: t.role,
    hours: t.hours,
    milestone_key: t.milestoneKey ?? null,
    ...toColumns('title', localized(t.title)),
  })),
});

/**
 * What the schema cannot know: every milestone and task has its title in the agency's language,
 * and every task names a specialist role in use.
 */
export function checkTemplate(check: InputCheck, template: TemplateInput, roles: readonly string[]): void {
  template.milestones.forEach((m, i) => check.requireText(`template.milestones.${i}.title`, localized(m.title), 'service.title_required'));
  template.tasks.forEach((t, i) => {
    check.requireText(`template.tasks.${i}.title`, localized(t.title), 'service.title_required');
    if (!roles.includes(t.role)) check.add({ field: `template.tasks.${i}.role`, code: 'task.unknown_role', params: { roles: [...roles] } });
  });
}

export const newCheck = (language: Language) => new InputCheck(language);
