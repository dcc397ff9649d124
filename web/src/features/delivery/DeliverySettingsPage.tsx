/** Admin settings for delivery: specialist roles with their rates, and the brief questionnaires. */
import { NativeSelect, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { WORK_KINDS, type WorkKind } from '@common/enums';
import { PageHeader } from '../../components/PageHeader';
import { RecordGate } from '../../components/RecordGate';
import { Section } from '../../components/Section';
import { deliverySettingsQuery } from '../tasks/api';
import { briefTemplatesQuery } from './api';
import { BriefTemplateForm } from './BriefTemplateForm';
import { RoleRatesForm } from './RoleRatesForm';

const route = getRouteApi('/app/settings/delivery');

function BriefTemplates() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const kind: WorkKind = WORK_KINDS.find((k) => k === search.kind) ?? WORK_KINDS[0];
  const templates = useQuery(briefTemplatesQuery);
  return (
    <Stack gap="md">
      <NativeSelect
        label={t('project.kind')}
        value={kind}
        onChange={(e) => void navigate({ search: { kind: e.currentTarget.value }, replace: true })}
        data={WORK_KINDS.map((k) => ({ value: k, label: t(`workKind.${k}`) }))}
        w={{ base: '100%', sm: 280 }}
      />
      <RecordGate query={templates}>
        {(items) => {
          const template = items.find((x) => x.kind === kind);
          // Keyed by kind and save time: switching kinds or saving starts the form afresh.
          return template && <BriefTemplateForm key={`${kind}-${template.updatedAt}`} template={template} />;
        }}
      </RecordGate>
    </Stack>
  );
}

export function DeliverySettingsPage() {
  const { t } = useTranslation();
  const settings = useQuery(deliverySettingsQuery);
  return (
    <>
      <PageHeader title={t('deliverySettings.title')} />
      <Stack gap="lg">
        <Section title={t('deliverySettings.rolesTitle')}>
          <RecordGate query={settings}>{(s) => <RoleRatesForm key={JSON.stringify(s)} settings={s} />}</RecordGate>
        </Section>
        <Section title={t('deliverySettings.briefsTitle')}>
          <BriefTemplates />
        </Section>
      </Stack>
    </>
  );
}
