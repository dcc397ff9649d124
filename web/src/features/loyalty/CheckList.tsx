/** An evaluation's checks, one line each with the account's figure, the threshold and whether it passed. */
import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TierCheck } from '@common/schemas/loyalty';
import { checkWords } from './tier-words';

export function CheckList({ checks, label }: { checks: TierCheck[]; label: string }) {
  const { t, i18n } = useTranslation();
  return (
    <List size="sm" spacing={2} aria-label={label} listStyleType="none">
      {checks.map((c, i) => (
        <List.Item key={`${c.tierId}-${c.rule}-${c.currency ?? ''}-${i}`} data-testid="loyalty-check" data-passed={c.passed}>
          <Text span size="sm" c={c.passed ? undefined : 'var(--mantine-color-error)'} fw={c.near ? 600 : undefined}>
            {checkWords(c, i18n.language)}
            {c.near && ` — ${t('loyalty.account.close')}`}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}
