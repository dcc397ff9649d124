/** Where a next step stands, and the one-click way to mark it done (or not done again). */
import { Badge, Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { NextStepState as State } from '@common/enums';
import { useSetNextStepDone } from './api';

const COLOURS: Record<State, string> = { open: 'blue', overdue: 'red', done: 'green' };

export function NextStepBadge({ state }: { state: State }) {
  const { t } = useTranslation();
  return (
    // The theme's outline badges keep their text readable in both schemes; filled green does not.
    <Badge color={COLOURS[state]} data-testid="next-step-state">
      {t(`nextSteps.state.${state}`)}
    </Badge>
  );
}

interface Props {
  step: { id: string; state: State; can: { complete: boolean } };
  accountId: string;
  /** What the step says, for the button's accessible name. */
  text: string;
}

export function NextStepDoneButton({ step, accountId, text }: Props) {
  const { t } = useTranslation();
  const setDone = useSetNextStepDone();
  if (!step.can.complete) return null;
  const done = step.state === 'done';
  return (
    <Button
      size="compact-xs"
      variant={done ? 'subtle' : 'light'}
      loading={setDone.isPending}
      aria-label={t(done ? 'nextSteps.markUndoneOf' : 'nextSteps.markDoneOf', { text })}
      onClick={() => setDone.mutate({ id: step.id, done: !done, accountId })}
    >
      {t(done ? 'nextSteps.markUndone' : 'nextSteps.markDone')}
    </Button>
  );
}

/** The state badge and the done button side by side. */
export function NextStepControls(props: Props) {
  return (
    <Group gap={6} wrap="nowrap">
      <NextStepBadge state={props.step.state} />
      <NextStepDoneButton {...props} />
    </Group>
  );
}
