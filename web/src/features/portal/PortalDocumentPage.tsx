/** One document of the client's company as the client sees it: the PDF they got, its lines, and their signature or answer. */
import { Button, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Document } from '@common/schemas/document';
import { AnchorLink } from '../../components/links';
import { PageHeader } from '../../components/PageHeader';
import { RecordGate } from '../../components/RecordGate';
import { Section } from '../../components/Section';
import { DocumentSignature } from '../acts/DocumentSignature';
import { documentQuery, fileUrl } from '../documents/api';
import { DocumentBadge } from '../documents/DocumentBadge';
import { PdfSection } from '../documents/PdfSection';
import { PricedLines } from '../documents/PricedLines';
import { PortalShell } from './PortalShell';
import { SignPanel } from './SignPanel';

const route = getRouteApi('/portal/documents/$documentId');

function PortalDocument({ doc }: { doc: Document }) {
  const { t } = useTranslation();
  const heading = t('documents.numbered', { kind: t(`documentKind.${doc.kind}`), number: doc.number ?? '' });
  const pdf = `${fileUrl(`/documents/${doc.id}/pdf`)}?v=${doc.version}`;
  return (
    <Stack gap="lg">
      <AnchorLink to="/portal/documents" size="sm">
        {t('portal.allDocuments')}
      </AnchorLink>
      <PageHeader title={heading}>
        <DocumentBadge status={doc.status} size="lg" data-testid="document-status" />
      </PageHeader>
      <SignPanel doc={doc} />
      <DocumentSignature doc={doc} />
      {doc.lines.length > 0 && (
        <Section title={t('invoices.lines')}>
          <PricedLines lines={doc.lines} currency={doc.currency} total={doc.totalMinor} />
        </Section>
      )}
      <PdfSection url={pdf} heading={heading} height={600}>
        <Button component="a" href={pdf} download variant="default" mb="sm">
          {t('documents.downloadPdf')}
        </Button>
      </PdfSection>
    </Stack>
  );
}

export function PortalDocumentPage() {
  const { documentId } = route.useParams();
  const query = useQuery(documentQuery(documentId));
  return (
    <PortalShell>
      <RecordGate query={query}>{(doc) => <PortalDocument doc={doc} />}</RecordGate>
    </PortalShell>
  );
}
