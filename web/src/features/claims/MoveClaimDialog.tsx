/**
 * Moving a claim along its workflow: only the moves it allows are offered; resolving asks for the
 * root cause (from the configured list) and what it was, both internal, and what to tell the client.
 */
import { useState } from 'react';
import { NativeSelect, Text, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CLAIM_TRANSITIONS, type ClaimStatus } from '@common/enums';
import type { Claim } from '@common/schemas/claim';
import { ApiError } from '../../api/client';
import { FormDialog } from '../../components/FormDialog';
import { fieldErrorText } from '../../lib/problems';
import { notify } from '../../lib/notify';
import { claimSettingsQuery, useMoveClaim, useNameOf } from './api';

type Errors = Partial<Record<'status' | 'rootCause' | 'rootCauseNote', string>>;

export function MoveClaimDialog({ claim, opened, onClose }: { claim: Claim; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const settings = useQuery(claimSettingsQuery);
  const nameOf = useNameOf();
  const move = useMoveClaim();
  const moves = CLAIM_TRANSITIONS[claim.status];
  const [status, setStatus] = useState<ClaimStatus | undefined>(moves[0]);
  const [rootCause, setRootCause] = useState('');
  const [rootCauseNote, setRootCauseNote] = useState('');
  const [resolution, setResolution] = useState(claim.resolution ?? '');
  const [errors, setErrors] = useState<Errors>({});

  const submit = async () => {
    if (!status) return;
    if (status === 'resolved') {
      const found: Errors = {
        ...(!rootCause && { rootCause: t('claims.rootCauseMissing') }),
        ...(!rootCauseNote.trim() && { rootCauseNote: t('claims.rootCauseNoteMissing') }),
      };
      setErrors(found);
      if (Object.keys(found).length) return false;
    }
    const body = status === 'resolved' ? { status, rootCause, rootCauseNote, resolution: resolution || null } : { status };
    try {
      await move.mutateAsync({ claim, move: body });
    } catch (e) {
      if (!(e instanceof ApiError) || e.fieldErrors.length === 0) throw e;
      setErrors(Object.fromEntries(e.fieldErrors.map((f) => [f.field, fieldErrorText(f)])));
      return false;
    }
    notify({ message: t('claims.moved', { status: t(`claims.status.${status}`) }), color: 'green' });
  };

  return (
    <FormDialog title={t('claims.moveTitle')} opened={opened} onClose={onClose} submitLabel={t('claims.move')} onSubmit={submit}>
      {moves.length === 0 ? (
        <Text size="sm">{t('claims.noMoves')}</Text>
      ) : (
        <>
          <NativeSelect
            label={t('claims.newStatus')}
            value={status}
            error={errors.status}
            onChange={(e) => setStatus(e.currentTarget.value as ClaimStatus)}
            data={moves.map((s) => ({ value: s, label: t(`claims.status.${s}`) }))}
            data-autofocus
          />
          {status === 'resolved' && (
            <>
              <NativeSelect
                label={t('claims.fields.rootCause')}
                description={t('claims.internalHint')}
                required
                value={rootCause}
                error={errors.rootCause}
                onChange={(e) => setRootCause(e.currentTarget.value)}
                data={[
                  { value: '', label: '—' },
                  ...(settings.data?.rootCauses ?? []).map((r) => ({ value: r.key, label: nameOf(settings.data?.rootCauses, r.key) })),
                ]}
              />
              <Textarea
                label={t('claims.fields.rootCauseNote')}
                required
                autosize
                minRows={2}
                value={rootCauseNote}
                error={errors.rootCauseNote}
                onChange={(e) => setRootCauseNote(e.currentTarget.value)}
              />
              <Textarea
                label={t('claims.fields.resolution')}
                description={t('claims.resolutionHint')}
                autosize
                minRows={2}
                value={resolution}
                onChange={(e) => setResolution(e.currentTarget.value)}
              />
            </>
          )}
        </>
      )}
    </FormDialog>
  );
}
