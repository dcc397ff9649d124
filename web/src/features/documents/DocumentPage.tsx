/** One document: its details, the PDF as the client gets it, its history, and the steps it allows. */
import { useState } from 'react';
import { Alert, Button, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ActionDialog } from '../../components/ActionDialog';
import { Details } from '../../components/Details';
import { AnchorLink, ButtonLink } from '../../components/links';
import { PageHeader } from '../../components/PageHeader';
import { RecordGate } from '../../components/RecordGate';
import { Section } from '../../components/Section';
import { useLocale } from '../../i18n';
import { formatCalendarDate, formatDateTime, formatMoney } from '../../lib/format';
import { notify } from '../../lib/notify';
import { describeError } from '../../components/describe-error';
import { useInvoiceFromAct } from '../acts/api';
import { DocumentSignature } from '../acts/DocumentSignature';
import { PaperSignatureDialog } from '../acts/PaperSignatureDialog';
import { documentQuery, fileUrl, useCancelDocument, useSendDocument, type Document } from './api';
import { DocumentBadge } from './DocumentBadge';
import { DocumentHistory } from './DocumentHistory';
import { PdfSection } from './PdfSection';
import { PricedLines } from './PricedLines';
import { SendDialog } from './SendDialog';

const route = getRouteApi('/app/documents/$documentId');

function DocumentView({ doc }: { doc: Document }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const send = useSendDocument();
  const cancel = useCancelDocument();
  const invoice = useInvoiceFromAct();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<'send' | 'cancel' | 'paper' | null>(null);
  const makeInvoice = () =>
    invoice.mutate(doc, {
      onSuccess: (made) => {
        notify({ color: 'green', message: t('acts.invoiceCreated') });
        void navigate({ to: '/invoices/$invoiceId', params: { invoiceId: made.id } });
      },
      onError: (e) => notify({ color: 'red', title: t('acts.invoiceFailed'), message: describeError(e, t) }),
    });
  const money = (v: number) => formatMoney(v, doc.currency, locale);
  const date = (d: string | null) => (d ? formatCalendarDate(d, locale) : null);
  const heading = doc.number ? t('documents.numbered', { kind: t(`documentKind.${doc.kind}`), number: doc.number }) : doc.title;
  const pdf = fileUrl(`/documents/${doc.id}/pdf`);
  // The PDF is re-read after each change of the draft (its version is in the address).
  const viewer = `${pdf}?v=${doc.version}`;

  return (
    <Stack gap="lg">
      <PageHeader title={heading}>
        <DocumentBadge status={doc.status} size="lg" data-testid="document-status" />
        {doc.can.update && (
          <ButtonLink to="/documents/$documentId/edit" params={{ documentId: doc.id }} variant="default">
            {t('common.edit')}
          </ButtonLink>
        )}
        <Button component="a" href={pdf} download variant="default">
          {t('documents.downloadPdf')}
        </Button>
        {doc.can.send && (
          <Button onClick={() => setDialog('send')}>{doc.status === 'draft' ? t('documents.sendFirst') : t('documents.sendAgain')}</Button>
        )}
        {doc.can.recordPaperSignature && (
          <Button variant="default" onClick={() => setDialog('paper')}>
            {t('acts.recordPaper')}
          </Button>
        )}
        {doc.can.createInvoice && (
          <Button onClick={makeInvoice} loading={invoice.isPending}>
            {t('acts.createInvoice')}
          </Button>
        )}
        {doc.can.cancel && (
          <Button variant="default" color="red" onClick={() => setDialog('cancel')}>
            {t('documents.cancel')}
          </Button>
        )}
      </PageHeader>
      {doc.status === 'cancelled' && (
        <Alert color="gray" title={t('documents.cancelled')}>
          {doc.cancelReason}
        </Alert>
      )}
      {doc.status === 'draft' && <Alert color="blue">{t('documents.draftNote')}</Alert>}
      <Section title={t('documents.details')}>
        <Details
          items={[
            [t('documents.kind'), t(`documentKind.${doc.kind}`)],
            [
              t('fields.account'),
              <AnchorLink key="a" to="/accounts/$accountId" params={{ accountId: doc.accountId }}>
                {doc.accountName}
              </AnchorLink>,
            ],
            [
              t('documents.project'),
              doc.projectId && (
                <AnchorLink key="p" to="/projects/$projectId" params={{ projectId: doc.projectId }}>
                  {doc.projectName}
                </AnchorLink>
              ),
            ],
            [t('documents.language'), t(`languages.${doc.language}`)],
            [t('documents.date'), date(doc.issueDate)],
            [
              t('documents.period'),
              doc.periodFrom || doc.periodTo ? `${date(doc.periodFrom) ?? '…'} — ${date(doc.periodTo) ?? '…'}` : null,
            ],
            [t('documents.total'), doc.totalMinor ? money(doc.totalMinor) : null],
            [t('documents.sentAt'), doc.sentAt && formatDateTime(doc.sentAt, locale)],
            [
              t('acts.invoice'),
              doc.invoice && (
                <AnchorLink key="i" to="/invoices/$invoiceId" params={{ invoiceId: doc.invoice.id }}>
                  {doc.invoice.number ?? t('acts.draftInvoice')}
                </AnchorLink>
              ),
            ],
            [
              t('documents.checksum'),
              doc.pdfSha256 && (
                <Text key="s" span ff="monospace" size="xs" style={{ wordBreak: 'break-all' }}>
                  {doc.pdfSha256}
                </Text>
              ),
            ],
          ]}
        />
      </Section>
      {doc.lines.length > 0 && (
        <Section title={t('invoices.lines')}>
          <PricedLines lines={doc.lines} currency={doc.currency} />
        </Section>
      )}
      <PdfSection url={viewer} heading={heading} />
      <DocumentSignature doc={doc} />
      {doc.can.seeHistory && <DocumentHistory documentId={doc.id} />}
      <PaperSignatureDialog doc={doc} opened={dialog === 'paper'} onClose={() => setDialog(null)} />
      <SendDialog
        accountId={doc.accountId}
        title={t('documents.sendTitle', { title: heading })}
        opened={dialog === 'send'}
        onClose={() => setDialog(null)}
        onSend={async (body) => {
          const r = await send.mutateAsync({ doc, body });
          notify({ color: 'green', message: t('documents.sent', { to: r.recipients.join(', ') }) });
        }}
      />
      <ActionDialog
        opened={dialog === 'cancel'}
        onClose={() => setDialog(null)}
        title={t('documents.cancelTitle')}
        body={t('documents.cancelBody')}
        note={{ label: t('documents.cancelReason'), missing: t('documents.reasonRequired'), field: 'reason' }}
        confirmLabel={t('documents.cancel')}
        confirmColor="red"
        onConfirm={(reason) => cancel.mutateAsync({ doc, reason })}
      />
    </Stack>
  );
}

export function DocumentPage() {
  const { documentId } = route.useParams();
  const query = useQuery(documentQuery(documentId));
  return <RecordGate query={query}>{(doc) => <DocumentView doc={doc} />}</RecordGate>;
}
