/** The client's problems: "Report a problem" and the list of their company's claims with where each stands; a resolved one can be confirmed. */
import { useState } from 'react';
import { Button, Card, Group, NativeSelect, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CLAIM_SEVERITIES, type ClaimSeverity } from '@common/enums';
import type { ClientClaim } from '@common/schemas/claim';
import { ApiError } from '../../api/client';
import { ListBody } from '../../components/ListStates';
import { PageHeader } from '../../components/PageHeader';
import { useLocale } from '../../i18n';
import { formatDate } from '../../lib/format';
import { fieldErrorText } from '../../lib/problems';
import { notify } from '../../lib/notify';
import { PortalShell } from '../portal/PortalShell';
import { portalCategoriesQuery, useConfirmClaim, useNameOf, usePortalClaims, useReportProblem } from './api';
import { SeverityBadge, StatusBadge } from './SeverityBadge';

function ReportForm() {
  const { t } = useTranslation();
  const categories = useQuery(portalCategoriesQuery);
  const nameOf = useNameOf();
  const report = useReportProblem();
  const [category, setCategory] = useState('quality');
  const [severity, setSeverity] = useState<ClaimSeverity>('medium');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<string | undefined>();

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!description.trim()) return setError(t('claims.descriptionMissing'));
    try {
      await report.mutateAsync({ category, severity, description });
    } catch (err) {
      if (!(err instanceof ApiError) || err.fieldErrors.length === 0) throw err;
      return setError(fieldErrorText(err.fieldErrors[0]));
    }
    setDescription('');
    setError(undefined);
    notify({ message: t('claims.portal.reported'), color: 'green' });
  };

  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="form"
      onSubmit={(e: React.FormEvent) => void submit(e)}
      noValidate
      aria-label={t('claims.portal.report')}
    >
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('claims.portal.report')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('claims.portal.intro')}
        </Text>
        <Group grow align="start">
          <NativeSelect
            label={t('claims.portal.about')}
            value={category}
            onChange={(e) => setCategory(e.currentTarget.value)}
            data={(categories.data?.categories ?? []).map((c) => ({ value: c.key, label: nameOf(categories.data?.categories, c.key) }))}
          />
          <NativeSelect
            label={t('claims.portal.howBad')}
            value={severity}
            onChange={(e) => setSeverity(e.currentTarget.value as ClaimSeverity)}
            data={CLAIM_SEVERITIES.map((s) => ({ value: s, label: t(`claims.severity.${s}`) }))}
          />
        </Group>
        <Textarea
          label={t('claims.portal.what')}
          required
          autosize
          minRows={3}
          value={description}
          error={error}
          onChange={(e) => setDescription(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={report.isPending}>
            {t('claims.portal.send')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function ClaimCard({ claim }: { claim: ClientClaim }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const confirm = useConfirmClaim();
  return (
    <Card withBorder radius="md" data-testid="portal-claim">
      <Stack gap="xs">
        <Group justify="space-between">
          <Group gap="xs">
            <StatusBadge status={claim.status} />
            <SeverityBadge severity={claim.severity} />
          </Group>
          <Text size="xs" c="dimmed">
            {formatDate(claim.createdAt, locale)}
          </Text>
        </Group>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{claim.description}</Text>
        {claim.resolution && (
          <Text size="sm">
            <Text span fw={700}>
              {t('claims.portal.whatWeDid')}
            </Text>{' '}
            {claim.resolution}
          </Text>
        )}
        {claim.status === 'resolved' && (
          <Group>
            <Button
              size="sm"
              loading={confirm.isPending}
              onClick={() => confirm.mutate(claim, { onSuccess: () => notify({ message: t('claims.portal.confirmed'), color: 'green' }) })}
            >
              {t('claims.portal.confirm')}
            </Button>
            <Text size="xs" c="dimmed">
              {t('claims.portal.confirmHint')}
            </Text>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

export function PortalClaimsPage() {
  const { t } = useTranslation();
  const list = usePortalClaims();
  return (
    <PortalShell>
      <PageHeader title={t('claims.portal.title')} />
      <Stack gap="lg">
        <ReportForm />
        <Title order={2} size="h4">
          {t('claims.portal.yours')}
        </Title>
        <ListBody list={list} empty={<Text c="dimmed">{t('claims.portal.none')}</Text>}>
          <Stack gap="sm">
            {list.items.map((c) => (
              <ClaimCard key={c.id} claim={c} />
            ))}
          </Stack>
        </ListBody>
      </Stack>
    </PortalShell>
  );
}
