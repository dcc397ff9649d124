/**
 * A chart of the sales report: drawn for the eye only (hidden from assistive technology, no tab
 * stops), since the table that always follows it carries the same numbers.
 */
import type { ReactNode } from 'react';
import { Box, Stack, Text, Title } from '@mantine/core';
import { BarChart } from '@mantine/charts';
import '@mantine/charts/styles.layer.css';

export function ReportChart({ caption, children, testId }: { caption: string; children: ReactNode; testId?: string }) {
  return (
    <Box component="figure" m={0} mb="sm" data-testid={testId}>
      <Text component="figcaption" size="sm" c="dimmed" mb="xs">
        {caption}
      </Text>
      <div aria-hidden="true">{children}</div>
    </Box>
  );
}

interface BarsProps {
  data: Record<string, string | number>[];
  dataKey: string;
  series: { name: string; label: string; color: string }[];
  stacked?: boolean;
}

/** Horizontal bars, one row per item with its label beside it (owners, outcomes, reasons), as tall as its rows need. */
export function HorizontalBars({ data, dataKey, series, stacked }: BarsProps) {
  return (
    <BarChart
      h={Math.max(120, 44 * data.length)}
      orientation="vertical"
      type={stacked ? 'stacked' : 'default'}
      accessibilityLayer={false}
      data={data}
      dataKey={dataKey}
      yAxisProps={{ width: 130 }}
      series={series}
    />
  );
}

/** One part of the report: its heading, then its chart and table. */
export function ReportBlock({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <Stack gap="xs" data-testid={testId}>
      <Title order={3} size="h5">
        {title}
      </Title>
      {children}
    </Stack>
  );
}
