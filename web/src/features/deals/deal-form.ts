/** A deal's form values and their conversion to the API's body, shared by the deal dialog and the meeting form. */
import type { FormErrors } from '@mantine/form';
import type { TFunction } from 'i18next';
import type { DealOpenStage } from '@common/enums';
import type { Deal } from '@common/schemas/deal';
import { minorToDecimal, parseMoney } from '../../lib/format';

export interface DealValues {
  title: string;
  amount: string;
  currency: string;
  stage: DealOpenStage;
  /** Empty: the stage's default. */
  probability: string;
  expectedCloseDate: string;
  nextStep: string;
  nextStepDue: string;
  /** Empty: whoever opens the deal. */
  ownerId: string;
}

export const newDealValues = (currency: string): DealValues => ({
  title: '',
  amount: '',
  currency,
  stage: 'qualified',
  probability: '',
  expectedCloseDate: '',
  nextStep: '',
  nextStepDue: '',
  ownerId: '',
});

export const dealValues = (d: Deal): DealValues => ({
  title: d.title,
  amount: minorToDecimal(d.amount, d.currency),
  currency: d.currency,
  stage: d.state === 'open' ? (d.stage as DealOpenStage) : 'qualified',
  probability: String(d.probability),
  expectedCloseDate: d.expectedCloseDate,
  nextStep: d.nextStep ?? '',
  nextStepDue: d.nextStepDue ?? '',
  ownerId: d.ownerId,
});

/** The body fields a deal's form gives, and an error for an amount that is not one. */
export function dealPayload(v: DealValues, locale: string, t: TFunction) {
  const amount = parseMoney(v.amount, v.currency, locale);
  const errors: FormErrors = amount === undefined || amount === null ? { amount: t('deals.badAmount') } : {};
  const probability = v.probability.trim() === '' ? undefined : Number(v.probability);
  return {
    errors,
    payload: {
      title: v.title,
      amount: amount ?? 0,
      currency: v.currency.trim().toUpperCase(),
      stage: v.stage,
      probability,
      expectedCloseDate: v.expectedCloseDate,
      nextStep: v.nextStep,
      nextStepDue: v.nextStepDue,
      ownerId: v.ownerId || undefined,
    },
  };
}
