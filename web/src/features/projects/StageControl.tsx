/** Moves a project to another stage; only the stages the project may go to next are offered. */
import { notify } from '../../lib/notify';
import { useState } from 'react';
import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProjectStage } from '@common/enums';
import type { Project } from '@common/schemas/project';
import { ActionDialog } from '../../components/ActionDialog';
import { describeError } from '../../components/describe-error';
import { useChangeStage } from './api';

export function StageControl({ project }: { project: Project }) {
  const { t } = useTranslation();
  const change = useChangeStage();
  const [closing, setClosing] = useState(false);

  const move = (stage: ProjectStage) =>
    change
      .mutateAsync({ project, value: stage })
      .then((p) => notify({ color: 'green', message: t('projects.stageChanged', { stage: t(`projectStage.${p.stage}`) }) }));

  if (project.allowedStages.length === 0) return null;
  return (
    <>
      {/* No focus placeholder: it sits inside role="menu" as a non-item, which screen readers (and axe) reject. */}
      <Menu position="bottom-end" withInitialFocusPlaceholder={false}>
        <Menu.Target>
          <Button variant="default" loading={change.isPending}>
            {t('projects.changeStage')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown aria-label={t('projects.moveTo')}>
          {project.allowedStages.map((stage) => (
            <Menu.Item
              key={stage}
              onClick={() => {
                // Closing is final (a closed project goes nowhere), so it is confirmed first.
                if (stage === 'closed') setClosing(true);
                else void move(stage).catch((e) => notify({ color: 'red', message: describeError(e, t) }));
              }}
            >
              {t(`projectStage.${stage}`)}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      <ActionDialog
        opened={closing}
        onClose={() => setClosing(false)}
        title={t('projects.closeTitle')}
        body={t('projects.closeBody', { name: project.name })}
        confirmLabel={t('projects.close')}
        confirmColor="red.9"
        onConfirm={() => move('closed')}
      />
    </>
  );
}
