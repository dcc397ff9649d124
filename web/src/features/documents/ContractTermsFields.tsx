/** A contract's term and renewal: when it starts and ends (its end drives the owner's reminders), what happens then, and the contract it renews. */
import { NativeSelect, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CONTRACT_RENEWALS } from '@common/enums';
import type { DocumentSummary } from '@common/schemas/document';
import { api, type Page } from '../../api/client';
import type { DocumentFormValues } from './document-form-values';

/** The account's other contracts this one may renew or replace. */
function useAccountContracts(accountId: string, except: string | undefined) {
  return useQuery({
    queryKey: ['documents', 'contracts-of', accountId],
    queryFn: () => api.get<Page<DocumentSummary>>('/documents', { accountId, kind: 'contract', limit: 100 }),
    enabled: Boolean(accountId),
    select: (page) => page.items.filter((d) => d.id !== except && d.status !== 'draft'),
  });
}

export function ContractTermsFields({ form, documentId }: { form: UseFormReturnType<DocumentFormValues>; documentId?: string }) {
  const { t } = useTranslation();
  const contracts = useAccountContracts(form.values.accountId, documentId);
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput type="date" label={t('contractTerms.startsOn')} {...form.getInputProps('periodFrom')} />
        <TextInput
          type="date"
          label={t('contractTerms.endsOn')}
          description={t('contractTerms.endsHint')}
          {...form.getInputProps('periodTo')}
        />
        <NativeSelect
          label={t('contractTerms.renewal')}
          data={[
            { value: '', label: t('contractTerms.renewalUnset') },
            ...CONTRACT_RENEWALS.map((r) => ({ value: r, label: t(`contractRenewal.${r}`) })),
          ]}
          {...form.getInputProps('renewal')}
        />
        <NativeSelect
          label={t('contractTerms.renews')}
          disabled={!form.values.accountId || contracts.isPending}
          data={[
            { value: '', label: t('contractTerms.renewsNone') },
            ...(contracts.data ?? []).map((c) => ({ value: c.id, label: `${c.number ?? ''} ${c.title}`.trim() })),
          ]}
          {...form.getInputProps('renewsId')}
        />
      </SimpleGrid>
      <Textarea label={t('contractTerms.renewalTerms')} autosize minRows={2} {...form.getInputProps('renewalTerms')} />
    </>
  );
}
