/** The agency as its paperwork names it: legal name, address, ids, bank details, signatory (per language) and logo. */
import { useMemo } from 'react';
import { Button, FileInput, Group, Image, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Language } from '@common/enums';
import { AgencyDetailsUpdateSchema, LOGO_MAX_BYTES, type AgencyDetailsUpdate } from '@common/schemas/agency';
import { ApiError } from '../../api/client';
import { describeError } from '../../components/describe-error';
import { FormActions } from '../../components/FormActions';
import { FormAlerts } from '../../components/FormAlerts';
import { ButtonLink } from '../../components/links';
import { PageHeader } from '../../components/PageHeader';
import { RecordGate } from '../../components/RecordGate';
import { Section } from '../../components/Section';
import { validateWith } from '../../lib/forms';
import { notify } from '../../lib/notify';
import { problemText } from '../../lib/problems';
import { useSubmit } from '../../lib/use-submit';
import { agencyQuery, fileUrl, useRemoveLogo, useSaveAgency, useUploadLogo, type AgencyDetails } from './api';

const LOCALIZED = ['legalName', 'address', 'bankDetails', 'signatoryName', 'signatoryTitle'] as const;
const PLAIN = ['name', 'taxId', 'registrationId', 'email', 'phone', 'website'] as const;
const MULTILINE = new Set(['address', 'bankDetails']);

type Plain = (typeof PLAIN)[number];
type Localized = (typeof LOCALIZED)[number];
/** The form edits every text as typed; per-language texts nest under their field, as the API names them (`address.ru`). */
type Values = Record<Plain, string> & Record<Localized, Record<Language, string>>;

function toValues(d: AgencyDetails): Values {
  const plain = Object.fromEntries(PLAIN.map((k) => [k, d[k] ?? '']));
  const localized = Object.fromEntries(LOCALIZED.map((k) => [k, { en: d[k].en ?? '', ru: d[k].ru ?? '' }]));
  return { ...plain, ...localized } as Values;
}

function toBody(v: Values): AgencyDetailsUpdate {
  const text = (s: string) => s.trim() || null;
  const plain = Object.fromEntries(PLAIN.map((k) => [k, text(v[k])]));
  const localized = Object.fromEntries(LOCALIZED.map((k) => [k, { en: text(v[k].en), ru: text(v[k].ru) }]));
  return { ...plain, ...localized };
}

function LogoSection({ agency }: { agency: AgencyDetails }) {
  const { t } = useTranslation();
  const upload = useUploadLogo();
  const remove = useRemoveLogo();
  const failed = upload.error ?? remove.error;
  const error = failed
    ? failed instanceof ApiError
      ? (problemText(failed) ?? describeError(failed, t))
      : describeError(failed, t)
    : undefined;
  return (
    <Section title={t('agency.logo')}>
      <Group align="flex-end">
        {agency.logo ? (
          <Image
            src={`${fileUrl('/settings/agency/logo')}?v=${agency.logo.sha256}`}
            alt={t('agency.logoAlt')}
            h={60}
            w="auto"
            fit="contain"
            data-testid="agency-logo"
          />
        ) : (
          <Text c="dimmed">{t('agency.noLogo')}</Text>
        )}
        <FileInput
          label={t('agency.uploadLogo')}
          description={t('agency.logoHint', { size: LOGO_MAX_BYTES / 1024 / 1024 })}
          placeholder={t('agency.chooseFile')}
          accept="image/png,image/jpeg,image/svg+xml"
          clearable={false}
          value={null}
          error={error}
          disabled={upload.isPending}
          onChange={(file) => {
            remove.reset();
            if (file) upload.mutate(file, { onSuccess: () => notify({ color: 'green', message: t('agency.logoSaved') }) });
          }}
          w={320}
        />
        {agency.logo && agency.can.update && (
          <Button
            variant="default"
            color="red"
            loading={remove.isPending}
            onClick={() => {
              upload.reset();
              remove.mutate(undefined, { onSuccess: () => notify({ color: 'green', message: t('agency.logoRemoved') }) });
            }}
          >
            {t('agency.removeLogo')}
          </Button>
        )}
      </Group>
    </Section>
  );
}

function AgencyForm({ agency, onReload }: { agency: AgencyDetails; onReload: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const save = useSaveAgency();
  const initial = useMemo(() => toValues(agency), [agency]);
  const form = useForm<Values>({ initialValues: initial });
  const validate = validateWith(AgencyDetailsUpdateSchema, (v: Values) => ({ payload: toBody(v), errors: {} }));
  const [submit, state] = useSubmit(form, async (values: Values) => {
    const errors = validate(values);
    if (Object.keys(errors).length) return form.setErrors(errors);
    await save.mutateAsync({ body: toBody(values), version: agency.version });
    notify({ color: 'green', message: t('agency.saved') });
  });
  const field = (name: string, label: string) =>
    MULTILINE.has(name.split('.')[0]) ? (
      <Textarea key={name} label={label} autosize minRows={2} {...form.getInputProps(name)} />
    ) : (
      <TextInput key={name} label={label} {...form.getInputProps(name)} />
    );
  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label={t('agency.title')}>
      <Stack>
        <FormAlerts state={state} onReload={onReload} />
        <Section title={t('agency.identity')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>{PLAIN.map((k) => field(k, t(`agency.field.${k}`)))}</SimpleGrid>
        </Section>
        <Section title={t('agency.perLanguage')}>
          <Text size="sm" c="dimmed" mb="sm">
            {t('agency.perLanguageHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {LOCALIZED.flatMap((k) =>
              (['en', 'ru'] as const).map((l) => field(`${k}.${l}`, `${t(`agency.field.${k}`)} (${t(`agency.in.${l}`)})`)),
            )}
          </SimpleGrid>
        </Section>
        <FormActions submitting={state.submitting} />
      </Stack>
    </form>
  );
}

export function AgencyPage() {
  const { t } = useTranslation();
  const query = useQuery(agencyQuery);
  return (
    <>
      <PageHeader title={t('agency.title')}>
        <ButtonLink to="/settings/templates" variant="default">
          {t('nav.templates')}
        </ButtonLink>
      </PageHeader>
      <RecordGate query={query}>
        {(agency) => (
          <Stack gap="lg">
            <LogoSection agency={agency} />
            {/* Keyed by version: after a collision, "reload" starts the form from the newer details. */}
            <AgencyForm key={agency.version} agency={agency} onReload={() => query.refetch()} />
          </Stack>
        )}
      </RecordGate>
    </>
  );
}
