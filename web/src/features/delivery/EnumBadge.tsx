/** A badge for a delivery state (stage, plan, requirement, task, milestone) in a colour that says how it goes. */
import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

// Only colours the theme has made readable (AA contrast) are used; unknown values stay grey.
const TONES: Record<string, string> = {
  done: 'green',
  approved: 'green',
  agreed: 'green',
  delivered: 'green',
  in_progress: 'indigo',
  planning: 'indigo',
  submitted: 'orange',
  changed: 'orange',
  changes_requested: 'red',
  review: 'orange',
  on_hold: 'orange',
  blocked: 'red',
  rejected: 'red',
};

type Group = 'projectStage' | 'planStatus' | 'requirementStatus' | 'taskStatus' | 'milestoneStatus' | 'party';

interface Props extends BadgeProps {
  /** The i18n group that names the values. */
  group: Group;
  value: string;
}

export function EnumBadge({ group, value, ...props }: Props) {
  const { t } = useTranslation();
  return (
    <Badge color={TONES[value] ?? 'gray'} {...props}>
      {t(`${group}.${value}`)}
    </Badge>
  );
}
