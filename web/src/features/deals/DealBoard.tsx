/**
 * The pipeline as a board: a column per stage in pipeline order, then won and lost. Each column
 * reads its own stage a page at a time. A card dropped on another column (by mouse, touch or
 * keyboard) shows there at once and goes back if the server refuses the move; closing a deal
 * opens the move dialog instead, since lost needs a reason and won a note.
 */
import { useMemo, useState } from 'react';
import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { Group, ScrollArea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DEAL_OPEN_STAGES, DEAL_STAGES, type DealStage } from '@common/enums';
import type { Deal } from '@common/schemas/deal';
import { ApiError } from '../../api/client';
import { useLocale } from '../../i18n';
import { formatCalendarDate } from '../../lib/format';
import { notify } from '../../lib/notify';
import { fieldErrorText } from '../../lib/problems';
import { useDealNames, useDealTotals, useMoveDeal, type DealFilter } from './api';
import { columnKeyboard } from './board-keyboard';
import { needsMoreInput, planDrop, type PendingMove } from './board-moves';
import { BoardColumn } from './BoardColumn';
import { MoveDealDialog } from './MoveDealDialog';

/** Without a period, won and lost columns show the last 90 days: recent outcomes, not a year of history. */
const RECENT_DAYS = 90;

interface Props {
  owner?: string;
  from?: string;
  to?: string;
}

const dealOf = (data: unknown) => (data as { deal?: Deal } | undefined)?.deal;
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

export function DealBoard({ owner, from, to }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const names = useDealNames();
  const queryClient = useQueryClient();
  const move = useMoveDeal();
  const [pending, setPending] = useState<PendingMove[]>([]);
  const [dialog, setDialog] = useState<PendingMove | null>(null);
  const keyboard = useMemo(columnKeyboard, []);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: keyboard.coordinateGetter }),
  );

  // Open stages by expected close date; won and lost by the day they closed.
  const openFilter: DealFilter = { owner, closeFrom: from, closeTo: to };
  const closedFrom = from ?? daysAgo(RECENT_DAYS);
  const closedFilter: DealFilter = { owner, closedFrom, closedTo: to };
  const openTotals = useDealTotals({ ...openFilter, state: 'open' });
  const closedTotals = useDealTotals(closedFilter);
  const totals = [...(openTotals.data ?? []), ...(closedTotals.data ?? [])];
  const closedNote = from
    ? t('deals.board.closedInPeriod')
    : t('deals.board.recentClosed', { date: formatCalendarDate(closedFrom, locale) });

  const send = async (p: PendingMove) => {
    setPending((all) => [...all, p]);
    try {
      await move.mutateAsync({ deal: p.deal, move: { stage: p.to } });
      notify({ message: t('deals.moved', { stage: names.stage(p.to) }), color: 'green' });
      await queryClient.invalidateQueries({ queryKey: ['deals'] });
    } catch (e) {
      if (needsMoreInput(e)) setDialog(p);
      else {
        const illegal = e instanceof ApiError ? e.fieldErrors.find((f) => f.field === 'stage') : undefined;
        notify({
          title: t('deals.board.moveFailed'),
          message: illegal ? fieldErrorText(illegal) : String((e as Error).message),
          color: 'red',
        });
      }
    } finally {
      setPending((all) => all.filter((x) => x !== p));
    }
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const deal = dealOf(active.data.current);
    const to = keyboard.dropStage(active, over);
    if (!deal || !to) return;
    const plan = planDrop(deal, to);
    if (plan === 'dialog') setDialog({ deal, to });
    if (plan === 'move') void send({ deal, to });
  };

  const stageName = (id: UniqueIdentifier | undefined) => (id ? names.stage(id as DealStage) : '');
  const announcements: Announcements = {
    onDragStart: ({ active }) =>
      t('deals.board.announce.start', { title: dealOf(active.data.current)?.title, stage: stageName(dealOf(active.data.current)?.stage) }),
    onDragOver: ({ active, over }) =>
      over
        ? t('deals.board.announce.over', { title: dealOf(active.data.current)?.title, stage: stageName(over.id) })
        : t('deals.board.announce.outside', { title: dealOf(active.data.current)?.title }),
    onDragEnd: ({ active, over }) => {
      const to = keyboard.dropStage(active, over);
      const title = dealOf(active.data.current)?.title;
      return to ? t('deals.board.announce.end', { title, stage: stageName(to) }) : t('deals.board.announce.endOutside', { title });
    },
    onDragCancel: ({ active }) =>
      t('deals.board.announce.cancel', { title: dealOf(active.data.current)?.title, stage: stageName(dealOf(active.data.current)?.stage) }),
  };

  return (
    <>
      <DndContext
        sensors={sensors}
        collisionDetection={keyboard.collisionDetection}
        onDragStart={keyboard.start}
        onDragEnd={onDragEnd}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t('deals.board.instructions') } }}
      >
        <ScrollArea type="auto" offsetScrollbars>
          <Group align="stretch" wrap="nowrap" gap="xs" pb="sm">
            {DEAL_STAGES.map((stage) => {
              const open = (DEAL_OPEN_STAGES as readonly DealStage[]).includes(stage);
              return (
                <BoardColumn
                  key={stage}
                  stage={stage}
                  filter={open ? openFilter : closedFilter}
                  totals={totals}
                  pending={pending}
                  note={open ? undefined : closedNote}
                />
              );
            })}
          </Group>
        </ScrollArea>
      </DndContext>
      {dialog && <MoveDealDialog opened deal={dialog.deal} initialStage={dialog.to} onClose={() => setDialog(null)} />}
    </>
  );
}
