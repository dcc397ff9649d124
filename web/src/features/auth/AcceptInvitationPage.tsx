/** The page an invitation to the client portal opens: the contact chooses a password and lands in the portal. */
import { useTranslation } from 'react-i18next';
import type { InvitationPreview } from '@common/schemas/access-links';
import type { Me } from '@common/schemas/auth';
import { api } from '../../api/client';
import { useEnterApp } from './AuthLayout';
import { ChoosePasswordForm } from './ChoosePasswordForm';
import { EmailedLink, SignInLink } from './EmailedLink';

export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const enterApp = useEnterApp();
  return (
    <EmailedLink<InvitationPreview> kind="invitation" previewPath="/auth/invitations/preview" problemActions={<SignInLink />}>
      {(preview, token) => (
        <ChoosePasswordForm
          kind="invitation"
          title={t('invitation.title', { name: preview.name })}
          intro={t('invitation.intro', { account: preview.accountName, email: preview.email })}
          owner={preview}
          submitLabel={t('invitation.submit')}
          problemActions={<SignInLink />}
          onChosen={async (password) => enterApp(await api.post<Me>('/auth/invitations/accept', { token, password }))}
        />
      )}
    </EmailedLink>
  );
}
