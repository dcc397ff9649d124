import type { Readable } from 'node:stream';
import type { FastifyContextConfig, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ExportColumn } from './columns.js';
import { csvStream } from './csv-writer.js';
import { readPages, type ListPage } from './pages.js';
import { XLSX_TYPE, xlsxStream } from './xlsx-writer.js';

type Actor = ReturnType<FastifyRequest['requireActor']>;
type ListQueryShape = { limit: z.ZodType; cursor: z.ZodType };

/** A list route's export: its path and query, its reader (the list's own service call) and its columns. */
export interface ListExport<S extends z.ZodObject<ListQueryShape>, T> {
  /** The list's path, e.g. `/accounts`: the files are `/accounts.csv` and `/accounts.xlsx`. */
  path: string;
  /** The file's name without its extension, e.g. `accounts`. */
  fileName: string;
  /** The sheet's name in the workbook. */
  title: string;
  tags: string[];
  /** The list route's query schema: the export takes the same filters and order, without the paging. */
  query: S;
  /** The list route's role check, if it has one. */
  authorize?: FastifyContextConfig['authorize'];
  columns: readonly ExportColumn<T>[];
  /** One page of the list as the list route gives it, with the caller's access. */
  list: (actor: Actor, query: z.output<S>) => Promise<ListPage<T>>;
}

const DelimiterSchema = z
  .enum(['comma', 'semicolon'])
  .default('comma')
  .describe('`semicolon` for Excel in locales whose decimal separator is a comma (Russian): `;` between fields, decimals with a comma');

/** A file written as it is read (the schema's string describes the file, not the stream). */
const sendFile = (reply: FastifyReply, type: string, name: string, body: Readable) =>
  reply
    .type(type)
    .header('content-disposition', `attachment; filename="${name.replace(/[^\w.-]+/g, '-')}"`)
    .send(body);

/** Lists without a role check of their own still need a signed-in caller (their service scopes the rows). */
const signedIn = () => undefined;

/**
 * `GET <list>.csv` and `GET <list>.xlsx` for a list: every row the list shows with the same
 * filters and the caller's access, in its order, streamed page by page with its cursors;
 * headers in the caller's language.
 */
export function listExportRoutes<S extends z.ZodObject<ListQueryShape>, T>(def: ListExport<S, T>): FastifyPluginAsyncZod {
  const filters = def.query.omit({ limit: true, cursor: true });
  const config = { authorize: def.authorize ?? signedIn };
  const pagesFor = (req: FastifyRequest, query: object) => {
    const actor = req.requireActor();
    return readPages((page) => def.list(actor, { ...query, ...page } as z.output<S>));
  };
  return async (app) => {
    app.get(
      `${def.path}.csv`,
      {
        config,
        schema: {
          tags: def.tags,
          summary: `${def.title}: the list with the same filters and order as CSV (UTF-8 with a byte-order mark), every page of it`,
          querystring: filters.extend({ delimiter: DelimiterSchema }),
          response: { 200: z.string().describe('text/csv') },
        },
      },
      async (req, reply) => {
        const { delimiter, ...query } = req.query;
        const pages = await pagesFor(req, query);
        const language = req.requireActor().language ?? 'en';
        return sendFile(reply, 'text/csv; charset=utf-8', `${def.fileName}.csv`, csvStream(def.columns, pages, { language, delimiter }));
      },
    );
    app.get(
      `${def.path}.xlsx`,
      {
        config,
        schema: {
          tags: def.tags,
          summary: `${def.title}: the list with the same filters and order as an Excel workbook (typed cells), every page of it`,
          querystring: filters,
          response: { 200: z.string().describe(XLSX_TYPE) },
        },
      },
      async (req, reply) => {
        const pages = await pagesFor(req, req.query);
        const language = req.requireActor().language ?? 'en';
        return sendFile(reply, XLSX_TYPE, `${def.fileName}.xlsx`, xlsxStream(def.columns, pages, { language, sheetName: def.title }));
      },
    );
  };
}
