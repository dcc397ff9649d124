/** One stage on the board: its name, how many deals and their amount per currency, its cards, and "show more". */
import { useDroppable } from '@dnd-kit/core';
import { Alert, Button, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DealStage } from '@common/enums';
import type { DealStageTotal } from '@common/schemas/deal';
import { describeError } from '../../components/describe-error';
import { useLocale } from '../../i18n';
import { formatMoney } from '../../lib/format';
import { useDealNames, useDeals, type DealFilter } from './api';
import { columnDeals, type PendingMove } from './board-moves';
import { DealCard } from './DealCard';

interface Props {
  stage: DealStage;
  filter: DealFilter;
  totals: DealStageTotal[];
  pending: PendingMove[];
  /** Under the header: which closed deals a won or lost column shows. */
  note?: string;
}

const PAGE = 20;

export function BoardColumn({ stage, filter, totals, pending, note }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const names = useDealNames();
  const { setNodeRef, isOver } = useDroppable({ id: stage });
  const list = useDeals({ ...filter, stage }, PAGE);
  const deals = columnDeals(stage, list.items, pending);
  const mine = totals.filter((x) => x.stage === stage);
  const count = mine.reduce((n, x) => n + x.count, 0);
  const headingId = `board-${stage}`;
  return (
    <Paper
      ref={setNodeRef}
      component="section"
      aria-labelledby={headingId}
      withBorder
      p="xs"
      // On a phone a column keeps a readable width and the board scrolls sideways.
      miw={{ base: 230, sm: 150 }}
      style={{ flex: '1 1 0' }}
      bg={isOver ? 'var(--mantine-color-default-hover)' : 'var(--mantine-color-body)'}
      data-testid={`board-column-${stage}`}
    >
      <Stack gap="xs">
        <div>
          <Title order={2} size="h5" id={headingId}>
            {names.stage(stage)}
          </Title>
          <Text size="xs" data-testid="column-totals">
            {[t('deals.board.count', { count }), ...mine.map((x) => formatMoney(x.amount, x.currency, locale))].join(' · ')}
          </Text>
          {note && (
            <Text size="xs" c="dimmed">
              {note}
            </Text>
          )}
        </div>
        {list.isPending ? (
          <Loader size="sm" aria-label={t('common.loading')} />
        ) : list.isError ? (
          <Alert color="red" role="alert">
            {describeError(list.error, t)}
          </Alert>
        ) : deals.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('deals.board.noDeals')}
          </Text>
        ) : (
          deals.map((d) => <DealCard key={d.id} deal={d} moving={pending.some((p) => p.deal.id === d.id)} />)
        )}
        {list.hasNextPage && (
          <Button variant="default" size="xs" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {t('deals.board.showMore', { stage: names.stage(stage) })}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
