/** One contact: who they are, their account, and every interaction with them. */
import { Anchor, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AnchorLink, ButtonLink } from '../../components/links';
import { Details } from '../../components/Details';
import { ExportMenu } from '../../components/ExportMenu';
import { PageHeader } from '../../components/PageHeader';
import { RecordGate } from '../../components/RecordGate';
import { Section } from '../../components/Section';
import { useMe } from '../auth/session';
import { ContactNotifications } from '../notifications/ContactNotifications';
import { ContactPrivacyActions } from '../privacy/ContactPrivacyActions';
import { LogInteractionForm } from '../timeline/LogInteractionForm';
import { ContactInteractions } from '../timeline/Timeline';
import { contactName, contactQuery } from './api';
import { InviteToPortalButton, PortalInvitationState } from './PortalInvitation';

const route = getRouteApi('/app/contacts/$contactId');

export function ContactPage() {
  const { t } = useTranslation();
  const { contactId } = route.useParams();
  const query = useQuery(contactQuery(contactId));
  const isAdmin = useMe().user.role === 'admin';

  return (
    <RecordGate query={query}>
      {(contact) => (
        <Stack gap="lg">
          <PageHeader title={contactName(contact)}>
            <InviteToPortalButton contact={contact} />
            {contact.can.update && (
              <ButtonLink to="/contacts/$contactId/edit" params={{ contactId }} variant="default">
                {t('common.edit')}
              </ButtonLink>
            )}
          </PageHeader>
          <Section title={t('contacts.details')}>
            <Details
              items={[
                [
                  t('fields.account'),
                  <AnchorLink to="/accounts/$accountId" params={{ accountId: contact.accountId }}>
                    {contact.accountName}
                  </AnchorLink>,
                ],
                [t('fields.position'), contact.position],
                [t('fields.decisionRole'), contact.decisionRole && t(`decisionRole.${contact.decisionRole}`)],
                [t('fields.email'), contact.email && <Anchor href={`mailto:${contact.email}`}>{contact.email}</Anchor>],
                [t('fields.phone'), contact.phone],
                [t('fields.portalAccess'), contact.portalAccess ? t('common.yes') : t('common.no')],
                [t('portalInvite.label'), <PortalInvitationState contact={contact} />],
                [t('contactReports.receivesReports'), contact.receivesReports ? t('common.yes') : t('common.no')],
                [t('contactReports.language'), contact.language ? t(`languages.${contact.language}`) : t('contactReports.accountLanguage')],
              ]}
            />
          </Section>
          <ContactNotifications contact={contact} />
          <Section
            title={t('timeline.interactions')}
            actions={<ExportMenu path="/interactions" query={{ contactId: contact.id }} label={t('exports.interactions')} />}
          >
            <Stack gap="md">
              {contact.can.logInteraction && <LogInteractionForm accountId={contact.accountId} contactIds={[contact.id]} />}
              <ContactInteractions contactId={contact.id} />
            </Stack>
          </Section>
          {isAdmin && <ContactPrivacyActions contact={contact} />}
        </Stack>
      )}
    </RecordGate>
  );
}
