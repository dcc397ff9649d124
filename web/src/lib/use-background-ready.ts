import { useDeferredValue } from 'react';

/**
 * `ready`, but turning true only in a background render. Data arrives through subscriptions that
 * React renders in one uninterrupted task; a page of records rendered that way blocks a phone's
 * main thread for hundreds of milliseconds. Deferred, the first render of the content runs in
 * small slices between which the browser stays responsive, while the loader stays up.
 */
export function useBackgroundReady(ready: boolean): boolean {
  return useDeferredValue(ready, false) && ready;
}
