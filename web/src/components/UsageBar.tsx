/**
 * How much of a limit is used (hours of capacity, money of a budget) as a bar with its figures
 * written beside it. The text carries the meaning for everyone, so the bar itself is hidden
 * from assistive technology, and going over the limit is said in words, not only in red.
 */
import { Group, Progress, Stack, Text } from '@mantine/core';

interface Props {
  used: number;
  limit: number;
  /** The figures as the user reads them, e.g. "32 h of 40 h". */
  label: string;
  /** Said after the figures when used exceeds the limit, e.g. "over capacity". */
  overLabel: string;
}

export function UsageBar({ used, limit, label, overLabel }: Props) {
  const over = used > limit;
  const percent = limit > 0 ? Math.min(100, (used / limit) * 100) : used > 0 ? 100 : 0;
  return (
    <Stack gap={4} miw={120}>
      <Group gap={6} wrap="nowrap">
        <Text size="sm">{label}</Text>
        {over && (
          <Text size="sm" c="var(--mantine-color-error)" fw={600}>
            {overLabel}
          </Text>
        )}
      </Group>
      <Progress value={percent} color={over ? 'red.8' : 'indigo.7'} size="md" aria-hidden="true" />
    </Stack>
  );
}
