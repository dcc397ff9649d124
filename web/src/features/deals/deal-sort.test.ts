import { describe, expect, it } from 'vitest';
import type { DealSort } from '@common/enums';
import { sortableThProps } from './deal-sort';

describe('the deals list’s sortable headers', () => {
  it('shows the amount order as descending and the dates as ascending', () => {
    expect(sortableThProps('amount', () => {}).sort).toBe('-amount');
    expect(sortableThProps('close', () => {}).sort).toBe('close');
    expect(sortableThProps('next_step', () => {}).sort).toBe('next_step');
  });

  it('chooses a header’s order whichever direction it offers, and ignores a click on the current one', () => {
    const chosen: DealSort[] = [];
    const props = sortableThProps('close', (s) => chosen.push(s));
    props.onSort('amount');
    props.onSort('-next_step');
    props.onSort('-close');
    props.onSort('-title');
    expect(chosen).toEqual(['amount', 'next_step']);
  });
});
