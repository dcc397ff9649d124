/** The PDF of a document shown in the browser's own viewer, with a link to open it in a tab of its own. */
import type { ReactNode } from 'react';
import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Section } from '../../components/Section';
import './catalogue';

export function PdfSection({
  url,
  heading,
  height = 720,
  children,
}: {
  url: string;
  heading: string;
  height?: number;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Section
      title={t('documents.preview')}
      actions={
        <Anchor href={url} target="_blank" rel="noopener" size="sm">
          {t('documents.openPdf')}
        </Anchor>
      }
    >
      {children}
      <iframe
        src={url}
        title={t('documents.previewOf', { title: heading })}
        data-testid="pdf-viewer"
        style={{ width: '100%', height, border: '1px solid var(--mantine-color-default-border)' }}
      />
    </Section>
  );
}
