/** A deal's objections, opened from its row: what the client said, the answer, the result (changeable), and "Add objection". */
import { Suspense, useState } from 'react';
import { Badge, Button, Group, Modal, NativeSelect, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { OBJECTION_RESULTS, type ObjectionResult } from '@common/enums';
import type { Deal } from '@common/schemas/deal';
import type { Objection } from '@common/schemas/objection';
import { ListBody } from '../../components/ListStates';
import { notify } from '../../lib/notify';
import { useCategories, useObjections, useUpdateObjection } from './api';
import { LazyObjectionDialog as ObjectionDialog } from './LazyObjectionDialog';

function ObjectionItem({ objection }: { objection: Objection }) {
  const { t } = useTranslation();
  const { name } = useCategories();
  const update = useUpdateObjection();
  const setResult = (result: ObjectionResult) =>
    update.mutate({ objection, changes: { result } }, { onSuccess: () => notify({ message: t('objections.saved'), color: 'green' }) });
  return (
    <Paper withBorder p="xs" radius="sm" data-testid="objection">
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap">
          <Badge variant="light">{name(objection.category)}</Badge>
          <NativeSelect
            size="xs"
            aria-label={t('objections.fields.result')}
            disabled={!objection.can.update || update.isPending}
            value={objection.result}
            data={OBJECTION_RESULTS.map((r) => ({ value: r, label: t(`objections.result.${r}`) }))}
            onChange={(e) => setResult(e.currentTarget.value as ObjectionResult)}
          />
        </Group>
        <Text size="sm">“{objection.text}”</Text>
        {objection.response && (
          <Text size="sm" c="dimmed">
            {t('objections.fields.response')}: {objection.response}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function DealObjectionsList({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  const list = useObjections({ dealId: deal.id });
  const [adding, setAdding] = useState(false);
  return (
    <Stack gap="sm">
      <ListBody list={list} empty={<Text c="dimmed">{t('objections.noneOnDeal')}</Text>}>
        <Stack gap="xs">
          {list.items.map((o) => (
            <ObjectionItem key={o.id} objection={o} />
          ))}
        </Stack>
      </ListBody>
      {deal.can.update && (
        <Group>
          <Button size="sm" onClick={() => setAdding(true)}>
            {t('objections.add')}
          </Button>
        </Group>
      )}
      {adding && (
        <Suspense fallback={null}>
          <ObjectionDialog dealId={deal.id} dealTitle={deal.title} onClose={() => setAdding(false)} />
        </Suspense>
      )}
    </Stack>
  );
}

/** The button on a deal's row, and the window with the deal's objections. */
export function DealObjectionsButton({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        size="compact-xs"
        variant="subtle"
        aria-label={t('objections.openNamed', { title: deal.title })}
        onClick={() => setOpen(true)}
      >
        {t('objections.open')}
      </Button>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={t('objections.onDeal', { title: deal.title })}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {open && <DealObjectionsList deal={deal} />}
      </Modal>
    </>
  );
}
