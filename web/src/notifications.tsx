/** The toast container with its styles, loaded apart from the first paint (see main.tsx). */
import '@mantine/notifications/styles.layer.css';
import { Notifications } from '@mantine/notifications';

export default Notifications;
