/** A document's draft: kind, client and project, language, period, priced lines and a closing note. */
import { useMemo } from 'react';
import { NativeSelect, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_KINDS, LANGUAGES, type DocumentKind } from '@common/enums';
import { DocumentCreateSchema, DocumentUpdateSchema } from '@common/schemas/document';
import type { Project } from '@common/schemas/project';
import { api, type Page } from '../../api/client';
import { FormActions } from '../../components/FormActions';
import { FormAlerts } from '../../components/FormAlerts';
import { useLocale } from '../../i18n';
import { validateWith } from '../../lib/forms';
import { useSubmit } from '../../lib/use-submit';
import { AccountPicker } from '../accounts/AccountPicker';
import { accountQuery } from '../accounts/api';
import { LINE_RENAMES, emptyLine } from '../billing/invoice-form-values';
import { LinesEditor } from '../billing/LinesEditor';
import { useSaveDocument, type Document } from './api';
import { ContractTermsFields } from './ContractTermsFields';
import { documentToValues, valuesToDocument, type DocumentFormValues } from './document-form-values';

interface Props {
  /** The draft being changed; none for a new document. */
  document?: Document;
  /** Where a new document was started from (the account or project page). */
  start?: { kind?: DocumentKind; accountId?: string; projectId?: string };
  onSaved: (doc: Document) => void;
  onReload?: () => Promise<unknown>;
}

/** The account's projects to choose from (a document may belong to one). */
function useAccountProjects(accountId: string) {
  return useQuery({
    queryKey: ['projects', 'list', 'of-account', accountId],
    queryFn: () => api.get<Page<Project>>('/projects', { accountId, limit: 100 }),
    enabled: Boolean(accountId),
    select: (page) => page.items,
  });
}

export function DocumentForm({ document, start, onSaved, onReload }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const save = useSaveDocument();
  const creating = !document;
  const initial = useMemo(() => documentToValues(document, start), [document, start]);
  const form = useForm<DocumentFormValues>({ initialValues: initial });
  const account = useQuery({ ...accountQuery(form.values.accountId), enabled: Boolean(form.values.accountId) });
  const projects = useAccountProjects(form.values.accountId);
  const currency = document?.currency ?? account.data?.currency ?? 'EUR';

  const convert = (v: DocumentFormValues) => {
    const { payload, errors } = valuesToDocument(v, currency, locale, creating);
    return { payload, errors: { ...errors, ...(creating && !v.accountId ? { accountId: t('documents.accountRequired') } : {}) } };
  };
  const validate = validateWith(creating ? DocumentCreateSchema : DocumentUpdateSchema, convert, LINE_RENAMES);
  const [submit, state] = useSubmit(
    form,
    async (values: DocumentFormValues) => {
      const errors = validate(values);
      if (Object.keys(errors).length) return form.setErrors(errors);
      onSaved(await save.mutateAsync({ document, body: convert(values).payload as never }));
    },
    LINE_RENAMES,
  );
  const label = t(creating ? 'documents.new' : 'documents.edit');

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label={label}>
      <Stack maw={900}>
        <FormAlerts state={state} onReload={onReload} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('documents.kind')}
            disabled={!creating}
            data={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`documentKind.${k}`) }))}
            {...form.getInputProps('kind')}
          />
          <NativeSelect
            label={t('documents.language')}
            data={[
              ...(creating ? [{ value: '', label: t('documents.accountLanguage') }] : []),
              ...LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) })),
            ]}
            {...form.getInputProps('language')}
          />
        </SimpleGrid>
        {creating && (
          <AccountPicker
            required
            value={form.values.accountId}
            onChange={(id) => form.setValues({ accountId: id, projectId: '' })}
            error={form.errors.accountId as string | undefined}
          />
        )}
        <NativeSelect
          label={t('documents.project')}
          disabled={!form.values.accountId || projects.isPending}
          data={[
            { value: '', label: t('documents.noProject') },
            ...(projects.data ?? []).map((p) => ({ value: p.id, label: p.name })),
            // A project beyond the first page of the account's is still shown by name.
            ...(document?.projectId && !projects.data?.some((p) => p.id === document.projectId)
              ? [{ value: document.projectId, label: document.projectName ?? '' }]
              : []),
          ]}
          {...form.getInputProps('projectId')}
        />
        <TextInput label={t('documents.titleField')} description={t('documents.titleHint')} {...form.getInputProps('title')} />
        {form.values.kind === 'contract' ? (
          <ContractTermsFields form={form} documentId={document?.id} />
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput type="date" label={t('documents.periodFrom')} {...form.getInputProps('periodFrom')} />
            <TextInput type="date" label={t('documents.periodTo')} {...form.getInputProps('periodTo')} />
          </SimpleGrid>
        )}
        <Text size="sm" c="dimmed">
          {t('documents.linesHint')} {t('invoices.currencyNote', { currency })}
        </Text>
        <LinesEditor
          allowEmpty
          lines={form.values.lines}
          inputProps={(path) => form.getInputProps(path)}
          onAdd={() => form.insertListItem('lines', emptyLine())}
          onRemove={(i) => form.removeListItem('lines', i)}
        />
        <Textarea label={t('documents.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
        <FormActions submitting={state.submitting} submitLabel={t('documents.saveDraft')} />
      </Stack>
    </form>
  );
}
