/** A health grade as a coloured badge with its words; "no score" when there is none. */
import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HealthGrade } from '@common/schemas/health';

const GRADE_COLORS: Record<HealthGrade, string> = { healthy: 'green.8', watch: 'yellow.9', at_risk: 'red.8' };

export function HealthGradeBadge({ grade, score, ...props }: { grade: HealthGrade | null; score?: number | null } & BadgeProps) {
  const { t } = useTranslation();
  const words = grade ? t(`health.grade.${grade}`) : t('health.noScore');
  return (
    <Badge color={grade ? GRADE_COLORS[grade] : 'gray.7'} tt="none" {...props}>
      {score !== undefined && score !== null ? `${score} · ${words}` : words}
    </Badge>
  );
}
