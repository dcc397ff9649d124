/** A claim's deadline: its time, and what is left (or that it was missed, in the error colour). */
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { deadlineState } from './deadline';

interface Props {
  by: string;
  done: string | null;
  breached: boolean;
}

export function Deadline({ by, done, breached }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const state = deadlineState(by, done, breached, Date.now());
  const status =
    state.kind === 'missed'
      ? t('claims.missed')
      : state.kind === 'met'
        ? t('claims.met')
        : t(`claims.left.${state.unit}`, { count: state.count });
  return (
    <Text size="sm" c={state.kind === 'missed' ? 'var(--mantine-color-error)' : undefined} data-breached={breached || undefined}>
      {formatDateTime(by, locale)}
      <Text span size="xs" c={state.kind === 'missed' ? undefined : 'dimmed'} fw={state.kind === 'missed' ? 700 : undefined}>
        {` · ${status}`}
      </Text>
    </Text>
  );
}
