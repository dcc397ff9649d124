/** Alerts above a form: an edit collision (412) with a reload, or a failure not tied to a field. */
import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SubmitState } from '../lib/use-submit';
import { describeError } from './describe-error';

interface Props {
  state: Pick<SubmitState, 'conflict' | 'error' | 'clearConflict'>;
  /** Loads the record as it is now; the form then shows the other person's changes. */
  onReload?: () => Promise<unknown> | void;
}

export function FormAlerts({ state, onReload }: Props) {
  const { t } = useTranslation();
  return (
    <>
      {state.conflict && (
        <Alert color="orange" title={t('conflict.title')} role="alert" data-testid="conflict-alert">
          <Text size="sm" mb="sm">
            {t('conflict.body')}
          </Text>
          {onReload && (
            <Group>
              <Button onClick={() => void Promise.resolve(onReload()).then(() => state.clearConflict())}>{t('conflict.reload')}</Button>
            </Group>
          )}
        </Alert>
      )}
      {state.error && (
        <Alert color="red" title={t('errors.saveFailed')} role="alert">
          {describeError(state.error, t)}
        </Alert>
      )}
    </>
  );
}
