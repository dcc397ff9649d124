import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { completeDocument } from './openapi-document.js';

// Every tag a route uses is listed here, in the order the docs show them (the lint fails on an undeclared one).
const TAGS = [
  ['today', 'What needs each person now, and why: overdue, today and this week, with snooze, done and dismiss'],
  [
    'inbox',
    'The staff bell: notices of urgent Today items, client messages and assignments, read and marked read by their reader, and the morning digest’s preferences',
  ],
  ['health', 'Account health: a score and grade from weighted components, each with the facts behind it, a daily snapshot and the trend'],
  ['auth', 'Signing in and out, first-run setup, your profile and personal API tokens'],
  ['users', 'People who use Liaison: staff and the client users of accounts'],
  ['accounts', 'Client companies: their details, timeline, statement and credit exposure'],
  ['contacts', 'People at client companies'],
  ['interactions', 'Logged meetings, calls, emails and notes'],
  ['dropbox', 'The email dropbox: BCC addresses of managers and accounts, mail received at them, and the unmatched inbox'],
  ['next-steps', 'Next steps agreed with clients: owner, date, done or overdue'],
  ['deals', 'Sales to accounts moving through the pipeline: stages, next steps, won and lost, and the pipeline settings'],
  ['claims', 'Clients’ claims: deadlines by severity, the workflow to a confirmed resolution with its root cause, and their settings'],
  ['corrective actions', 'What changes to remove a claim’s cause, for one claim or a root cause, closed only by its effectiveness check'],
  ['loyalty', 'Loyalty programmes: tiers with rules and benefits, the daily evaluation with its reasons, downgrade risk and referrals'],
  ['objections', 'What clients object to on deals, the answers given, and the playbook of answers ranked by the deals won'],
  [
    'proposals',
    'Proposals on deals: priced from the catalog, versioned, sent as documents with a link the client opens without signing in to accept or decline',
  ],
  ['projects', 'Work for an account, its team and the approval of its plan'],
  ['plans', 'Project plans: milestones, requirements and briefs'],
  ['tasks', 'Assigned work on projects, with comments and history'],
  ['delivery', 'Specialist roles and rates, and reports on delivery, workload and portfolio'],
  ['catalog', 'The service catalog: what the agency sells, its prices per currency and delivery templates'],
  ['invoices', 'Invoices and credit notes, from draft to issued or void'],
  ['payments', 'Payments received on issued invoices, and their reversals'],
  ['follow-ups', 'Reminders of unpaid invoices: emails, calls and alerts'],
  ['reports', 'Receivables aging, as JSON or CSV'],
  ['documents', 'Paperwork: contracts, acts, status reports and proposals as PDFs, their templates and sending'],
  ['settings', 'Settings of the agency: billing, its calendar, its details and logo, document numbers'],
  ['audit', 'Who changed what and when'],
  ['system', 'The release and database schema version an instance runs'],
  ['portal', 'The client portal: a client user’s own start page of what waits for them and the news of their projects'],
  ['messages', 'Requests: a client company’s thread with the agency, where its people write to their manager'],
  ['notifications', 'Emails to clients of what awaits them in the portal: one-click unsubscribe without signing in'],
  ['surveys', 'Satisfaction surveys (NPS, CSAT): sent by managers or triggers, answered once by an emailed link or in the portal'],
  [
    'webhooks',
    'Signed webhooks (Standard Webhooks): subscriptions to event types, versioned payloads, retries over a day, the delivery log with redelivery, and the private hosts allowed',
  ],
  ['imports', 'Spreadsheet imports (CSV, .xlsx): preview with mapping and errors, a background run with progress, undo'],
  ['search', 'Global search over the records you may read, by the beginnings of their words'],
  ['calendar', 'Calendar feeds (iCalendar) of a person’s or an account’s dates, at secret addresses calendar apps subscribe to'],
  [
    'privacy',
    'Personal-data requests: a contact’s or client user’s data as a zip, erasure of a contact, and how long interactions are kept',
  ],
].map(([name, description]) => ({ name, description }));

/** Named schemas get an `…Input` twin for requests; those no operation takes are left out. */
function withoutUnusedInputs<T extends object>(doc: T): T {
  const schemas = (doc as { components?: { schemas?: Record<string, unknown> } }).components?.schemas;
  if (!schemas) return doc;
  const text = JSON.stringify(doc);
  for (const name of Object.keys(schemas))
    if (name.endsWith('Input') && schemas[name.slice(0, -5)] && !text.includes(`"#/components/schemas/${name}"`)) delete schemas[name];
  return doc;
}

/** OpenAPI generated from the route schemas, at /api/openapi.json, with docs at /api/docs. */
export async function registerOpenApi(app: FastifyInstance) {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Liaison API',
        version: '1',
        description:
          'Account management for agencies. Sign in with POST /api/v1/auth/login (session cookie) or send `Authorization: Bearer <personal API token>`. Errors are application/problem+json (RFC 9457; see the Problem schema). PATCH accepts If-Match with the record version from its ETag.',
        license: { name: 'AGPL-3.0-or-later', url: 'https://www.gnu.org/licenses/agpl-3.0.html' },
      },
      servers: [{ url: '/', description: 'The server that serves this document' }],
      tags: TAGS,
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, cookie: { type: 'apiKey', in: 'cookie', name: 'liaison_session' } },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: jsonSchemaTransform,
    // Schemas named with `.meta({ id })` (the webhook payloads) become components the routes refer to.
    transformObject: (document) =>
      completeDocument('openapiObject' in document ? withoutUnusedInputs(jsonSchemaTransformObject(document)) : document.swaggerObject),
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
