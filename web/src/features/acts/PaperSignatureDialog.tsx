/** The manager records that the client signed on paper: who signed, and the scan as a PDF (checked by the server by its content). */
import { useState } from 'react';
import { FileInput, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SCAN_MAX_BYTES, type Document } from '@common/schemas/document';
import { FormDialog } from '../../components/FormDialog';
import { notify } from '../../lib/notify';
import { useRecordPaperSignature } from './api';
import './catalogue';

export function PaperSignatureDialog({ doc, opened, onClose }: { doc: Document; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const record = useRecordPaperSignature();
  const [name, setName] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState<{ name?: string; file?: string }>({});

  const submit = async () => {
    const problems = { name: name.trim() ? undefined : t('acts.signerRequired'), file: file ? undefined : t('acts.scanRequired') };
    setMissing(problems);
    if (problems.name || problems.file || !file) return false;
    await record.mutateAsync({ id: doc.id, file, signerName: name.trim() });
    notify({ color: 'green', message: t('acts.paperRecorded') });
    setName('');
    setFile(null);
  };

  return (
    <FormDialog title={t('acts.paperTitle')} opened={opened} onClose={onClose} submitLabel={t('acts.paperSubmit')} onSubmit={submit}>
      <Stack>
        <TextInput
          label={t('acts.signerName')}
          required
          value={name}
          error={missing.name}
          onChange={(e) => setName(e.currentTarget.value)}
          data-autofocus
        />
        <FileInput
          label={t('acts.scan')}
          description={t('acts.scanHint', { size: SCAN_MAX_BYTES / 1024 / 1024 })}
          placeholder={t('agency.chooseFile')}
          accept="application/pdf"
          required
          value={file}
          error={missing.file}
          onChange={setFile}
        />
      </Stack>
    </FormDialog>
  );
}
