/**
 * What happened to a requirement, oldest first. Each history entry holds the text and state
 * before a change; an entry whose text differs from what followed it is a change request.
 */
import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Requirement } from '@common/schemas/plan';
import { useLocale } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { useUserNames } from '../users/api';

export function RequirementHistory({ requirement }: { requirement: Requirement }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const nameOf = useUserNames(requirement.history.map((entry) => entry.changedById));
  const { history } = requirement;
  return (
    <List spacing="xs" size="sm" aria-label={t('requirements.history')}>
      {history.map((entry, i) => {
        const next = history[i + 1] ?? requirement;
        const textChanged = entry.text !== next.text;
        return (
          <List.Item key={`${entry.changedAt}-${i}`} data-testid="requirement-change">
            <Text size="sm">
              {t(textChanged ? 'requirements.changeRequest' : 'requirements.decision', {
                from: t(`requirementStatus.${entry.status}`),
                to: t(`requirementStatus.${next.status}`),
                date: formatDateTime(entry.changedAt, locale),
                name: nameOf(entry.changedById) ?? t('timeline.nobody'),
              })}
            </Text>
            {textChanged && (
              <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                {t('requirements.previousText', { text: entry.text })}
              </Text>
            )}
            {entry.note && (
              <Text size="sm" c="dimmed">
                {t('requirements.note', { note: entry.note })}
              </Text>
            )}
          </List.Item>
        );
      })}
    </List>
  );
}
