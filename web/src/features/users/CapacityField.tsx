/** A specialist's weekly capacity in whole hours, as typed on the user forms. */
import { NumberInput, type NumberInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The capacity as the API wants it; an empty field is not a number, which the shared schema refuses with its reason. */
export const toCapacity = (typed: number | string): number => (typed === '' ? Number.NaN : Number(typed));

export function CapacityField(props: NumberInputProps) {
  const { t } = useTranslation();
  return (
    <NumberInput
      label={t('people.capacity.label')}
      description={t('people.capacity.hint')}
      min={0}
      max={80}
      allowDecimal={false}
      allowNegative={false}
      // Out-of-range hours get the validation message rather than being changed silently.
      clampBehavior="none"
      {...props}
    />
  );
}
