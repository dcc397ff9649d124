import { z } from 'zod';
import { TimestampSchema } from './common.js';

/**
 * A personal or account calendar feed. Only the secret's hash is kept, so its address is shown
 * once, when it is made (like a personal API token): later answers give `url: null`, and
 * regenerating makes a new address (the old one then answers 404).
 */
export const CalendarFeedSchema = z.object({
  url: z.string().nullable().describe('The iCalendar address to subscribe to, when it was made by this call; null afterwards'),
  createdAt: TimestampSchema.describe('When the current address was made'),
});
export type CalendarFeed = z.infer<typeof CalendarFeedSchema>;
