/** What happened to a document, oldest first; each email with where its delivery stands. */
import { List, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../../components/RouteStates';
import { Section } from '../../components/Section';
import { useLocale } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { BillingBadge } from '../billing/BillingBadge';
import { documentHistoryQuery } from './api';
import { emailErrorText } from '../../lib/problems';

export function DocumentHistory({ documentId }: { documentId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const history = useQuery(documentHistoryQuery(documentId));
  return (
    <Section title={t('documents.history')}>
      {history.isPending ? (
        <PageLoader />
      ) : history.isError ? (
        <Text c="red.8">{t('errors.loadFailed')}</Text>
      ) : (
        <List spacing="xs" data-testid="document-history">
          {history.data.map((e) => (
            <List.Item key={e.id}>
              <Text size="sm">
                {formatDateTime(e.at, locale)} —{' '}
                {t(`documents.event.${e.kind}`, { number: e.number, reason: e.reason, to: e.recipients.join(', '), signer: e.signer })}
                {e.actorName ? ` (${e.actorName})` : ''}
              </Text>
              {e.email && (
                <Text size="xs" c="dimmed" component="div">
                  <BillingBadge group="emailStatus" value={e.email.status} size="sm" />{' '}
                  {e.email.status !== 'sent' && e.email.lastError
                    ? t('documents.emailError', { error: emailErrorText(e.email.lastError), attempts: e.email.attempts })
                    : null}
                </Text>
              )}
            </List.Item>
          ))}
        </List>
      )}
    </Section>
  );
}
