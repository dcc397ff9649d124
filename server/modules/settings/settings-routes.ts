import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Actor } from '../access/index.js';

/** A module's settings as its service keeps them: read by some, changed by admins. */
export interface SettingsKeeper<Read, Change> {
  get(actor: Actor): Promise<Read>;
  update(actor: Actor, changes: Change): Promise<Read>;
}

export interface SettingsRoutesSpec<R extends z.ZodTypeAny, C extends z.ZodTypeAny> {
  /** Under `/settings/`, e.g. `claims`. */
  name: string;
  tags: string[];
  schema: R;
  read: { authorize: (actor: Actor) => void; summary: string };
  /** `put` replaces the whole settings; `patch` changes the fields given. */
  write: { method: 'put' | 'patch'; authorize: (actor: Actor) => void; summary: string; body: C; description?: string };
}

/** GET and PUT/PATCH `/settings/<name>`: one shape for every module's settings. */
export const settingsRoutes =
  <R extends z.ZodTypeAny, C extends z.ZodTypeAny>(
    keeper: SettingsKeeper<z.infer<R>, z.infer<C>>,
    spec: SettingsRoutesSpec<R, C>,
  ): FastifyPluginAsyncZod =>
  async (app) => {
    const url = `/settings/${spec.name}`;
    const { tags } = spec;
    // Widened so Fastify's reply typing does not have to resolve R; the serializer checks replies against it.
    const response: z.ZodTypeAny = spec.schema;
    app.get(
      url,
      { config: { authorize: spec.read.authorize }, schema: { tags, summary: spec.read.summary, response: { 200: response } } },
      async (req) => keeper.get(req.requireActor()),
    );
    const { method, authorize, summary, description } = spec.write;
    const body: z.ZodTypeAny = spec.write.body;
    app.route({
      method: method === 'put' ? 'PUT' : 'PATCH',
      url,
      config: { authorize },
      schema: { tags, summary, description, body, response: { 200: response } },
      handler: async (req) => keeper.update(req.requireActor(), req.body as z.infer<C>),
    });
  };
