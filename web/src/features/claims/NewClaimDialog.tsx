/** Registering a claim on an account: what it is about, how severe, and what happened. */
import { useState } from 'react';
import { NativeSelect, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CLAIM_SEVERITIES, type ClaimSeverity } from '@common/enums';
import { ApiError } from '../../api/client';
import { FormDialog } from '../../components/FormDialog';
import { fieldErrorText } from '../../lib/problems';
import { notify } from '../../lib/notify';
import { claimSettingsQuery, useCreateClaim, useNameOf } from './api';

type Errors = Partial<Record<'category' | 'severity' | 'description', string>>;

export function NewClaimDialog({ accountId, opened, onClose }: { accountId: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const settings = useQuery(claimSettingsQuery);
  const nameOf = useNameOf();
  const create = useCreateClaim();
  const [category, setCategory] = useState('quality');
  const [severity, setSeverity] = useState<ClaimSeverity>('medium');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<Errors>({});

  const submit = async () => {
    if (!description.trim()) {
      setErrors({ description: t('claims.descriptionMissing') });
      return false;
    }
    try {
      await create.mutateAsync({ accountId, category, severity, description });
    } catch (e) {
      if (!(e instanceof ApiError) || e.fieldErrors.length === 0) throw e;
      setErrors(Object.fromEntries(e.fieldErrors.map((f) => [f.field, fieldErrorText(f)])));
      return false;
    }
    notify({ message: t('claims.registered'), color: 'green' });
  };

  return (
    <FormDialog title={t('claims.new')} opened={opened} onClose={onClose} submitLabel={t('claims.register')} onSubmit={submit}>
      <NativeSelect
        label={t('claims.fields.category')}
        value={category}
        error={errors.category}
        onChange={(e) => setCategory(e.currentTarget.value)}
        data={(settings.data?.categories ?? []).map((c) => ({ value: c.key, label: nameOf(settings.data?.categories, c.key) }))}
        data-autofocus
      />
      <NativeSelect
        label={t('claims.fields.severity')}
        value={severity}
        error={errors.severity}
        onChange={(e) => setSeverity(e.currentTarget.value as ClaimSeverity)}
        data={CLAIM_SEVERITIES.map((s) => ({ value: s, label: t(`claims.severity.${s}`) }))}
      />
      <Textarea
        label={t('claims.fields.description')}
        required
        autosize
        minRows={3}
        value={description}
        error={errors.description}
        onChange={(e) => setDescription(e.currentTarget.value)}
      />
    </FormDialog>
  );
}
