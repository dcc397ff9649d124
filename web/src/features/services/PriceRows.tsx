/** The service's prices, one row per currency: the currency and the amount per unit, typed in major units. */
import { Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { CURRENCY_CODES } from '@common/currencies';
import { RemoveRowButton } from '../../components/RemoveRowButton';
import { emptyPrice, type ServiceFormValues } from './service-form-values';

const CURRENCIES = CURRENCY_CODES.map((c) => ({ value: c, label: c }));

export function PriceRows({ form }: { form: UseFormReturnType<ServiceFormValues> }) {
  const { t } = useTranslation();
  const prices = form.values.prices;
  return (
    <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
      <Text component="legend" fw={600}>
        {t('services.prices')}
      </Text>
      {prices.map((_, i) => (
        <Group key={i} align="flex-start" gap="sm" wrap="nowrap" data-testid="price-row">
          <NativeSelect
            label={t('services.currency', { n: i + 1 })}
            required
            data={[{ value: '', label: '—' }, ...CURRENCIES]}
            {...form.getInputProps(`prices.${i}.currency`)}
          />
          <TextInput
            style={{ flex: 1 }}
            label={t('services.amount', { n: i + 1 })}
            inputMode="decimal"
            required
            {...form.getInputProps(`prices.${i}.amount`)}
          />
          {prices.length > 1 && (
            <RemoveRowButton label={t('services.removePrice', { n: i + 1 })} onClick={() => form.removeListItem('prices', i)} />
          )}
        </Group>
      ))}
      {typeof form.errors.prices === 'string' && (
        <Text size="sm" c="var(--mantine-color-error)" role="alert">
          {form.errors.prices}
        </Text>
      )}
      <Button variant="default" w="fit-content" onClick={() => form.insertListItem('prices', emptyPrice())}>
        {t('services.addPrice')}
      </Button>
    </Stack>
  );
}
