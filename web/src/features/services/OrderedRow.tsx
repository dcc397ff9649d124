/** One row of an ordered list being edited, in a bordered group named after it, with move up, move down and remove. */
import type { ReactNode } from 'react';
import { ActionIcon, Group, Paper, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Props {
  /** How the row is named, for its group and its buttons ("Milestone 2"). */
  name: string;
  index: number;
  count: number;
  /** Columns of the row's grid on wider screens. */
  cols: number;
  testId: string;
  onMove: (from: number, to: number) => void;
  onRemove: () => void;
  children: ReactNode;
}

export function OrderedRow({ name, index, count, cols, testId, onMove, onRemove, children }: Props) {
  const { t } = useTranslation();
  const tool = (label: string, symbol: string, onClick: () => void, disabled = false) => (
    <ActionIcon variant="default" size="lg" aria-label={label} disabled={disabled} onClick={onClick}>
      <span aria-hidden="true">{symbol}</span>
    </ActionIcon>
  );
  return (
    <Paper withBorder p="sm" radius="md" component="fieldset" aria-label={name} data-testid={testId}>
      <SimpleGrid cols={{ base: 1, sm: cols }} spacing="sm">
        {children}
        <Group gap={4} wrap="nowrap" mt={25}>
          {tool(t('services.moveUp', { name }), '↑', () => onMove(index, index - 1), index === 0)}
          {tool(t('services.moveDown', { name }), '↓', () => onMove(index, index + 1), index === count - 1)}
          {tool(t('services.remove', { name }), '×', onRemove)}
        </Group>
      </SimpleGrid>
    </Paper>
  );
}
