/** The milestones of a plan with their dates and states; the manager edits and removes them here. */
import { useState } from 'react';
import { Button, Group, Modal, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Milestone } from '@common/schemas/plan';
import { ActionDialog } from '../../components/ActionDialog';
import { useLocale } from '../../i18n';
import { formatCalendarDate, formatDate, formatMoney } from '../../lib/format';
import { EnumBadge } from '../delivery/EnumBadge';
import { LateBadge } from '../delivery/LateBadge';
import { MilestoneForm } from './MilestoneForm';
import { useDeleteMilestone } from './plan-api';

interface Props {
  projectId: string;
  milestones: Milestone[];
  onReload: () => Promise<unknown>;
  /** The project's currency when its acts charge the milestones' prices (the table then shows them). */
  priceCurrency?: string;
}

export function MilestonesTable({ projectId, milestones, onReload, priceCurrency }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const remove = useDeleteMilestone(projectId);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Milestone | null>(null);
  // Looked up on every render, so a reload after a collision shows the milestone as it is now.
  const editing = milestones.find((m) => m.id === editingId);
  const withActions = milestones.some((m) => m.can.update || m.can.delete);

  return (
    <>
      <Table.ScrollContainer minWidth={560}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('plan.milestoneTitle')}</Table.Th>
              <Table.Th>{t('plan.milestoneDue')}</Table.Th>
              <Table.Th>{t('fields.status')}</Table.Th>
              <Table.Th>{t('plan.clientApproved')}</Table.Th>
              {priceCurrency && <Table.Th>{t('plan.price')}</Table.Th>}
              {withActions && <Table.Th>{t('common.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {milestones.map((m) => (
              <Table.Tr key={m.id} data-testid="milestone">
                <Table.Td>{m.title}</Table.Td>
                <Table.Td>{formatCalendarDate(m.dueDate, locale)}</Table.Td>
                <Table.Td>
                  <EnumBadge group="milestoneStatus" value={m.status} />
                  {m.late && <LateBadge what="milestone" ml="xs" />}
                </Table.Td>
                <Table.Td>{m.clientApprovedAt ? formatDate(m.clientApprovedAt, locale) : t('plan.notYet')}</Table.Td>
                {priceCurrency && <Table.Td>{m.priceMinor == null ? '—' : formatMoney(m.priceMinor, priceCurrency, locale)}</Table.Td>}
                {withActions && (
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      {m.can.update && (
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => setEditingId(m.id)}
                          aria-label={t('plan.editNamed', { title: m.title })}
                        >
                          {t('common.edit')}
                        </Button>
                      )}
                      {m.can.delete && (
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => setDeleting(m)}
                          aria-label={t('plan.deleteNamed', { title: m.title })}
                        >
                          {t('common.delete')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Modal opened={editing !== undefined} onClose={() => setEditingId(null)} title={t('plan.editMilestone')}>
        {editing && (
          <MilestoneForm
            key={editing.version}
            projectId={projectId}
            priceCurrency={priceCurrency}
            milestone={editing}
            onDone={() => setEditingId(null)}
            onCancel={() => setEditingId(null)}
            onReload={onReload}
          />
        )}
      </Modal>
      <ActionDialog
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('plan.deleteTitle')}
        body={t('plan.deleteBody', { title: deleting?.title ?? '' })}
        confirmLabel={t('common.delete')}
        confirmColor="red.9"
        onConfirm={() => remove.mutateAsync(deleting!)}
      />
    </>
  );
}
