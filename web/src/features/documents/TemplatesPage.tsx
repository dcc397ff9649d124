/** The admin's wording of each kind's text blocks, per language, with the placeholders and a live PDF preview. */
import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Code, Group, NativeSelect, SegmentedControl, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_KINDS, type DocumentKind, type Language } from '@common/enums';
import { ApiError } from '../../api/client';
import { describeError } from '../../components/describe-error';
import { InlineActions } from '../../components/InlineActions';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/RouteStates';
import { RecordGate } from '../../components/RecordGate';
import { Section } from '../../components/Section';
import { fieldErrorText } from '../../lib/problems';
import { notify } from '../../lib/notify';
import { previewTemplate, templatesQuery, useSaveTemplate, type DocumentTemplate } from './api';

/** The PDF of the blocks as typed, refreshed a moment after typing stops; a refusal is shown instead. */
function usePreview(kind: DocumentKind, language: Language, blocks: Record<string, string>) {
  const [debounced] = useDebouncedValue(blocks, 600);
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const key = JSON.stringify(debounced);
  useEffect(() => {
    const abort = new AbortController();
    let made: string | null = null;
    previewTemplate(kind, language, JSON.parse(key) as Record<string, string>, abort.signal)
      .then((u) => {
        made = u;
        setUrl(u);
        setError(null);
      })
      .catch((e: unknown) => {
        if (!abort.signal.aborted) setError(e);
      });
    return () => {
      abort.abort();
      if (made) URL.revokeObjectURL(made);
    };
  }, [kind, language, key]);
  return { url, error };
}

function Editor({ template, placeholders }: { template: DocumentTemplate; placeholders: string[] }) {
  const { t, i18n } = useTranslation();
  const save = useSaveTemplate();
  // The wording in the user's own language first.
  const [language, setLanguage] = useState<Language>(i18n.language === 'ru' ? 'ru' : 'en');
  const [drafts, setDrafts] = useState(template.blocks);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const blocks = drafts[language];
  const preview = usePreview(template.kind, language, blocks);
  // The server refusing the wording (a field error) reads differently from the preview failing to load.
  const refused = preview.error instanceof ApiError && preview.error.fieldErrors.length > 0;
  const previewError =
    preview.error === null
      ? null
      : refused
        ? (preview.error as ApiError).fieldErrors.map(fieldErrorText).join(' ')
        : describeError(preview.error, t);

  const submit = async () => {
    setBusy(true);
    setErrors({});
    setError(null);
    try {
      const saved = await save.mutateAsync({ kind: template.kind, body: { blocks: drafts } });
      setDrafts(saved.blocks);
      notify({ color: 'green', message: t('templates.saved') });
    } catch (e) {
      if (e instanceof ApiError && e.fieldErrors.length) {
        setErrors(Object.fromEntries(e.fieldErrors.map((f) => [f.field, fieldErrorText(f)])));
        const first = e.fieldErrors[0].field.split('.')[1];
        if (first === 'en' || first === 'ru') setLanguage(first);
      } else setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        noValidate
        aria-label={t('templates.editing', { kind: t(`documentKind.${template.kind}`) })}
      >
        <Stack>
          <SegmentedControl
            aria-label={t('documents.language')}
            value={language}
            onChange={(v) => setLanguage(v)}
            data={(['en', 'ru'] as const).map((l) => ({ value: l, label: t(`languages.${l}`) }))}
          />
          {template.blockNames.map((name) => {
            const builtIn = template.defaults[language][name] ?? '';
            const setBlock = (text: string) => setDrafts((d) => ({ ...d, [language]: { ...d[language], [name]: text } }));
            return (
              <Stack key={`${language}.${name}`} gap={4}>
                <Textarea
                  label={t(`templates.block.${name}`)}
                  description={t('templates.emptyMeansDefault')}
                  autosize
                  minRows={3}
                  maxRows={16}
                  value={blocks[name] ?? ''}
                  error={errors[`blocks.${language}.${name}`]}
                  onChange={(e) => setBlock(e.currentTarget.value)}
                />
                {builtIn && blocks[name] !== builtIn && (
                  <Group justify="flex-end">
                    <Button variant="subtle" size="compact-sm" onClick={() => setBlock(builtIn)}>
                      {t('templates.restore', { block: t(`templates.block.${name}`) })}
                    </Button>
                  </Group>
                )}
              </Stack>
            );
          })}
          {error !== null && (
            <Alert color="red" role="alert" title={t('errors.saveFailed')}>
              {describeError(error, t)}
            </Alert>
          )}
          <InlineActions submitting={busy} submitLabel={t('common.save')} onCancel={() => setDrafts(template.blocks)} />
          <Section title={t('templates.placeholders')}>
            <Group gap={6}>
              {placeholders.map((p) => (
                <Code key={p}>{`{{${p}}}`}</Code>
              ))}
            </Group>
          </Section>
        </Stack>
      </form>
      <Stack>
        {previewError && (
          <Alert color="orange" role="status" title={t(refused ? 'templates.previewRefused' : 'templates.previewFailed')}>
            {previewError}
          </Alert>
        )}
        {preview.url ? (
          <iframe
            src={preview.url}
            title={t('templates.preview')}
            data-testid="template-preview"
            style={{ width: '100%', height: 760, border: '1px solid var(--mantine-color-default-border)' }}
          />
        ) : (
          !previewError && <PageLoader />
        )}
      </Stack>
    </SimpleGrid>
  );
}

export function TemplatesPage() {
  const { t } = useTranslation();
  const query = useQuery(templatesQuery);
  const [kind, setKind] = useState<DocumentKind>('contract');
  const kinds = useMemo(() => DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`documentKind.${k}`) })), [t]);
  return (
    <>
      <PageHeader title={t('templates.title')}>
        <NativeSelect
          label={t('documents.kind')}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as DocumentKind)}
          data={kinds}
        />
      </PageHeader>
      <Text c="dimmed" mb="md">
        {t('templates.intro')}
      </Text>
      <RecordGate query={query}>
        {(data) => {
          const template = data.items.find((x) => x.kind === kind)!;
          return <Editor key={kind} template={template} placeholders={data.placeholders} />;
        }}
      </RecordGate>
    </>
  );
}
