/** A manager sends a survey now: to which contact (those with an email), which kind, about which project if any. */
import { useState } from 'react';
import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SURVEY_KINDS, type SurveyKind } from '@common/enums';
import type { Project } from '@common/schemas/project';
import { api, type Page } from '../../api/client';
import { FormDialog } from '../../components/FormDialog';
import { notify } from '../../lib/notify';
import { RecipientPicker } from '../contacts/RecipientPicker';
import { useSendSurvey } from './api';

interface Props {
  accountId: string;
  opened: boolean;
  onClose: () => void;
}

export function SendSurveyDialog({ accountId, opened, onClose }: Props) {
  const { t } = useTranslation();
  const send = useSendSurvey();
  const projects = useQuery({
    queryKey: ['projects', 'list', 'of', accountId],
    queryFn: () => api.get<Page<Project>>('/projects', { accountId, limit: 200 }),
    enabled: opened,
  });
  const [contactId, setContactId] = useState<string | null>(null);
  const [kind, setKind] = useState<SurveyKind>('nps');
  const [projectId, setProjectId] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);

  const submit = async () => {
    setMissing(!contactId);
    if (!contactId) return false;
    await send.mutateAsync({ accountId, contactId, kind, projectId });
    notify({ message: t('surveys.sent'), color: 'green' });
  };

  return (
    <FormDialog title={t('surveys.sendSurvey')} opened={opened} onClose={onClose} submitLabel={t('surveys.sendNow')} onSubmit={submit}>
      <RecipientPicker
        accountId={accountId}
        enabled={opened}
        label={t('surveys.fields.contact')}
        value={contactId}
        onChange={setContactId}
        error={missing ? t('surveys.chooseContact') : undefined}
        noRecipients={t('surveys.noRecipients')}
        testId="survey-contact"
      >
        <Select
          label={t('surveys.fields.kind')}
          data={SURVEY_KINDS.map((k) => ({ value: k, label: t(`surveys.kind.${k}`) }))}
          value={kind}
          onChange={(v) => v && setKind(v)}
          allowDeselect={false}
        />
        <Select
          label={t('surveys.fields.project')}
          data={(projects.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
          value={projectId}
          onChange={setProjectId}
          clearable
          placeholder={t('surveys.noProject')}
        />
      </RecipientPicker>
    </FormDialog>
  );
}
