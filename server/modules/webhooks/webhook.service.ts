import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import {
  WEBHOOK_PING,
  type Webhook,
  type WebhookCreateSchema,
  type WebhookDelivery,
  type WebhookDeliveryPage,
  type WebhookUpdateSchema,
  type WebhookWithSecret,
} from '../../../common/schemas/webhook.js';
import type { Database } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { badRequest, notFound, preconditionFailed } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { assertAdmin, type Actor } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import type { WebhookDispatcher } from './webhook.dispatcher.js';
import { payloadOf } from './webhook.outbox.js';
import { presentDelivery, presentWebhook, type SubscriptionRow } from './webhook.presenter.js';
import type { WebhookRepository } from './webhook.repository.js';
import type { WebhookSettingsService } from './webhook.settings.js';
import { checkWebhookUrl } from './webhook.urls.js';

type NewWebhook = z.output<typeof WebhookCreateSchema>;
type WebhookChanges = z.output<typeof WebhookUpdateSchema>;

/** How long the secret before a rotation still signs, so receivers can switch without losing a message. */
export const ROTATION_GRACE_MS = 24 * 3600_000;

/** A Standard Webhooks secret: `whsec_` and 24 random bytes in base64. */
export const newSecret = () => `whsec_${randomBytes(24).toString('base64')}`;

/** The audited fields of a subscription: never its secrets. */
const audited = (w: Webhook) => ({ url: w.url, description: w.description, eventTypes: w.eventTypes, enabled: w.enabled });

/** Admins' webhook subscriptions: create, change, rotate the secret, read the deliveries, redeliver and test. */
export class WebhookService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly repo: WebhookRepository,
    private readonly settings: WebhookSettingsService,
    private readonly dispatcher: WebhookDispatcher,
  ) {}

  async list(actor: Actor): Promise<Webhook[]> {
    assertAdmin(actor);
    return (await this.repo.list(this.db)).map(presentWebhook);
  }

  async get(actor: Actor, id: string): Promise<Webhook> {
    assertAdmin(actor);
    return presentWebhook(await this.found(id));
  }

  async create(actor: Actor, input: NewWebhook): Promise<WebhookWithSecret> {
    assertAdmin(actor);
    const url = checkWebhookUrl(input.url, (await this.settings.load()).allowedPrivateHosts);
    return this.db.transaction().execute(async (t) => {
      const now = this.clock.now().toISOString();
      const id = newId();
      const secret = newSecret();
      await this.repo.insert(t, {
        id,
        created_at: now,
        updated_at: now,
        url,
        description: input.description || null,
        event_types: JSON.stringify(input.eventTypes),
        enabled: input.enabled === false ? 0 : 1,
        secret,
        previous_secret: null,
        previous_secret_until: null,
        disabled_at: null,
      });
      const created = presentWebhook((await this.repo.find(t, id))!);
      await recordAudit(t, { actorId: actor.id, recordType: 'webhook', recordId: id, action: 'create', after: audited(created), at: now });
      return { ...created, secret };
    });
  }

  async update(actor: Actor, id: string, changes: WebhookChanges, expected?: number): Promise<Webhook> {
    assertAdmin(actor);
    const url = changes.url === undefined ? undefined : checkWebhookUrl(changes.url, (await this.settings.load()).allowedPrivateHosts);
    return this.db.transaction().execute(async (t) => {
      const row = await this.found(id, t);
      if (expected !== undefined && expected !== row.version) throw preconditionFailed();
      const now = this.clock.now().toISOString();
      await this.repo.update(t, id, {
        url,
        description: changes.description === undefined ? undefined : changes.description || null,
        event_types: changes.eventTypes ? JSON.stringify(changes.eventTypes) : undefined,
        enabled: changes.enabled === undefined ? undefined : changes.enabled ? 1 : 0,
        // Turned on again by hand: the failures that turned it off are behind.
        disabled_at: changes.enabled === true ? null : undefined,
        updated_at: now,
      });
      const after = presentWebhook((await this.repo.find(t, id))!);
      const before = audited(presentWebhook(row));
      await recordAudit(t, {
        actorId: actor.id,
        recordType: 'webhook',
        recordId: id,
        action: 'update',
        before,
        after: audited(after),
        at: now,
      });
      return after;
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    assertAdmin(actor);
    await this.db.transaction().execute(async (t) => {
      const row = await this.found(id, t);
      await this.repo.delete(t, id);
      const at = this.clock.now().toISOString();
      await recordAudit(t, {
        actorId: actor.id,
        recordType: 'webhook',
        recordId: id,
        action: 'delete',
        before: audited(presentWebhook(row)),
        at,
      });
    });
  }

  /** A new secret, answered once; the previous one still signs for ROTATION_GRACE_MS. */
  async rotateSecret(actor: Actor, id: string): Promise<WebhookWithSecret> {
    assertAdmin(actor);
    return this.db.transaction().execute(async (t) => {
      const row = await this.found(id, t);
      const now = this.clock.now();
      const secret = newSecret();
      await this.repo.update(t, id, {
        secret,
        previous_secret: row.secret,
        previous_secret_until: new Date(now.getTime() + ROTATION_GRACE_MS).toISOString(),
        updated_at: now.toISOString(),
      });
      await recordAudit(t, {
        actorId: actor.id,
        recordType: 'webhook',
        recordId: id,
        action: 'update',
        after: { secretRotated: true },
        at: now.toISOString(),
      });
      return { ...presentWebhook((await this.repo.find(t, id))!), secret };
    });
  }

  async deliveries(actor: Actor, id: string, query: { limit: number; cursor?: string }): Promise<WebhookDeliveryPage> {
    assertAdmin(actor);
    await this.found(id);
    const after = decodeCursor(query.cursor);
    const rows = await this.repo.deliveriesOf(this.db, id, query.limit + 1, after);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map(presentDelivery),
      nextCursor: rows.length > query.limit && last ? encodeCursor(last.created_at, last.id) : null,
    };
  }

  /** Sends an event again to the same subscription, now, as a new delivery. */
  async redeliver(actor: Actor, deliveryId: string): Promise<WebhookDelivery> {
    assertAdmin(actor);
    const earlier = await this.repo.delivery(this.db, deliveryId);
    if (!earlier) throw notFound('record');
    return presentDelivery(await this.dispatcher.deliverNow(earlier.subscription_id, earlier.event_id, earlier.event_type));
  }

  /** Sends a `webhook.ping` now, signed like any event. */
  async test(actor: Actor, id: string): Promise<WebhookDelivery> {
    assertAdmin(actor);
    await this.found(id);
    const now = this.clock.now().toISOString();
    const eventId = `msg_${newId()}`;
    await this.repo.insertEvent(this.db, {
      id: eventId,
      type: WEBHOOK_PING,
      payload: payloadOf(WEBHOOK_PING, now, { subscriptionId: id }),
      occurred_at: now,
      fanned_out_at: now, // only this subscription receives it
    });
    return presentDelivery(await this.dispatcher.deliverNow(id, eventId, WEBHOOK_PING));
  }

  private async found(id: string, trx = this.db): Promise<SubscriptionRow> {
    const row = await this.repo.find(trx, id);
    if (!row) throw notFound('record');
    return row;
  }
}

const encodeCursor = (createdAt: string, id: string) => Buffer.from(JSON.stringify([createdAt, id])).toString('base64url');

function decodeCursor(cursor: string | undefined): { createdAt: string; id: string } | undefined {
  if (!cursor) return undefined;
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof createdAt === 'string' && typeof id === 'string') return { createdAt, id };
  } catch {
    // falls through to the 400
  }
  throw badRequest('validation.invalid');
}
