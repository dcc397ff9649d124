/** Changing a draft; once sent, a document is frozen and this page is "not found". */
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { EditRecord } from '../../components/EditRecord';
import { notify } from '../../lib/notify';
import { documentQuery } from './api';
import { DocumentForm } from './DocumentForm';

const route = getRouteApi('/app/documents/$documentId/edit');

export function DocumentEditPage() {
  const { t } = useTranslation();
  const { documentId } = route.useParams();
  const navigate = useNavigate();
  const query = useQuery(documentQuery(documentId));
  return (
    <EditRecord query={query} editable={(doc) => doc.can.update} title={() => t('documents.edit')}>
      {(doc, reload) => (
        <DocumentForm
          document={doc}
          onReload={reload}
          onSaved={() => {
            notify({ color: 'green', message: t('documents.saved') });
            void navigate({ to: '/documents/$documentId', params: { documentId } });
          }}
        />
      )}
    </EditRecord>
  );
}
