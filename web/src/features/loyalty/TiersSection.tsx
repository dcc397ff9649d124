/** Admins: the programme's tiers by rank with their rules and benefits; add, change and remove them. */
import { useState } from 'react';
import { Badge, Button, Group, List, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { LoyaltyTier } from '@common/schemas/loyalty';
import { ActionDialog } from '../../components/ActionDialog';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/ListStates';
import { RecordGate } from '../../components/RecordGate';
import { Section } from '../../components/Section';
import { useLocale } from '../../i18n';
import { notify } from '../../lib/notify';
import { tiersQuery, useDeleteTier } from './api';
import { TierEditor } from './TierEditor';
import { benefitWords, ruleWords } from './tier-words';

function Phrases({ words }: { words: string[] }) {
  const { t } = useTranslation();
  if (!words.length) return <Text c="dimmed">{t('loyalty.words.none')}</Text>;
  return (
    <List size="sm" spacing={2}>
      {words.map((w) => (
        <List.Item key={w}>{w}</List.Item>
      ))}
    </List>
  );
}

function TiersTable({
  tiers,
  onEdit,
  onRemove,
}: {
  tiers: LoyaltyTier[];
  onEdit: (t: LoyaltyTier) => void;
  onRemove: (t: LoyaltyTier) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const headers = [t('loyalty.form.name'), t('loyalty.form.rank'), t('loyalty.form.rules'), t('loyalty.form.benefits'), ''];
  return (
    <DataTable headers={headers} minWidth={760}>
      {tiers.map((tier) => (
        <Table.Tr key={tier.id} data-testid="tier-row">
          <Table.Td>
            <Badge variant="light" tt="none">
              {tier.name}
            </Badge>
          </Table.Td>
          <Table.Td>{tier.rank}</Table.Td>
          <Table.Td>
            <Phrases words={ruleWords(tier.rules, t, locale)} />
          </Table.Td>
          <Table.Td>
            <Phrases words={benefitWords(tier.benefits, t)} />
          </Table.Td>
          <Table.Td>
            <Group gap="xs" wrap="nowrap" justify="flex-end">
              <Button size="xs" variant="default" onClick={() => onEdit(tier)} aria-label={t('loyalty.tiers.edit', { name: tier.name })}>
                {t('common.edit')}
              </Button>
              <Button
                size="xs"
                variant="subtle"
                color="red"
                onClick={() => onRemove(tier)}
                aria-label={t('loyalty.tiers.remove', { name: tier.name })}
              >
                {t('loyalty.tiers.removeShort')}
              </Button>
            </Group>
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}

export function TiersSection() {
  const { t } = useTranslation();
  const tiers = useQuery(tiersQuery);
  const remove = useDeleteTier();
  // undefined: no dialog; null: a new tier.
  const [editing, setEditing] = useState<LoyaltyTier | null>();
  const [removing, setRemoving] = useState<LoyaltyTier>();
  const nextRank = Math.min(100, Math.max(0, ...(tiers.data ?? []).map((x) => x.rank)) + 1);
  return (
    <Section
      title={t('loyalty.tiers.title')}
      actions={
        <Button size="sm" onClick={() => setEditing(null)}>
          {t('loyalty.tiers.new')}
        </Button>
      }
    >
      <RecordGate query={tiers}>
        {(items) =>
          items.length === 0 ? (
            <EmptyState title={t('loyalty.tiers.emptyTitle')} body={t('loyalty.tiers.emptyBody')} />
          ) : (
            <TiersTable tiers={items} onEdit={setEditing} onRemove={setRemoving} />
          )
        }
      </RecordGate>
      {editing !== undefined && <TierEditor tier={editing ?? undefined} nextRank={nextRank} onClose={() => setEditing(undefined)} />}
      {removing && (
        <ActionDialog
          opened
          onClose={() => setRemoving(undefined)}
          title={t('loyalty.tiers.remove', { name: removing.name })}
          body={t('loyalty.tiers.removeBody')}
          confirmLabel={t('loyalty.tiers.removeShort')}
          confirmColor="red"
          onConfirm={async () => {
            await remove.mutateAsync(removing);
            notify({ color: 'green', message: t('loyalty.tiers.removed', { name: removing.name }) });
          }}
        />
      )}
    </Section>
  );
}
