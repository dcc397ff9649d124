/** Where a sent document stands with the client: waiting, signed (by whom, when, how) or declined; and every frozen copy kept. */
import { Alert, Anchor, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SIGNABLE_DOCUMENT_KINDS } from '@common/enums';
import type { Document } from '@common/schemas/document';
import { Section } from '../../components/Section';
import { useLocale } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { fileUrl } from '../documents/api';
import './catalogue';

function Answer({ doc }: { doc: Document }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (doc.signature) {
    const s = doc.signature;
    return (
      <Alert
        color="green"
        title={t(`acts.signedVia.${s.via}`, { name: s.name, at: formatDateTime(s.at, locale) })}
        data-testid="signature-status"
      >
        {s.ipAddress && <Text size="sm">{t('acts.signedFrom', { ip: s.ipAddress })}</Text>}
      </Alert>
    );
  }
  if (doc.declination) {
    const d = doc.declination;
    return (
      <Alert
        color="orange"
        title={t('acts.declinedBy', { name: d.name ?? t('acts.theClient'), at: formatDateTime(d.at, locale) })}
        data-testid="signature-status"
      >
        <Text size="sm">{t('acts.declineReasonWas', { reason: d.reason })}</Text>
      </Alert>
    );
  }
  return (
    <Alert color="blue" data-testid="signature-status">
      {t('acts.awaitingSignature')}
    </Alert>
  );
}

/** Shown for a document of a kind the client signs, once it was sent. */
export function DocumentSignature({ doc }: { doc: Document }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (doc.versions.length === 0 || !SIGNABLE_DOCUMENT_KINDS.includes(doc.kind)) return null;
  return (
    <Section title={t('acts.signatureTitle')}>
      <Stack gap="sm">
        {doc.status !== 'cancelled' && <Answer doc={doc} />}
        <Text size="sm" fw={600}>
          {t('acts.copies')}
        </Text>
        <List spacing="xs" size="sm">
          {doc.versions.map((v) => (
            <List.Item key={v.seq}>
              <Anchor href={fileUrl(`/documents/${doc.id}/versions/${v.seq}/pdf`)} target="_blank" rel="noopener">
                {t(`acts.version.${v.purpose}`)}
              </Anchor>{' '}
              — {formatDateTime(v.createdAt, locale)}
              {v.sha256 && (
                <Text span ff="monospace" size="xs" style={{ wordBreak: 'break-all' }}>
                  {' '}
                  SHA-256 {v.sha256}
                </Text>
              )}
            </List.Item>
          ))}
        </List>
      </Stack>
    </Section>
  );
}
