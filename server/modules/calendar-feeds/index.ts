import type { AccountService } from '../accounts/index.js';
import { defineModule, type ModuleContext } from '../module.js';
import type { AgencyCalendar } from '../settings/index.js';
import type { UserService } from '../users/index.js';
import { feedRoutes, publicFeedRoutes } from './feed.routes.js';
import { CalendarFeedService } from './feed.service.js';

export type { CalendarFeedService } from './feed.service.js';
export {
  feedAccountCondition,
  feedTaskCondition,
  type FeedEvent,
  type FeedScope,
  type FeedSource,
  type FeedWindow,
} from './feed-source.js';

/**
 * Calendar feeds (iCalendar). The modules that own dated records contribute a `FeedSource` from
 * their own folder (`feeds` in their face, wired in the composition root); this module keeps
 * the secret addresses and serves them, at the root (`publicCalendarRoutes`), outside the API.
 */
export function createCalendarFeedsModule(
  ctx: ModuleContext,
  deps: { calendar: AgencyCalendar; users: UserService; accounts: AccountService },
  opts: { publicUrl?: string },
) {
  const calendarFeeds = new CalendarFeedService(ctx.db, ctx.clock, deps.calendar, deps.users, deps.accounts, opts.publicUrl);
  return defineModule({ calendarFeeds, routes: feedRoutes(calendarFeeds), publicCalendarRoutes: publicFeedRoutes(calendarFeeds) });
}
