/** Admins: a service in a dialog — names and descriptions per language, kind and unit, prices per currency, the delivery template. */
import { useState } from 'react';
import { Alert, Modal, NativeSelect, SimpleGrid, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SERVICE_UNITS, WORK_KINDS } from '@common/enums';
import { ServiceCreateSchema, ServiceUpdateSchema, type CatalogDefaults, type Service } from '@common/schemas/service';
import { api } from '../../api/client';
import { describeError } from '../../components/describe-error';
import { FormAlerts } from '../../components/FormAlerts';
import { InlineActions } from '../../components/InlineActions';
import { PageLoader } from '../../components/RouteStates';
import { useLocale } from '../../i18n';
import { validateWith } from '../../lib/forms';
import { notify } from '../../lib/notify';
import { useSubmit } from '../../lib/use-submit';
import { catalogDefaultsQuery, useSaveService } from './api';
import { PriceRows } from './PriceRows';
import { SERVICE_RENAMES, missingTexts, serviceToValues, valuesToService, type ServiceFormValues } from './service-form-values';
import { TemplateEditor } from './TemplateEditor';
import { TitleInputs } from './TitleInputs';

interface Props {
  /** The service to change; none to add one. */
  service?: Service;
  onClose: () => void;
}

export function ServiceEditor({ service, onClose }: Props) {
  const { t } = useTranslation();
  const defaults = useQuery(catalogDefaultsQuery);
  const title = service ? t('services.edit') : t('services.new');
  return (
    <Modal opened onClose={onClose} title={title} size="xl" closeButtonProps={{ 'aria-label': t('common.close') }}>
      {defaults.isPending ? (
        <PageLoader />
      ) : defaults.isError ? (
        <Alert color="red" role="alert" title={t('errors.loadFailed')}>
          {describeError(defaults.error, t)}
        </Alert>
      ) : (
        <ServiceForm service={service} defaults={defaults.data} title={title} onClose={onClose} />
      )}
    </Modal>
  );
}

function ServiceForm({ service, defaults, title, onClose }: Props & { defaults: CatalogDefaults; title: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const save = useSaveService();
  // After a collision the form edits the service as it is now, at its new version.
  const [current, setCurrent] = useState(service);
  const form = useForm<ServiceFormValues>({ initialValues: serviceToValues(service, defaults.currency) });
  const convert = (v: ServiceFormValues) => valuesToService(v, locale);
  const schemaErrors = validateWith(current ? ServiceUpdateSchema : ServiceCreateSchema, convert, SERVICE_RENAMES);
  const validate = (v: ServiceFormValues) => ({ ...missingTexts(v, defaults.language), ...schemaErrors(v) });

  const [submit, state] = useSubmit(
    form,
    async (values: ServiceFormValues) => {
      const errors = validate(values);
      if (Object.keys(errors).length) return form.setErrors(errors);
      const saved = await save.mutateAsync({ service: current, body: convert(values).payload });
      notify({ color: 'green', message: t(current ? 'services.saved' : 'services.added', { name: saved.name[defaults.language] }) });
      onClose();
    },
    SERVICE_RENAMES,
  );
  const reload = async () => {
    if (!current) return;
    const fresh = await api.get<Service>(`/services/${current.id}`);
    setCurrent(fresh);
    form.setValues(serviceToValues(fresh, defaults.currency));
  };

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label={title}>
      <Stack>
        <FormAlerts state={state} onReload={reload} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TitleInputs form={form} path="name" label={t('services.name')} required={defaults.language} />
          <TitleInputs form={form} path="description" label={t('services.description')} required={defaults.language} multiline />
          <NativeSelect
            label={t('services.workKind')}
            required
            data={[{ value: '', label: '—' }, ...WORK_KINDS.map((k) => ({ value: k, label: t(`workKind.${k}`) }))]}
            {...form.getInputProps('workKind')}
          />
          <NativeSelect
            label={t('services.unit')}
            required
            data={[{ value: '', label: '—' }, ...SERVICE_UNITS.map((u) => ({ value: u, label: t(`serviceUnit.${u}`) }))]}
            {...form.getInputProps('unit')}
          />
        </SimpleGrid>
        <PriceRows form={form} />
        <TemplateEditor form={form} language={defaults.language} roles={defaults.specialistRoles} />
        <InlineActions submitting={state.submitting} submitLabel={t('common.save')} onCancel={onClose} />
      </Stack>
    </form>
  );
}
