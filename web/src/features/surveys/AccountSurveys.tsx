/** An account's surveys on its page: who was asked what, when, and the answer; "Send survey" for its manager. */
import { useState } from 'react';
import { Badge, Button, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Account } from '@common/schemas/account';
import { isLowScore, type Survey } from '@common/schemas/survey';
import { DataTable } from '../../components/DataTable';
import { ListBody } from '../../components/ListStates';
import { Section } from '../../components/Section';
import { useLocale } from '../../i18n';
import { formatDate } from '../../lib/format';
import { useSurveys } from './api';
import { SendSurveyDialog } from './SendSurveyDialog';

const STATE_COLOURS = { pending: 'blue', answered: 'green', expired: 'gray' } as const;

function Score({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  if (survey.score === null) return <Text c="dimmed">—</Text>;
  const low = isLowScore(survey.kind, survey.score);
  return (
    <Text size="sm" fw={600} c={low ? 'var(--mantine-color-error)' : undefined} data-low={low || undefined}>
      {survey.score}
      {low && ` (${t('surveys.low')})`}
    </Text>
  );
}

export function AccountSurveys({ account }: { account: Account }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const list = useSurveys({ accountId: account.id });
  const [sending, setSending] = useState(false);
  const send = account.can.update && (
    <Button size="sm" onClick={() => setSending(true)}>
      {t('surveys.sendSurvey')}
    </Button>
  );
  const headers = [
    t('surveys.fields.sentAt'),
    t('surveys.fields.kind'),
    t('surveys.fields.contact'),
    t('surveys.fields.project'),
    t('surveys.fields.state'),
    t('surveys.fields.score'),
    t('surveys.fields.comment'),
  ];
  return (
    <Section title={t('surveys.sectionTitle')} actions={send}>
      <ListBody list={list} empty={<Text c="dimmed">{t('surveys.noneOnAccount')}</Text>}>
        <DataTable headers={headers} minWidth={860}>
          {list.items.map((s) => (
            <Table.Tr key={s.id} data-testid="survey-row">
              <Table.Td>{formatDate(s.sentAt, locale)}</Table.Td>
              <Table.Td>{t(`surveys.kind.${s.kind}`)}</Table.Td>
              <Table.Td>{s.contactName}</Table.Td>
              <Table.Td>{s.projectName ?? '—'}</Table.Td>
              <Table.Td>
                <Badge color={STATE_COLOURS[s.state]}>{t(`surveys.state.${s.state}`)}</Badge>
              </Table.Td>
              <Table.Td>
                <Score survey={s} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{s.comment ?? ''}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </ListBody>
      {sending && <SendSurveyDialog opened accountId={account.id} onClose={() => setSending(false)} />}
    </Section>
  );
}
