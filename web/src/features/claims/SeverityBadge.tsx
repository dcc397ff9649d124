/** A claim's severity as a badge, more alarming the more severe; and its status. */
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ClaimSeverity, ClaimStatus } from '@common/enums';

const SEVERITY_COLOURS: Record<ClaimSeverity, string> = { low: 'gray', medium: 'indigo', high: 'orange', critical: 'red' };
const STATUS_COLOURS: Record<ClaimStatus, string> = { received: 'blue', in_progress: 'indigo', resolved: 'green', closed: 'gray' };

export function SeverityBadge({ severity }: { severity: ClaimSeverity }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={SEVERITY_COLOURS[severity]} data-testid="claim-severity">
      {t(`claims.severity.${severity}`)}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: ClaimStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOURS[status]} data-testid="claim-status">
      {t(`claims.status.${status}`)}
    </Badge>
  );
}
