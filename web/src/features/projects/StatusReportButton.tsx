/** "Send status report" on the project page, opening the report's preview. */
import { useState } from 'react';
import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Project } from '@common/schemas/project';
import { StatusReportDialog } from './StatusReportDialog';

export function StatusReportButton({ project }: { project: Project }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button variant="default" onClick={() => setOpened(true)}>
        {t('statusReport.send')}
      </Button>
      {opened && <StatusReportDialog project={project} opened onClose={() => setOpened(false)} />}
    </>
  );
}
