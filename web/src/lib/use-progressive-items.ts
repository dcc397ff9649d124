import { startTransition, useEffect, useState } from 'react';

/**
 * The first `first` items at once, and all of them in a background render after that has been
 * painted. Inserting and laying out a page of fifty table rows is one task React cannot slice
 * (the commit); on a phone it holds the main thread for hundreds of milliseconds. A screenful
 * first, then the rest, halves the longest wait and shows the top of the list sooner.
 */
export function useProgressiveItems<T>(items: readonly T[], first = 20): readonly T[] {
  const [all, setAll] = useState(false);
  const more = !all && items.length > first;
  useEffect(() => {
    if (!more) return;
    // The next frame comes after the browser has painted the first rows.
    const frame = requestAnimationFrame(() => startTransition(() => setAll(true)));
    return () => cancelAnimationFrame(frame);
  }, [more]);
  return more ? items.slice(0, first) : items;
}
