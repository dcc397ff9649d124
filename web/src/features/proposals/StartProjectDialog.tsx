/** Starts the project from an accepted proposal: its start date and name (the deal's title unless changed); then opens it. */
import { useState } from 'react';
import { Stack, Text, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Proposal } from '@common/schemas/proposal';
import { FormDialog } from '../../components/FormDialog';
import { notify } from '../../lib/notify';
import { useStartProject } from './api';

interface Props {
  proposal: Proposal;
  opened: boolean;
  onClose: () => void;
}

/** Today in the browser's time zone, as YYYY-MM-DD (the Swedish locale writes dates that way). */
const today = () => new Date().toLocaleDateString('sv-SE');

export function StartProjectDialog({ proposal, opened, onClose }: Props) {
  const { t } = useTranslation();
  const start = useStartProject();
  const navigate = useNavigate();
  const [startDate, setStartDate] = useState(today);
  const [name, setName] = useState(proposal.dealTitle);
  const [missing, setMissing] = useState(false);

  const submit = async () => {
    setMissing(!startDate);
    if (!startDate) return false;
    const result = await start.mutateAsync({ proposal, body: { startDate, name: name.trim() || null } });
    notify({ message: t('proposals.projectStarted', { milestones: result.milestones, tasks: result.tasks }), color: 'green' });
    void navigate({ to: '/projects/$projectId', params: { projectId: result.projectId } });
  };

  return (
    <FormDialog
      title={t('proposals.startProject')}
      opened={opened}
      onClose={onClose}
      submitLabel={t('proposals.startProject')}
      onSubmit={submit}
    >
      <Stack>
        <Text size="sm">{t('proposals.startHint')}</Text>
        <TextInput
          type="date"
          label={t('proposals.fields.startDate')}
          required
          value={startDate}
          error={missing ? t('proposals.startDateRequired') : undefined}
          onChange={(e) => setStartDate(e.currentTarget.value)}
          data-autofocus
        />
        <TextInput
          label={t('proposals.fields.projectName')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          maxLength={200}
        />
      </Stack>
    </FormDialog>
  );
}
