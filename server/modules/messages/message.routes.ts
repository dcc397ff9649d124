import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pageOf } from '../../../common/schemas/common.js';
import { MessageCreateSchema, MessageListQuerySchema, MessageSchema } from '../../../common/schemas/message.js';
import type { MessageService } from './message.service.js';

/**
 * Room for the longest message however it is written: 10,000 characters that JSON escapes to six
 * bytes each still fit. A longer message within it is answered by the service, with its length.
 */
export const MESSAGE_BODY_LIMIT = 128 * 1024;

const tags = ['messages'];

export const messageRoutes =
  (messages: MessageService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/messages',
      {
        schema: {
          tags,
          summary:
            'A client company’s requests thread, newest first: its people’s messages and the agency’s answers (staff name the company in accountId)',
          querystring: MessageListQuerySchema,
          response: { 200: pageOf(MessageSchema) },
        },
      },
      async (req) => messages.list(req.requireActor(), req.query),
    );

    app.post(
      '/messages',
      {
        bodyLimit: MESSAGE_BODY_LIMIT,
        schema: {
          tags,
          summary:
            'Write to the thread: a client user to their manager (who is emailed), staff to the client (accountId required); on the account’s timeline',
          body: MessageCreateSchema,
          response: { 201: MessageSchema },
        },
      },
      async (req, reply) => reply.code(201).send(await messages.create(req.requireActor(), req.body)),
    );
  };
