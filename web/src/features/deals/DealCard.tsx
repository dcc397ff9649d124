/**
 * A deal on the board: what, for whom, how much, whose, and the next step (overdue in words and
 * colour); its move button drags it, its proposals open from it.
 */
import { useDraggable } from '@dnd-kit/core';
import { ActionIcon, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Deal } from '@common/schemas/deal';
import { AnchorLink } from '../../components/links';
import { useLocale } from '../../i18n';
import { formatMoney } from '../../lib/format';
import { DealProposalsButton } from '../proposals/DealProposals';
import { NextStep } from './DealsTable';

export function DealCard({ deal, moving = false }: { deal: Deal; moving?: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({
    id: deal.id,
    data: { deal, stage: deal.stage },
    disabled: !deal.can.moveStage || moving,
  });
  const style = transform ? { transform: `translate3d(${transform.x}px, ${transform.y}px, 0)`, zIndex: 10 } : undefined;
  return (
    <Paper
      ref={setNodeRef}
      withBorder
      p="xs"
      shadow={isDragging ? 'md' : undefined}
      style={style}
      data-testid="board-card"
      aria-busy={moving || undefined}
    >
      <Stack gap={2}>
        <Group justify="space-between" wrap="nowrap" align="start" gap={4}>
          <AnchorLink to="/accounts/$accountId" params={{ accountId: deal.accountId }} search={{ tab: 'deals' }} size="sm" fw={500}>
            {deal.title}
          </AnchorLink>
          {deal.can.moveStage && (
            <ActionIcon variant="subtle" size="sm" {...attributes} {...listeners} aria-label={t('deals.board.drag', { title: deal.title })}>
              <span aria-hidden="true">⇄</span>
            </ActionIcon>
          )}
        </Group>
        <Text size="xs">
          {t('deals.board.account')}: {deal.accountName}
        </Text>
        <Text size="sm" fw={600}>
          {formatMoney(deal.amount, deal.currency, locale)}
        </Text>
        <Text size="xs" c="dimmed">
          {t('deals.board.owner')}: {deal.ownerName ?? '—'}
        </Text>
        <NextStep deal={deal} />
        <Group gap={4}>
          <DealProposalsButton deal={deal} />
        </Group>
        {moving && (
          <Text size="xs" c="dimmed">
            {t('deals.board.moving')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
