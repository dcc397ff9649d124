/**
 * Opening the records behind an item of the analysis: a bar (for the eye; the chart is hidden
 * from assistive technology) or the item's number in the table below it (a button, keyboard
 * friendly), both open the same list.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { Anchor } from '@mantine/core';
import { BarChart } from '@mantine/charts';
import '@mantine/charts/styles.layer.css';
import type { SatisfactionDrill } from '@common/schemas/satisfaction-report';

/** Opens the records of a drill, under a title that says what they are. */
export type OpenDrill = (drill: SatisfactionDrill, title: string) => void;

export const DrillContext = createContext<OpenDrill>(() => undefined);

export const useOpenDrill = () => useContext(DrillContext);

/** A number in a table that opens its records. */
export function DrillButton({
  drill,
  title,
  children,
  testId,
}: {
  drill: SatisfactionDrill;
  title: string;
  children: ReactNode;
  testId?: string;
}) {
  const open = useOpenDrill();
  return (
    <Anchor component="button" type="button" onClick={() => open(drill, title)} data-testid={testId}>
      {children}
    </Anchor>
  );
}

interface BarsProps<T> {
  items: T[];
  label: (item: T) => string;
  series: { name: string; label: string; color: string; value: (item: T) => number }[];
  /** The records of an item's bar (of one series, when stacked). */
  drill: (item: T, series: string) => { drill: SatisfactionDrill; title: string };
  stacked?: boolean;
  /** Columns (months) instead of one row per item. */
  columns?: boolean;
}

/** Bars, one per item, each opening the item's records when clicked. */
export function DrillBars<T>({ items, label, series, drill, stacked, columns }: BarsProps<T>) {
  const open = useOpenDrill();
  const data = items.map((item) => ({ label: label(item), ...Object.fromEntries(series.map((s) => [s.name, s.value(item)])) }));
  return (
    <BarChart
      h={columns ? 260 : Math.max(120, 44 * items.length)}
      orientation={columns ? 'horizontal' : 'vertical'}
      type={stacked ? 'stacked' : 'default'}
      accessibilityLayer={false}
      data={data}
      dataKey="label"
      yAxisProps={columns ? undefined : { width: 150 }}
      series={series.map(({ name, label: l, color }) => ({ name, label: l, color }))}
      barProps={(s) => ({
        cursor: 'pointer',
        onClick: (_bar, index) => {
          const item = items[index];
          if (item) {
            const d = drill(item, s.name);
            open(d.drill, d.title);
          }
        },
      })}
    />
  );
}
