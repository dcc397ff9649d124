/**
 * The deals list's orders as sortable headers show them. Each order has one direction on the
 * server (dates soonest first, amounts largest first), so the amount header reads "descending"
 * when chosen, and a click on a header chooses its order whatever direction it offered.
 */
import { DEAL_SORTS, type DealSort } from '@common/enums';

const DESCENDING: readonly DealSort[] = ['amount'];

export function sortableThProps(sort: DealSort, onSort: (sort: DealSort) => void) {
  return {
    sort: DESCENDING.includes(sort) ? `-${sort}` : sort,
    onSort: (chosen: string) => {
      const field = DEAL_SORTS.find((s) => s === chosen.replace(/^-/, ''));
      if (field && field !== sort) onSort(field);
    },
  };
}
