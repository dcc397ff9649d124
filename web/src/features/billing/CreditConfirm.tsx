/**
 * Asking before new work is added to an account: the server's credit warnings for adding an
 * amount (over the limit, long overdue, work stopped) are shown, and the user creates anyway
 * or cancels. No warnings: nothing is asked.
 */
import { useRef, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CreditWarning } from '@common/schemas/invoice';
import { ApiError } from '../../api/client';
import { ActionDialog } from '../../components/ActionDialog';
import { exposureQuery } from './api';
import { CreditWarnings } from './CreditWarnings';

/** Resolves true when the work may go ahead: no warnings, or the user confirmed them. */
export type ConfirmCredit = (accountId: string, addingMinor: number) => Promise<boolean>;

export function useCreditConfirm(confirmLabel: string): [ConfirmCredit, ReactNode] {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [warnings, setWarnings] = useState<CreditWarning[]>([]);
  const [opened, setOpened] = useState(false);
  const answer = useRef<(ok: boolean) => void>(undefined);

  const settle = (ok: boolean) => {
    answer.current?.(ok);
    answer.current = undefined;
    setOpened(false);
  };

  const confirm: ConfirmCredit = async (accountId, addingMinor) => {
    let found: CreditWarning[];
    try {
      found = (
        await queryClient.fetchQuery({
          ...exposureQuery(accountId, Math.max(0, Math.round(addingMinor))),
          staleTime: 0,
        })
      ).warnings;
    } catch (e) {
      // Someone who does not see the account's billing is not warned; the server still refuses stopped work.
      if (e instanceof ApiError && (e.status === 403 || e.status === 404)) return true;
      throw e;
    }
    if (found.length === 0) return true;
    setWarnings(found);
    setOpened(true);
    return new Promise<boolean>((resolve) => {
      answer.current = resolve;
    });
  };

  const dialog = (
    <ActionDialog
      opened={opened}
      onClose={() => settle(false)}
      title={t('creditCheck.title')}
      body={t('creditCheck.body')}
      confirmLabel={confirmLabel}
      confirmColor="orange"
      onConfirm={async () => settle(true)}
    >
      <CreditWarnings warnings={warnings} />
    </ActionDialog>
  );
  return [confirm, dialog];
}
