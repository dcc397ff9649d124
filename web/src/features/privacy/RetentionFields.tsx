/** How long interactions are kept: for good, for a number of years, or (an account) as the agency says. */
import { NumberInput, Radio, Stack } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { MAX_RETENTION_YEARS } from '@common/schemas/privacy';
import type { RetentionMode, RetentionValues } from './retention-form';

export function RetentionFields({
  form,
  modes,
  inheritLabel,
}: {
  form: UseFormReturnType<RetentionValues>;
  modes: RetentionMode[];
  inheritLabel?: string;
}) {
  const { t } = useTranslation();
  const label = (m: RetentionMode) => (m === 'inherit' ? (inheritLabel ?? '') : t(`privacy.retention.${m}`));
  return (
    <Stack gap="sm">
      <Radio.Group label={t('privacy.retention.label')} description={t('privacy.retention.help')} {...form.getInputProps('mode')}>
        <Stack gap="xs" mt="xs">
          {modes.map((m) => (
            <Radio key={m} value={m} label={label(m)} />
          ))}
        </Stack>
      </Radio.Group>
      {form.values.mode === 'years' && (
        <NumberInput
          label={t('privacy.retention.years')}
          min={1}
          max={MAX_RETENTION_YEARS}
          allowDecimal={false}
          w={160}
          {...form.getInputProps('years')}
        />
      )}
    </Stack>
  );
}
