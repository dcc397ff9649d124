/** Staff who do not edit the catalog: a service in a dialog, read only — texts, prices and the delivery template. */
import { Badge, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Service } from '@common/schemas/service';
import { DataTable } from '../../components/DataTable';
import { Details } from '../../components/Details';
import { useLocale } from '../../i18n';
import { hoursLabel, roleLabel } from '../tasks/labels';
import { pricesFor, textFor } from './service-words';

export function ServiceView({ service, onClose }: { service: Service; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const text = (v: Service['name']) => textFor(v, i18n.language);
  const milestone = (key: string | null) => {
    const m = service.template.milestones.find((x) => x.key === key);
    return m ? text(m.title) : '—';
  };
  return (
    <Modal opened onClose={onClose} title={text(service.name)} size="xl" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack>
        {!service.active && (
          <Badge color="gray" variant="light" w="fit-content">
            {t('services.inactive')}
          </Badge>
        )}
        {text(service.description) && <Text style={{ whiteSpace: 'pre-line' }}>{text(service.description)}</Text>}
        <Details
          items={[
            [t('services.workKind'), t(`workKind.${service.workKind}`)],
            [t('services.unit'), t(`serviceUnit.${service.unit}`)],
            [t('services.prices'), pricesFor(service, locale).join(' · ')],
          ]}
        />
        <Title order={3} size="h5">
          {t('services.template')}
        </Title>
        {service.template.milestones.length === 0 && service.template.tasks.length === 0 ? (
          <Text c="dimmed">{t('services.noTemplate')}</Text>
        ) : (
          <>
            <DataTable minWidth={400} headers={[t('services.milestoneTitle'), t('services.offsetDays')]}>
              {service.template.milestones.map((m) => (
                <Table.Tr key={m.key}>
                  <Table.Td>{text(m.title)}</Table.Td>
                  <Table.Td>{t('services.dayN', { count: m.offsetDays })}</Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
            <DataTable
              minWidth={560}
              headers={[t('services.taskTitle'), t('services.role'), t('services.hours'), t('services.inMilestone')]}
            >
              {service.template.tasks.map((task, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{text(task.title)}</Table.Td>
                  <Table.Td>{roleLabel(t, task.role)}</Table.Td>
                  <Table.Td>{hoursLabel(t, task.hours, locale)}</Table.Td>
                  <Table.Td>{milestone(task.milestoneKey)}</Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          </>
        )}
      </Stack>
    </Modal>
  );
}
