/** The client company's documents that were sent to it (the server never lists drafts or internal ones), newest first. */
import { Card, Group, Stack, Text } from '@mantine/core';
import classes from './PortalShell.module.css';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '@common/schemas/document';
import { useCursorList } from '../../api/use-cursor-list';
import { AnchorLink } from '../../components/links';
import { EmptyState, ListBody } from '../../components/ListStates';
import { useLocale } from '../../i18n';
import { formatCalendarDate, formatMoney } from '../../lib/format';
import { DocumentBadge } from '../documents/DocumentBadge';
import '../acts/catalogue';
import '../documents/catalogue';

export function PortalDocuments() {
  const { t } = useTranslation();
  const locale = useLocale();
  const list = useCursorList<DocumentSummary>(['documents', 'list'], '/documents', { limit: 50 });
  return (
    <ListBody list={list} empty={<EmptyState title={t('portal.noDocumentsTitle')} body={t('portal.noDocuments')} />}>
      <Stack gap="sm">
        {list.items.map((d) => (
          <Card key={d.id} withBorder padding="sm" data-testid="portal-document">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <AnchorLink to="/portal/documents/$documentId" params={{ documentId: d.id }} fw={600}>
                {t('documents.numbered', { kind: t(`documentKind.${d.kind}`), number: d.number ?? '' })}
              </AnchorLink>
              <DocumentBadge status={d.status} />
            </Group>
            <Text size="sm" c="dimmed">
              {[d.issueDate && formatCalendarDate(d.issueDate, locale), d.totalMinor ? formatMoney(d.totalMinor, d.currency, locale) : null]
                .filter(Boolean)
                .join(' · ')}
            </Text>
            {d.can.sign && (
              <Text size="sm" className={classes.attention}>
                {t('portal.waitsForYou')}
              </Text>
            )}
          </Card>
        ))}
      </Stack>
    </ListBody>
  );
}
