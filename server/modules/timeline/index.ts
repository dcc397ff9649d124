import { defineModule } from '../module.js';
import { TimelineLog } from './timeline.log.js';

export type { TimelineLog, TimelineEventInput, TimelineSubscriber } from './timeline.log.js';

/** The account timeline's system events: written by every module, read with the interactions as the account history. */
export function createTimelineModule() {
  return defineModule({ timeline: new TimelineLog() });
}
