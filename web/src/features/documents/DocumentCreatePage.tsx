/** A new document for a client (or one of its projects), started from the registry, the account or the project page. */
import { useMemo } from 'react';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_KINDS, type DocumentKind } from '@common/enums';
import { PageHeader } from '../../components/PageHeader';
import { notify } from '../../lib/notify';
import { DocumentForm } from './DocumentForm';

const route = getRouteApi('/app/documents/new');
const isKind = (k: string | undefined): k is DocumentKind => (DOCUMENT_KINDS as readonly string[]).includes(k ?? '');

export function DocumentCreatePage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = useNavigate();
  const start = useMemo(
    () => ({ kind: isKind(search.kind) ? search.kind : undefined, accountId: search.accountId, projectId: search.projectId }),
    [search.kind, search.accountId, search.projectId],
  );
  return (
    <>
      <PageHeader title={t('documents.new')} />
      <DocumentForm
        start={start}
        onSaved={(doc) => {
          notify({ color: 'green', message: t('documents.created') });
          void navigate({ to: '/documents/$documentId', params: { documentId: doc.id } });
        }}
      />
    </>
  );
}
