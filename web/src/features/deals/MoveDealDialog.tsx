/**
 * Moving a deal to another stage: only the moves the pipeline allows are offered; losing asks why
 * (from the configured reasons), winning asks how, and an open stage keeps a next step with a date.
 */
import { useState } from 'react';
import { NativeSelect, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { dealMovesFrom, type DealStage } from '@common/enums';
import type { Deal, DealStageMove } from '@common/schemas/deal';
import { ApiError } from '../../api/client';
import { FormDialog } from '../../components/FormDialog';
import { fieldErrorText } from '../../lib/problems';
import { notify } from '../../lib/notify';
import { useDealNames, useMoveDeal } from './api';

interface Props {
  deal: Deal;
  opened: boolean;
  onClose: () => void;
  /** The stage chosen beforehand (the column a card was dropped on). */
  initialStage?: DealStage;
}

type Errors = Partial<Record<'stage' | 'lostReason' | 'note' | 'nextStep' | 'nextStepDue', string>>;

export function MoveDealDialog({ deal, opened, onClose, initialStage }: Props) {
  const { t } = useTranslation();
  const names = useDealNames();
  const move = useMoveDeal();
  const moves = dealMovesFrom(deal.stage);
  const [stage, setStage] = useState<DealStage | undefined>(initialStage && moves.includes(initialStage) ? initialStage : moves[0]);
  const [lostReason, setLostReason] = useState('');
  const [note, setNote] = useState('');
  const [nextStep, setNextStep] = useState(deal.nextStep ?? '');
  const [nextStepDue, setNextStepDue] = useState(deal.nextStepDue ?? '');
  const [errors, setErrors] = useState<Errors>({});

  /** What is missing for the chosen stage, before asking the server. */
  const missing = (): Errors => {
    if (stage === 'lost' && !lostReason) return { lostReason: t('deals.reasonMissing') };
    if (stage === 'won' && !note.trim()) return { note: t('deals.wonNoteMissing') };
    return {};
  };
  const request = (to: DealStage): DealStageMove => {
    if (to === 'lost') return { stage: to, lostReason, note: note || null };
    if (to === 'won') return { stage: to, note };
    return { stage: to, nextStep: nextStep || undefined, nextStepDue: nextStepDue || undefined };
  };

  const submit = async () => {
    if (!stage) return; // nothing to move to: the dialog just closes
    const found = missing();
    setErrors(found);
    if (Object.keys(found).length) return false;
    try {
      await move.mutateAsync({ deal, move: request(stage) });
    } catch (e) {
      if (!(e instanceof ApiError) || e.fieldErrors.length === 0) throw e;
      setErrors(Object.fromEntries(e.fieldErrors.map((f) => [f.field, fieldErrorText(f)])));
      return false;
    }
    notify({ message: t('deals.moved', { stage: names.stage(stage) }), color: 'green' });
  };

  return (
    <FormDialog
      title={t('deals.moveTitle', { title: deal.title })}
      opened={opened}
      onClose={onClose}
      submitLabel={t('deals.move')}
      onSubmit={submit}
    >
      {moves.length === 0 ? (
        <Text size="sm">{t('deals.noMoves')}</Text>
      ) : (
        <>
          <NativeSelect
            label={t('deals.newStage')}
            value={stage}
            error={errors.stage}
            onChange={(e) => setStage(e.currentTarget.value as DealStage)}
            data={moves.map((s) => ({ value: s, label: names.stage(s) }))}
            data-autofocus
          />
          {stage === 'lost' && (
            <>
              <NativeSelect
                label={t('deals.lostReason')}
                required
                value={lostReason}
                error={errors.lostReason}
                onChange={(e) => setLostReason(e.currentTarget.value)}
                data={[
                  { value: '', label: '—' },
                  ...(names.settings?.lostReasons ?? []).map((r) => ({ value: r.key, label: names.reason(r.key) })),
                ]}
              />
              <Textarea label={t('deals.lostNote')} autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
            </>
          )}
          {stage === 'won' && (
            <Textarea
              label={t('deals.wonNote')}
              description={t('deals.wonNoteHint')}
              required
              autosize
              minRows={2}
              value={note}
              error={errors.note}
              onChange={(e) => setNote(e.currentTarget.value)}
            />
          )}
          {stage !== 'won' && stage !== 'lost' && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('deals.fields.dealNextStep')}
                required
                value={nextStep}
                error={errors.nextStep}
                onChange={(e) => setNextStep(e.currentTarget.value)}
              />
              <TextInput
                type="date"
                label={t('deals.fields.dealNextStepDue')}
                required
                value={nextStepDue}
                error={errors.nextStepDue}
                onChange={(e) => setNextStepDue(e.currentTarget.value)}
              />
            </SimpleGrid>
          )}
        </>
      )}
    </FormDialog>
  );
}
