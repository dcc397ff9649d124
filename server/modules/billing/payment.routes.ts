import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParamsSchema, pageOf } from '../../../common/schemas/common.js';
import { PaymentCreateSchema, PaymentListQuerySchema, PaymentReverseSchema, PaymentSchema } from '../../../common/schemas/payment.js';
import { fieldError } from '../../lib/errors.js';
import { withEtag } from '../../lib/http.js';
import type { PaymentService } from './payment.service.js';
import { assertSeesBilling } from '../access/index.js';
import { listExportRoutes } from '../../lib/export/index.js';
import { PAYMENT_COLUMNS } from './payment.export.js';

const tags = ['payments'];

/** The Idempotency-Key header, if any: printable, at most 255 characters. */
function idempotencyKey(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  const key = Array.isArray(header) ? header[0] : header;
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw fieldError('Idempotency-Key', 'validation.idempotency_key');
  }
  return key;
}

export const paymentRoutes =
  (payments: PaymentService): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(
      listExportRoutes({
        path: '/payments',
        fileName: 'payments',
        title: 'Payments',
        tags: tags,
        query: PaymentListQuerySchema,
        authorize: assertSeesBilling,
        columns: PAYMENT_COLUMNS,
        list: (actor, q) => payments.list(actor, q),
      }),
    );
    app.get(
      '/payments',
      {
        config: { authorize: assertSeesBilling },
        schema: {
          tags,
          summary: 'Payments you can see, newest first',
          querystring: PaymentListQuerySchema,
          response: { 200: pageOf(PaymentSchema) },
        },
      },
      async (req) => payments.list(req.requireActor(), req.query),
    );

    app.post(
      '/payments',
      {
        schema: {
          tags,
          summary: 'Record a payment on an issued invoice; send Idempotency-Key so a retry never records it twice',
          body: PaymentCreateSchema,
          response: { 201: PaymentSchema },
        },
      },
      async (req, reply) => {
        const result = await payments.record(req.requireActor(), req.body, idempotencyKey(req.headers['idempotency-key']));
        if (result.replayed) reply.header('idempotent-replayed', 'true');
        return reply.code(201).send(withEtag(reply, result.payment));
      },
    );

    app.get(
      '/payments/:id',
      { schema: { tags, summary: 'One payment', params: IdParamsSchema, response: { 200: PaymentSchema } } },
      async (req, reply) => withEtag(reply, await payments.get(req.requireActor(), req.params.id)),
    );

    app.post(
      '/payments/:id/reverse',
      {
        schema: {
          tags,
          summary: 'Reverse a payment (it stays on record); the invoice is owed again',
          params: IdParamsSchema,
          body: PaymentReverseSchema,
          response: { 200: PaymentSchema },
        },
      },
      async (req, reply) => withEtag(reply, await payments.reverse(req.requireActor(), req.params.id, req.body.reason)),
    );
  };
