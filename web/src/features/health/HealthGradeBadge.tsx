/** A health grade as a coloured badge with its words; "no score" when there is none. */
import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HealthGrade } from '@common/schemas/health';

// Filled, with the text colour chosen for contrast on each (axe's colour-contrast rule).
const GRADE_COLORS: Record<HealthGrade, { color: string; c: string }> = {
  healthy: { color: 'green.8', c: 'black' },
  watch: { color: 'yellow.4', c: 'black' },
  at_risk: { color: 'red.9', c: 'white' },
};
const NO_GRADE = { color: 'gray.7', c: 'white' };

export function HealthGradeBadge({ grade, score, ...props }: { grade: HealthGrade | null; score?: number | null } & BadgeProps) {
  const { t } = useTranslation();
  const words = grade ? t(`health.grade.${grade}`) : t('health.noScore');
  return (
    <Badge variant="filled" {...(grade ? GRADE_COLORS[grade] : NO_GRADE)} tt="none" {...props}>
      {score !== undefined && score !== null ? `${score} · ${words}` : words}
    </Badge>
  );
}
