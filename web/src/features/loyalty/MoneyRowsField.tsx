/** Amounts per currency as rows (currency, amount typed in major units), with add and remove. */
import { Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import type { FormArrayElement, UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { CURRENCY_CODES } from '@common/currencies';
import { RemoveRowButton } from '../../components/RemoveRowButton';
import { emptyMoneyRow, type MoneyRow } from './money-rows';

const CURRENCIES = CURRENCY_CODES.map((c) => ({ value: c, label: c }));

interface Props<V extends Record<P, MoneyRow[]>, P extends string> {
  form: UseFormReturnType<V>;
  path: P;
  legend: string;
  description?: string;
  /** Keep at least one row (a fixed reward needs an amount). */
  minRows?: number;
}

export function MoneyRowsField<V extends Record<P, MoneyRow[]>, P extends string>({
  form,
  path,
  legend,
  description,
  minRows = 0,
}: Props<V, P>) {
  const { t } = useTranslation();
  const rows = form.getValues()[path];
  const listError = form.errors[path];
  return (
    <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
      <Text component="legend" fw={600} size="sm">
        {legend}
      </Text>
      {description && (
        <Text size="xs" c="dimmed">
          {description}
        </Text>
      )}
      {rows.map((_, i) => (
        <Group key={i} align="flex-start" gap="sm" wrap="nowrap" data-testid="money-row">
          <NativeSelect
            label={t('loyalty.form.currency', { n: i + 1 })}
            data={CURRENCIES}
            {...form.getInputProps(`${path}.${i}.currency`)}
          />
          <TextInput
            style={{ flex: 1 }}
            label={t('loyalty.form.amount', { n: i + 1 })}
            inputMode="decimal"
            required
            {...form.getInputProps(`${path}.${i}.amount`)}
          />
          {rows.length > minRows && (
            <RemoveRowButton label={t('loyalty.form.removeAmount', { n: i + 1 })} onClick={() => form.removeListItem(path, i)} />
          )}
        </Group>
      ))}
      {typeof listError === 'string' && (
        <Text size="sm" c="var(--mantine-color-error)" role="alert">
          {listError}
        </Text>
      )}
      <Button
        variant="default"
        size="xs"
        w="fit-content"
        onClick={() => form.insertListItem(path, emptyMoneyRow() as FormArrayElement<V, P>)}
      >
        {t('loyalty.form.addAmount')}
      </Button>
    </Stack>
  );
}
