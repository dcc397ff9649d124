/** The client's requests: their company's thread with the agency, where they write to their account manager. */
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { PortalShell } from '../portal/PortalShell';
import { RequestsPanel } from './RequestsPanel';

export function PortalRequestsPage() {
  const { t } = useTranslation();
  return (
    <PortalShell>
      <PageHeader title={t('requests.title')} />
      <RequestsPanel intro={t('requests.portalIntro')} empty={t('requests.emptyPortal')} composerLabel={t('requests.composerPortal')} />
    </PortalShell>
  );
}
