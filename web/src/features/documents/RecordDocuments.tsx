/** The documents of one account or project, on its page, with a way to start one where the account allows it. */
import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '@common/schemas/document';
import { useCursorList } from '../../api/use-cursor-list';
import { ButtonLink } from '../../components/links';
import { ListBody } from '../../components/ListStates';
import { Section } from '../../components/Section';
import { accountQuery } from '../accounts/api';
import { DocumentsTable } from './DocumentsTable';
import './catalogue';

export function RecordDocuments({ accountId, projectId }: { accountId: string; projectId?: string }) {
  const { t } = useTranslation();
  const query = projectId ? { projectId, limit: 20 } : { accountId, limit: 20 };
  const list = useCursorList<DocumentSummary>(['documents', 'list'], '/documents', query);
  // The account says whether the user may draft for it (the account page has it loaded already).
  const account = useQuery(accountQuery(accountId));
  const canCreate = account.data?.can.createDocument ?? false;
  return (
    <Section
      title={t('documents.title')}
      actions={
        canCreate && (
          <ButtonLink size="xs" to="/documents/new" search={projectId ? { accountId, projectId } : { accountId }}>
            {t('documents.new')}
          </ButtonLink>
        )
      }
    >
      <ListBody list={list} empty={<Text c="dimmed">{t('documents.noneHere')}</Text>}>
        <DocumentsTable documents={list.items} showAccount={false} />
      </ListBody>
    </Section>
  );
}
