import { PassThrough } from 'node:stream';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema } from '../../../common/schemas/common.js';
import {
  IMPORT_ENTITIES,
  ImportOptionsSchema,
  ImportPreviewSchema,
  ImportSchema,
  type ImportEntity,
  type ImportOptions,
} from '../../../common/schemas/import.js';
import { CSV_BOM, csvFileName, csvLines } from '../../lib/csv.js';
import { badRequest } from '../../lib/errors.js';
import { MAX_IMPORT_BYTES } from './import.file.js';
import { MAX_IMPORT_ROWS } from './import.scan.js';
import { assertMayImport, type ImportService } from './import.service.js';

const tags = ['imports'];
const authorize = { authorize: assertMayImport };
const ABOUT =
  `Admins import anything; account managers only into accounts they own (new accounts are theirs). At most ${MAX_IMPORT_BYTES / 1024 / 1024} MB ` +
  `(413 past it) and ${MAX_IMPORT_ROWS.toLocaleString('en')} rows (422). CSV in UTF-8 (with or without BOM) or Windows-1251, delimited by , ; or tab ` +
  '(guessed from the header line, changeable); .xlsx (the first sheet unless one is chosen); anything else is 415. ' +
  'Nothing is saved until POST /imports/{id}/commit.';

/** Parses the options of a multipart upload (its text fields), as PATCH would take them. */
function optionsOf(fields: Record<string, string>): ImportOptions {
  const raw: Record<string, unknown> = {};
  for (const key of ['encoding', 'delimiter', 'sheet', 'duplicatePolicy']) if (fields[key]) raw[key] = fields[key];
  if (fields.delimiter === 'tab') raw.delimiter = '\t';
  if (fields.mapping) {
    try {
      raw.mapping = JSON.parse(fields.mapping);
    } catch {
      throw badRequest('validation.invalid');
    }
  }
  const parsed = ImportOptionsSchema.safeParse(raw);
  if (!parsed.success) throw badRequest('validation.invalid');
  return parsed.data;
}

/** Uploading a spreadsheet, its preview and mapping, the background run, its error report and undo. */
export const importRoutes =
  (imports: ImportService): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(multipart, { limits: { fileSize: MAX_IMPORT_BYTES + 1, files: 1, fields: 10, fieldSize: 64 * 1024 } });

    app.post(
      '/imports',
      {
        config: authorize,
        schema: {
          tags,
          summary:
            'Upload a file to import and get its preview (multipart: `entity`, optional `encoding`, `delimiter`, `sheet`, `duplicatePolicy`, `mapping` as JSON, then `file`)',
          description: ABOUT,
          consumes: ['multipart/form-data'],
          response: { 201: ImportPreviewSchema },
        },
      },
      async (req, reply) => {
        const actor = req.requireActor();
        const fields: Record<string, string> = {};
        for await (const part of req.parts()) {
          if (part.type === 'field') {
            fields[part.fieldname] = String(part.value);
            continue;
          }
          const entity = fields.entity as ImportEntity;
          if (!IMPORT_ENTITIES.includes(entity)) {
            part.file.resume();
            throw badRequest('import.entity_required');
          }
          const preview = await imports.upload(
            actor,
            { file: part.file, fileName: part.filename ?? '', entity, options: optionsOf(fields) },
            actor.language ?? 'en',
          );
          return reply.code(201).send(preview);
        }
        throw badRequest(fields.entity ? 'import.file_required' : 'import.entity_required');
      },
    );

    app.patch(
      '/imports/:id',
      {
        config: authorize,
        schema: {
          tags,
          summary: 'Change the mapping, encoding, delimiter, sheet or duplicate policy; answers a fresh preview',
          params: IdParamsSchema,
          body: ImportOptionsSchema,
          response: { 200: ImportPreviewSchema },
        },
      },
      async (req) => {
        const actor = req.requireActor();
        return imports.update(actor, req.params.id, req.body, actor.language ?? 'en');
      },
    );

    app.get(
      '/imports/:id',
      {
        config: authorize,
        schema: { tags, summary: 'The import: status, rows done of all, counts', params: IdParamsSchema, response: { 200: ImportSchema } },
      },
      async (req) => imports.get(req.requireActor(), req.params.id),
    );

    app.get(
      '/imports/:id/errors.csv',
      {
        config: authorize,
        schema: {
          tags,
          summary: 'Every row error as CSV: row number, column, reason',
          params: IdParamsSchema,
          response: { 200: z.string().describe('text/csv') },
        },
      },
      async (req, reply) => {
        const actor = req.requireActor();
        await imports.get(actor, req.params.id); // 404 before the stream starts
        const out = new PassThrough();
        const en = (actor.language ?? 'en') === 'en';
        out.write(CSV_BOM + csvLines([en ? ['Row', 'Column', 'Reason'] : ['Строка', 'Столбец', 'Причина']]));
        imports
          .errors(actor, req.params.id, actor.language ?? 'en', async (errors) => {
            if (!out.write(csvLines(errors.map((e) => [e.rowNumber, e.column, e.message])))) await new Promise((r) => out.once('drain', r));
          })
          .then(() => out.end())
          .catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${csvFileName(`import-${req.params.id}-errors`)}"`)
          .send(out as unknown as string); // streamed: the schema documents the body, the stream is sent as is
      },
    );

    app.post(
      '/imports/:id/commit',
      {
        config: authorize,
        schema: {
          tags,
          summary: 'Start saving the rows in the background (chunks of 1,000, each one transaction); follow it with GET /imports/{id}',
          params: IdParamsSchema,
          response: { 202: ImportSchema },
        },
      },
      async (req, reply) => reply.code(202).send(await imports.commit(req.requireActor(), req.params.id)),
    );

    app.post(
      '/imports/:id/undo',
      {
        config: authorize,
        schema: {
          tags,
          summary: 'Remove what the import created and restore what it updated; 409 when any of it changed since',
          params: IdParamsSchema,
          response: { 200: ImportSchema },
        },
      },
      async (req) => imports.undo(req.requireActor(), req.params.id),
    );
  };
