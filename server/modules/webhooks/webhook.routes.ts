import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema } from '../../../common/schemas/common.js';
import {
  WEBHOOK_EVENT_TYPES,
  WebhookCreateSchema,
  WebhookDeliveryPageSchema,
  WebhookDeliveryQuerySchema,
  WebhookDeliverySchema,
  WebhookListSchema,
  WebhookPayloadSchema,
  WebhookSchema,
  WebhookUpdateSchema,
  WebhookWithSecretSchema,
} from '../../../common/schemas/webhook.js';
import { expectedVersion, withEtag } from '../../lib/http.js';
import { assertAdmin } from '../access/index.js';
import { MAX_ATTEMPTS } from './webhook.dispatcher.js';
import type { WebhookService } from './webhook.service.js';

const SIGNING =
  'Each delivery is a POST of `{ type, version, timestamp, data }` (see the WebhookEvent_* schemas) signed per Standard Webhooks: `webhook-id` (the event’s id, the same on every retry), `webhook-timestamp` (seconds), `webhook-signature` (`v1,<base64 HMAC-SHA256>` of `id.timestamp.body`, one per valid secret, space-separated).';
const RETRIES = `A delivery succeeds on a 2xx answer; a redirect, another status, a refused address or no answer within 10 s fails it. Failures are retried after 5 s, 5 min, 30 min, 2 h, 5 h and 10 h (${MAX_ATTEMPTS} attempts); when the last fails the webhook is turned off and the admins are told.`;
const URL_RULES =
  'The URL must be http or https, without a user name or password; an IP address in a private, loopback, link-local, CGNAT, multicast or reserved range (and `localhost`) is refused with a field error unless the host is in `allowedPrivateHosts` of the webhook settings. A name is checked again by the address it resolves to when each delivery connects.';

const DeliveryIdParamsSchema = IdParamsSchema;
const EventTypesSchema = z.object({
  items: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
  payload: WebhookPayloadSchema.optional().describe('Never sent: documents the body of each type'),
});

export const webhookRoutes =
  (webhooks: WebhookService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['webhooks'];
    const config = { authorize: assertAdmin };
    app.get(
      '/webhooks',
      { config, schema: { tags, summary: 'Webhook subscriptions (admins)', description: SIGNING, response: { 200: WebhookListSchema } } },
      async (req) => ({ items: await webhooks.list(req.requireActor()) }),
    );
    app.get(
      '/webhooks/event-types',
      {
        config,
        schema: {
          tags,
          summary: 'The event types a webhook may subscribe to (admins)',
          description: `${SIGNING} The payload of each type is the schema named WebhookEvent_<type>.`,
          response: { 200: EventTypesSchema },
        },
      },
      async () => ({ items: [...WEBHOOK_EVENT_TYPES] }),
    );
    app.post(
      '/webhooks',
      {
        config,
        schema: {
          tags,
          summary: 'Subscribe a URL to event types (admins); the secret is answered this once',
          description: URL_RULES,
          body: WebhookCreateSchema,
          response: { 201: WebhookWithSecretSchema },
        },
      },
      async (req, reply) => reply.code(201).send(await webhooks.create(req.requireActor(), req.body)),
    );
    app.get(
      '/webhooks/:id',
      { config, schema: { tags, summary: 'A webhook subscription (admins)', params: IdParamsSchema, response: { 200: WebhookSchema } } },
      async (req, reply) => withEtag(reply, await webhooks.get(req.requireActor(), req.params.id)),
    );
    app.patch(
      '/webhooks/:id',
      {
        config,
        schema: {
          tags,
          summary: 'Change a webhook: URL, description, event types, on or off (admins; If-Match optional)',
          description: `${URL_RULES} Turning it on again clears the failures that turned it off.`,
          params: IdParamsSchema,
          body: WebhookUpdateSchema,
          response: { 200: WebhookSchema },
        },
      },
      async (req, reply) => withEtag(reply, await webhooks.update(req.requireActor(), req.params.id, req.body, expectedVersion(req))),
    );
    app.delete(
      '/webhooks/:id',
      { config, schema: { tags, summary: 'Delete a webhook and its delivery log (admins)', params: IdParamsSchema } },
      async (req, reply) => {
        await webhooks.remove(req.requireActor(), req.params.id);
        return reply.code(204).send();
      },
    );
    app.post(
      '/webhooks/:id/rotate-secret',
      {
        config,
        schema: {
          tags,
          summary: 'A new signing secret, answered this once (admins)',
          description:
            'For 24 hours deliveries carry two signatures, with the new and the previous secret, so the receiver can switch without losing a message.',
          params: IdParamsSchema,
          response: { 200: WebhookWithSecretSchema },
        },
      },
      async (req) => webhooks.rotateSecret(req.requireActor(), req.params.id),
    );
    app.get(
      '/webhooks/:id/deliveries',
      {
        config,
        schema: {
          tags,
          summary: 'A webhook’s deliveries, newest first (admins)',
          description: RETRIES,
          params: IdParamsSchema,
          querystring: WebhookDeliveryQuerySchema,
          response: { 200: WebhookDeliveryPageSchema },
        },
      },
      async (req) => webhooks.deliveries(req.requireActor(), req.params.id, req.query),
    );
    app.post(
      '/webhooks/:id/test',
      {
        config,
        schema: {
          tags,
          summary: 'Send a `webhook.ping` now and answer its delivery (admins)',
          params: IdParamsSchema,
          response: { 200: WebhookDeliverySchema },
        },
      },
      async (req) => webhooks.test(req.requireActor(), req.params.id),
    );
    app.post(
      '/webhooks/deliveries/:id/redeliver',
      {
        config,
        schema: {
          tags,
          summary: 'Send a delivery’s event again now, as a new delivery (admins)',
          description: RETRIES,
          params: DeliveryIdParamsSchema,
          response: { 200: WebhookDeliverySchema },
        },
      },
      async (req) => webhooks.redeliver(req.requireActor(), req.params.id),
    );
  };
