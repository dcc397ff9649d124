/** A document's status in a colour that says where it stands. */
import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const TONES: Record<string, string> = { sent: 'indigo', signed: 'green', declined: 'red', cancelled: 'gray', draft: 'orange' };

export function DocumentBadge({ status, ...props }: BadgeProps & { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={TONES[status] ?? 'gray'} variant="light" {...props}>
      {t(`documentStatus.${status}`)}
    </Badge>
  );
}
