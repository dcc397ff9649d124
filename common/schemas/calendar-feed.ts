import { z } from 'zod';
import { TimestampSchema } from './common.js';

/**
 * A personal or account calendar feed: its private address, the same on every call until it is
 * regenerated (the old one then answers 404) or turned off.
 */
export const CalendarFeedSchema = z.object({
  url: z.string().describe('The private iCalendar address to subscribe to'),
  createdAt: TimestampSchema.describe('When the current address was made'),
});
export type CalendarFeed = z.infer<typeof CalendarFeedSchema>;
