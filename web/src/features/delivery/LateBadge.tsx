/** "Late" as the server decided it, in the agency's time zone: the web never compares dates itself. */
import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Props extends BadgeProps {
  /** What is late: the word agrees with it (in Russian a project is «просрочен», a task «просрочена»). */
  what: 'project' | 'milestone' | 'task';
}

export function LateBadge({ what, ...props }: Props) {
  const { t } = useTranslation();
  return (
    <Badge color="red" data-testid={`late-${what}`} {...props}>
      {t(`signals.late.${what}`)}
    </Badge>
  );
}
