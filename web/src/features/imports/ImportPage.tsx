/** Importing a spreadsheet: upload, a preview to map and check, the background run with its progress, and undo. */
import './catalogue';
import { useState } from 'react';
import { Alert, Anchor, Button, FileInput, Group, Progress, Select, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  IMPORT_ENTITIES,
  IMPORT_ENCODINGS,
  DUPLICATE_POLICIES,
  type Import,
  type ImportDelimiter,
  type ImportEntity,
  type ImportOptions,
  type ImportPreview,
} from '@common/schemas/import';
import { PageHeader } from '../../components/PageHeader';
import { describeError } from '../../components/describe-error';
import { errorReportUrl, useCommitImport, useImportProgress, useUndoImport, useUpdateImport, useUploadImport } from './api';
import { ImportPreviewTable } from './ImportPreviewTable';

const DELIMITERS: { value: ImportDelimiter; key: string }[] = [
  { value: ',', key: 'comma' },
  { value: ';', key: 'semicolon' },
  { value: '\t', key: 'tab' },
];

export function ImportPage() {
  const { t } = useTranslation();
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  return (
    <>
      <PageHeader title={t('imports.title')} />
      {preview ? (
        <PreviewStep key={preview.id} initial={preview} onAnother={() => setPreview(null)} />
      ) : (
        <UploadStep onPreview={setPreview} />
      )}
    </>
  );
}

function UploadStep({ onPreview }: { onPreview: (p: ImportPreview) => void }) {
  const { t } = useTranslation();
  const [entity, setEntity] = useState<ImportEntity>('contacts');
  const [file, setFile] = useState<File | null>(null);
  const upload = useUploadImport();
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (file) upload.mutate({ entity, file, options: {} }, { onSuccess: onPreview });
      }}
    >
      <Stack maw={560}>
        <Text>{t('imports.intro')}</Text>
        <Select
          label={t('imports.entity')}
          value={entity}
          allowDeselect={false}
          onChange={(v) => v && setEntity(v)}
          data={IMPORT_ENTITIES.map((e) => ({ value: e, label: t(`imports.entityOption.${e}`) }))}
        />
        <FileInput
          label={t('imports.file')}
          placeholder={t('imports.filePlaceholder')}
          accept=".csv,.txt,.tsv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          value={file}
          onChange={setFile}
          required
        />
        {upload.error && <Alert color="red">{describeError(upload.error, t)}</Alert>}
        <Group>
          <Button type="submit" loading={upload.isPending} disabled={!file}>
            {t('imports.upload')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function PreviewStep({ initial, onAnother }: { initial: ImportPreview; onAnother: () => void }) {
  const { t } = useTranslation();
  const [preview, setPreview] = useState(initial);
  const update = useUpdateImport(preview.id);
  const commit = useCommitImport(preview.id);
  const undo = useUndoImport(preview.id);
  const started = commit.isSuccess;
  const progress = useImportProgress(preview.id, started);
  const state: Import = undo.data ?? progress.data ?? commit.data ?? preview;
  const change = (options: ImportOptions) => update.mutate(options, { onSuccess: setPreview });
  const error = update.error ?? commit.error ?? undo.error;

  return (
    <Stack>
      {!started && (
        <>
          <Group align="flex-end" wrap="wrap">
            {preview.format === 'csv' && (
              <>
                <Select
                  label={t('imports.encoding')}
                  value={preview.encoding}
                  allowDeselect={false}
                  onChange={(v) => v && change({ encoding: v })}
                  data={IMPORT_ENCODINGS.map((e) => ({ value: e, label: t(`imports.encodingOption.${e}`) }))}
                />
                <Select
                  label={t('imports.delimiter')}
                  value={DELIMITERS.find((d) => d.value === preview.delimiter)?.key ?? null}
                  allowDeselect={false}
                  onChange={(v) => v && change({ delimiter: DELIMITERS.find((d) => d.key === v)!.value })}
                  data={DELIMITERS.map((d) => ({ value: d.key, label: t(`imports.delimiterOption.${d.key}`) }))}
                />
              </>
            )}
            {preview.format === 'xlsx' && (
              <Select
                label={t('imports.sheet')}
                value={preview.sheet}
                allowDeselect={false}
                onChange={(v) => v && change({ sheet: v })}
                data={preview.sheets}
              />
            )}
            <Select
              label={t('imports.duplicatePolicy')}
              value={preview.duplicatePolicy}
              allowDeselect={false}
              onChange={(v) => v && change({ duplicatePolicy: v })}
              data={DUPLICATE_POLICIES.map((p) => ({ value: p, label: t(`imports.policyOption.${p}`) }))}
            />
          </Group>
          <Title order={2} size="h3">
            {t('imports.previewTitle')}
          </Title>
          <Text role="status">{t('imports.counts', preview.counts)}</Text>
          {preview.missingFields.length > 0 && (
            <Alert color="yellow">
              {t('imports.missing', { fields: preview.missingFields.map((f) => t(`imports.field.${f}`)).join(', ') })}
            </Alert>
          )}
          <ImportPreviewTable preview={preview} busy={update.isPending} onMapping={(mapping) => change({ mapping })} />
          <ImportErrors preview={preview} />
          <Group>
            <Button
              onClick={() => commit.mutate()}
              loading={commit.isPending}
              disabled={preview.missingFields.length > 0 || update.isPending}
            >
              {t('imports.start')}
            </Button>
          </Group>
        </>
      )}
      {started && <ImportProgress state={state} />}
      {error && <Alert color="red">{describeError(error, t)}</Alert>}
      {state.status === 'done' && (
        <Group>
          <Button variant="outline" color="red" onClick={() => undo.mutate()} loading={undo.isPending}>
            {t('imports.undo')}
          </Button>
        </Group>
      )}
      {state.status === 'undone' && <Alert color="green">{t('imports.undone')}</Alert>}
      {(state.status === 'done' || state.status === 'undone' || state.status === 'failed') && (
        <Group>
          <Button variant="subtle" onClick={onAnother}>
            {t('imports.another')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function ImportErrors({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {t('imports.errorsTitle')}
      </Title>
      {preview.errors.length === 0 ? (
        <Text>{t('imports.noErrors')}</Text>
      ) : (
        <>
          <Stack component="ul" gap={2} pl="md" m={0}>
            {preview.errors.slice(0, 10).map((e, i) => (
              <Text component="li" key={i} size="sm">
                {t('imports.errorLine', { row: e.rowNumber, column: e.column, message: e.message })}
              </Text>
            ))}
          </Stack>
          <Anchor href={errorReportUrl(preview.id)} download>
            {t('imports.downloadErrors')}
          </Anchor>
        </>
      )}
    </Stack>
  );
}

function ImportProgress({ state }: { state: Import }) {
  const { t } = useTranslation();
  const { rowsDone, totalRows } = state.progress;
  const percent = totalRows > 0 ? Math.round((rowsDone / totalRows) * 100) : state.status === 'done' ? 100 : 0;
  return (
    <Stack gap="xs">
      <Text fw={600} role="status">
        {t(`imports.status.${state.status}`)}
      </Text>
      <Progress
        value={percent}
        size="lg"
        aria-label={t('imports.progressLabel')}
        animated={state.status === 'running' || state.status === 'queued'}
      />
      <Text size="sm">{t('imports.progress', { done: rowsDone, total: totalRows })}</Text>
      {(state.status === 'done' || state.status === 'undone') && <Text>{t('imports.result', state.progress)}</Text>}
    </Stack>
  );
}
