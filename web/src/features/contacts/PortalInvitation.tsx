/**
 * A contact's invitation to the client portal: where it stands (invited, accepted, expired…)
 * and the button that sends one, shown from `contact.can.invite`. Sending says so in a toast.
 */
import { Button, Text } from '@mantine/core';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ContactInvitation, PortalInvitation } from '@common/schemas/access-links';
import type { Contact } from '@common/schemas/contact';
import { api } from '../../api/client';
import { describeError } from '../../components/describe-error';
import { useLocale } from '../../i18n';
import { formatDate } from '../../lib/format';
import { notify } from '../../lib/notify';

const invitationQuery = (contactId: string) =>
  queryOptions({
    queryKey: ['contacts', contactId, 'invitation'],
    queryFn: () => api.get<ContactInvitation>(`/contacts/${contactId}/invitation`),
  });

/** The invitation's state in words, for the contact's details. */
export function PortalInvitationState({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const query = useQuery(invitationQuery(contact.id));
  if (!query.data) return query.isPending ? <Text size="sm">{t('common.loading')}</Text> : null;
  const invitation = query.data.invitation;
  const text = invitation
    ? t(`portalInvite.${invitation.status}`, {
        date: formatDate(invitation.acceptedAt ?? invitation.invitedAt, locale),
        expires: formatDate(invitation.expiresAt, locale),
      })
    : t('portalInvite.none');
  return (
    <Text data-testid="portal-invitation" data-status={invitation?.status ?? 'none'}>
      {contact.email || invitation ? text : t('portalInvite.needsEmail')}
    </Text>
  );
}

/** "Invite to portal", or "Invite again" once the contact has been invited. */
export function InviteToPortalButton({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const query = useQuery(invitationQuery(contact.id));
  const invite = useMutation({
    mutationFn: () => api.post<PortalInvitation>(`/contacts/${contact.id}/invite`),
    onSuccess: (invitation) => {
      queryClient.setQueryData(invitationQuery(contact.id).queryKey, { invitation });
      void queryClient.invalidateQueries({ queryKey: ['timeline', contact.accountId] });
      notify({ color: 'green', message: t('portalInvite.sent', { email: invitation.email }) });
    },
    onError: (e) => notify({ color: 'red', title: t('portalInvite.failed'), message: describeError(e, t) }),
  });
  if (!contact.can.invite || !contact.email) return null;
  return (
    <Button variant="default" loading={invite.isPending} onClick={() => invite.mutate()}>
      {query.data?.invitation ? t('portalInvite.inviteAgain') : t('portalInvite.invite')}
    </Button>
  );
}
