/** Services as a table: name (opens it), kind of work, prices per unit, whether offered, and the admin's actions. */
import { Anchor, Badge, Button, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Service } from '@common/schemas/service';
import { DataTable } from '../../components/DataTable';
import { useLocale } from '../../i18n';
import { pricesFor, textFor } from './service-words';

interface Props {
  services: Service[];
  onOpen: (service: Service) => void;
  onSetActive: (service: Service, active: boolean) => void;
  /** The service whose (de)activation is under way. */
  busyId?: string;
}

export function ServicesTable({ services, onOpen, onSetActive, busyId }: Props) {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  // Only those who may change the catalog have a column of actions.
  const manage = services.some((s) => s.can.update);
  const headers = [t('services.name'), t('services.workKind'), t('services.price'), t('services.status')];
  return (
    <DataTable minWidth={760} headers={manage ? [...headers, t('services.actions')] : headers}>
      {services.map((s) => {
        const name = textFor(s.name, i18n.language);
        return (
          <Table.Tr key={s.id} data-testid="service-row">
            <Table.Td>
              <Anchor component="button" type="button" onClick={() => onOpen(s)} ta="left">
                {name}
              </Anchor>
            </Table.Td>
            <Table.Td>{t(`workKind.${s.workKind}`)}</Table.Td>
            <Table.Td>
              {pricesFor(s, locale).map((price) => (
                <Text key={price} size="sm">
                  {t('services.pricePer', { price, unit: t(`serviceUnitPer.${s.unit}`) })}
                </Text>
              ))}
            </Table.Td>
            <Table.Td>
              <Badge color={s.active ? 'green' : 'gray'} variant="light">
                {t(s.active ? 'services.active' : 'services.inactive')}
              </Badge>
            </Table.Td>
            {manage && (
              <Table.Td>
                {(s.can.deactivate || s.can.reactivate) && (
                  <Button
                    size="xs"
                    variant="default"
                    loading={busyId === s.id}
                    onClick={() => onSetActive(s, !s.active)}
                    aria-label={t(s.active ? 'services.deactivateNamed' : 'services.reactivateNamed', { name })}
                  >
                    {t(s.active ? 'services.deactivate' : 'services.reactivate')}
                  </Button>
                )}
              </Table.Td>
            )}
          </Table.Tr>
        );
      })}
    </DataTable>
  );
}
