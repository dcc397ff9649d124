/** Toasts with a close button that says what it does (axe flags Mantine's unlabelled one). */
import { notifications, type NotificationData } from '@mantine/notifications';
import i18n from '../i18n';

export function notify(data: NotificationData): string {
  return notifications.show({ ...data, closeButtonProps: { 'aria-label': i18n.t('common.close'), ...data.closeButtonProps } });
}
