/** The account page's requests: the client's thread with the agency, and the box to answer in. */
import { useTranslation } from 'react-i18next';
import { RequestsPanel } from './RequestsPanel';

export function AccountRequests({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  return (
    <RequestsPanel
      accountId={accountId}
      intro={t('requests.accountIntro')}
      empty={t('requests.emptyAccount')}
      composerLabel={t('requests.composerAccount')}
    />
  );
}
