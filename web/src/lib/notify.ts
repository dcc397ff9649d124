/**
 * Toasts with a close button that says what it does (axe flags Mantine's unlabelled one).
 * Their container and its code load with the first toast, not with the first page: most
 * visits show none, and a phone waits for every byte the first paint requests.
 */
import { useSyncExternalStore } from 'react';
import { notifications, type NotificationData } from '@mantine/notifications';
import i18n from '../i18n';

let anyShown = false;
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether a toast has been shown in this visit (the toasts' container renders from then on). */
export function useAnyToastShown(): boolean {
  return useSyncExternalStore(subscribe, () => anyShown);
}

export function notify(data: NotificationData): string {
  const id = notifications.show({ ...data, closeButtonProps: { 'aria-label': i18n.t('common.close'), ...data.closeButtonProps } });
  if (!anyShown) {
    anyShown = true;
    for (const listener of listeners) listener();
  }
  return id;
}
