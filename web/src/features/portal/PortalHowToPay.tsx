/** How the client pays: the payee and bank details the agency's invoices print, in the client's language. */
import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Details } from '../../components/Details';
import { RecordGate } from '../../components/RecordGate';
import { Section } from '../../components/Section';
import { useMe } from '../auth/session';
import { portalPaymentQuery } from './api';

export function PortalHowToPay() {
  const { t } = useTranslation();
  const me = useMe();
  const query = useQuery(portalPaymentQuery(me.user.language));
  return (
    <Section title={t('portal.invoices.howToPay')}>
      <RecordGate query={query}>
        {(p) =>
          p.bankDetails ? (
            <>
              <Text size="sm" mb="sm">
                {t('portal.invoices.howToPayIntro')}
              </Text>
              <Details
                items={[
                  [t('portal.invoices.payee'), p.payee],
                  [t('portal.invoices.bankDetails'), <span style={{ whiteSpace: 'pre-wrap' }}>{p.bankDetails}</span>],
                  ...(p.taxId ? [[t('portal.invoices.taxId'), p.taxId] as [string, string]] : []),
                  ...(p.address ? [[t('portal.invoices.address'), p.address] as [string, string]] : []),
                ]}
              />
            </>
          ) : (
            <Text size="sm" data-testid="no-bank-details">
              {t('portal.invoices.noBankDetails')}
            </Text>
          )
        }
      </RecordGate>
    </Section>
  );
}
