import type { FastifyBaseLogger } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { TimelineEventKind } from '../../common/enums.js';
import type { Database } from '../db/database.js';
import type { JobDefinition } from '../jobs/job.service.js';
import type { ModuleMetrics } from '../metrics/contributions.js';
import type { Clock } from '../lib/clock.js';
import type { AgendaProvider } from './today/agenda.js';
import type { SearchSource } from './search/source.js';
import type { FeedSource } from './calendar-feeds/feed-source.js';

/**
 * The contract every module follows. A module lives in `modules/<name>/`; its one public face
 * is `index.ts`, exporting `create<Name>Module(ctx, deps)`. `deps` are other modules' faces,
 * never their files. The factory returns the services other modules may use, plus the parts
 * of `ModuleParts` the composition root (`server/composition.ts`) plugs into the app.
 */
export interface ModuleContext {
  db: Database;
  clock: Clock;
  log: FastifyBaseLogger;
}

/** What a module contributes to the app and to the shared registries. */
export interface ModuleParts {
  /** Routes mounted under /api/v1, closed over the module's own services. */
  routes?: FastifyPluginAsyncZod;
  /** Scheduled work the module owns, run once per period across instances. */
  jobs?: JobDefinition[];
  /** The timeline event kinds the module records; recording any other kind is a programming error. */
  timelineEvents?: readonly TimelineEventKind[];
  /** Sources of Today items over the module's own records. */
  agenda?: readonly AgendaProvider[];
  /** Queues and collectors for `/metrics` (read on scrape; unused when metrics are off). */
  metrics?: ModuleMetrics;
  /** Kinds of the module's records global search finds. */
  search?: readonly SearchSource[];
  /** Dated records of the module for calendar feeds. */
  feeds?: readonly FeedSource[];
}

/** Types a module's face: its services (anything) plus the parts the composition root plugs in. */
export const defineModule = <T extends object>(face: T & ModuleParts): T & ModuleParts => face;

/** A module's face without the parts the composition root consumes. */
type ServicesOf<T> = Omit<T, keyof ModuleParts>;
type Merged<U> = (U extends unknown ? (u: U) => void : never) extends (m: infer M) => void ? M : never;

/** Every module's services in one object, by name (module faces never share a service name). */
export function servicesOfAll<M extends Record<string, ModuleParts>>(modules: M): Merged<{ [K in keyof M]: ServicesOf<M[K]> }[keyof M]> {
  const merged: Record<string, unknown> = {};
  for (const { routes: _r, jobs: _j, timelineEvents: _e, agenda: _a, metrics: _m, search: _s, feeds: _f, ...services } of Object.values(
    modules,
  ))
    Object.assign(merged, services);
  return merged as Merged<{ [K in keyof M]: ServicesOf<M[K]> }[keyof M]>;
}
