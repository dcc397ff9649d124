/**
 * Drafting an act from what a project delivered: the work done in a period (last month by
 * default) or chosen done milestones. The lines are previewed before anything is written.
 */
import { useState } from 'react';
import { Alert, Button, Checkbox, Group, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Project } from '@common/schemas/project';
import { describeError } from '../../components/describe-error';
import { PageLoader } from '../../components/RouteStates';
import { notify } from '../../lib/notify';
import { PricedLines } from '../documents/PricedLines';
import { milestonesQuery } from '../projects/plan-api';
import { lastMonth, localToday } from './act-period';
import { previewAct, useCreateAct, type ActCreate, type ActPreview } from './api';
import './catalogue';

type Mode = 'period' | 'milestones';

function DoneMilestones({ projectId, value, onChange }: { projectId: string; value: string[]; onChange: (ids: string[]) => void }) {
  const { t } = useTranslation();
  const milestones = useQuery(milestonesQuery(projectId));
  if (milestones.isPending) return <PageLoader />;
  if (milestones.isError) return <Alert color="red">{t('errors.loadFailed')}</Alert>;
  const done = milestones.data.filter((m) => m.status === 'done');
  if (done.length === 0) return <Text c="dimmed">{t('acts.noDoneMilestones')}</Text>;
  return (
    <Checkbox.Group label={t('acts.chooseMilestones')} value={value} onChange={onChange}>
      <Stack gap="xs" mt="xs">
        {done.map((m) => (
          <Checkbox key={m.id} value={m.id} label={m.title} />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

export function CreateActDialog({ project, opened, onClose }: { project: Project; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateAct();
  const [mode, setMode] = useState<Mode>('period');
  const [period, setPeriod] = useState(() => lastMonth(localToday()));
  const [chosen, setChosen] = useState<string[]>([]);
  const [preview, setPreview] = useState<ActPreview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const body = (): ActCreate => (mode === 'period' ? { from: period.from, to: period.to } : { milestoneIds: chosen });
  // Any change of what the act covers makes the shown preview stale.
  const changed =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPreview(null);
      setError(null);
    };
  const run = async (step: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await step();
    } catch (e) {
      setPreview(null);
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const showPreview = () => run(async () => setPreview(await previewAct(project.id, body())));
  const createAct = () =>
    run(async () => {
      const doc = await create.mutateAsync({ projectId: project.id, body: body() });
      notify({ color: 'green', message: t('acts.created') });
      onClose();
      await navigate({ to: '/documents/$documentId', params: { documentId: doc.id } });
    });

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('acts.createTitle', { project: project.name })}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void (preview ? createAct() : showPreview());
        }}
        noValidate
        aria-label={t('acts.createTitle', { project: project.name })}
      >
        <Stack>
          <Text size="sm">{t(`acts.basisNote.${project.actBasis}`)}</Text>
          <SegmentedControl
            aria-label={t('acts.covers')}
            value={mode}
            onChange={(v) => changed(setMode)(v === 'milestones' ? 'milestones' : 'period')}
            data={[
              { value: 'period', label: t('acts.byPeriod') },
              { value: 'milestones', label: t('acts.byMilestones') },
            ]}
          />
          {mode === 'period' ? (
            <Group grow align="flex-start">
              <TextInput
                type="date"
                label={t('acts.from')}
                required
                value={period.from}
                onChange={(e) => changed(setPeriod)({ ...period, from: e.currentTarget.value })}
              />
              <TextInput
                type="date"
                label={t('acts.to')}
                required
                value={period.to}
                onChange={(e) => changed(setPeriod)({ ...period, to: e.currentTarget.value })}
              />
            </Group>
          ) : (
            <DoneMilestones projectId={project.id} value={chosen} onChange={changed(setChosen)} />
          )}
          {error !== null && (
            <Alert color="red" role="alert" title={t('acts.refused')}>
              {describeError(error, t)}
            </Alert>
          )}
          {preview && (
            <Stack gap="xs" data-testid="act-preview">
              <Text fw={600}>{t('acts.previewTitle', { tasks: preview.sources.tasks, milestones: preview.sources.milestones })}</Text>
              <PricedLines lines={preview.lines} currency={preview.currency} total={preview.totalMinor} />
            </Stack>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              type={preview ? 'button' : 'submit'}
              variant={preview ? 'default' : 'filled'}
              loading={busy && !preview}
              onClick={preview ? () => void showPreview() : undefined}
            >
              {t('acts.preview')}
            </Button>
            <Button type={preview ? 'submit' : 'button'} disabled={!preview} loading={busy && Boolean(preview)}>
              {t('acts.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
