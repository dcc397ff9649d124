/**
 * Which projects the delivery report and the portfolio cover, kept in the page's URL: the
 * user's own accounts or all they can see (for those who have accounts of their own), and
 * among all, one account manager's. Until the URL says, the server's default applies.
 */
import { Group, SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { REPORT_SCOPES, type ReportScopeName } from '@common/enums';
import { useMe } from '../auth/session';
import { ManagerFilter } from './ManagerFilter';

/** The scope as the page's URL keeps it. */
export interface ScopeSearch {
  scope?: ReportScopeName;
  ownerId?: string;
}

/** The scope named in the URL, if it names one the API knows. */
export const scopeFromSearch = (search: { scope?: string; ownerId?: string }): ScopeSearch => ({
  scope: REPORT_SCOPES.find((s) => s === search.scope),
  ownerId: search.ownerId,
});

interface Props {
  /** The scope the report was answered for (the URL's, or the server's default). */
  scope: ReportScopeName | undefined;
  ownerId: string | undefined;
  onChange: (next: ScopeSearch) => void;
}

export function ReportScopeBar({ scope, ownerId, onChange }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Group align="flex-end" mb="md" role="search">
      {me.can.switchReportScope && (
        <SegmentedControl
          aria-label={t('signals.scope.label')}
          value={scope ?? ''}
          onChange={(value) => onChange({ scope: value === 'mine' ? 'mine' : 'all' })}
          data={REPORT_SCOPES.map((s) => ({ value: s, label: t(`signals.scope.${s}`) }))}
        />
      )}
      {scope === 'all' && (
        <ManagerFilter value={ownerId} onChange={(id) => onChange({ scope: 'all', ownerId: id })} anyLabel={t('signals.anyOwner')} />
      )}
    </Group>
  );
}
