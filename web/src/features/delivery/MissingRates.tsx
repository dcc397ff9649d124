/** Why a project's budget used is unknown: roles with hours but no rate in the project's currency. */
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { roleLabel } from '../tasks/labels';

export function MissingRates({ roles, currency }: { roles: string[]; currency: string }) {
  const { t, i18n } = useTranslation();
  const names = new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(
    roles.map((r) => (i18n.language === 'ru' ? `«${roleLabel(t, r)}»` : roleLabel(t, r))),
  );
  return (
    <Text size="sm" c="var(--mantine-color-error)" data-testid="missing-rates">
      {t('signals.noRate', { count: roles.length, currency, roles: names })}
    </Text>
  );
}
