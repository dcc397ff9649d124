export { columnsOf, type ExportColumn, type ExportKind } from './columns.js';
export { csvStream, type CsvDelimiter } from './csv-writer.js';
export { listExportRoutes, type ListExport } from './export-routes.js';
export { EXPORT_PAGE_SIZE, readPages, type ListPage, type PageReader } from './pages.js';
export { XLSX_TYPE, xlsxStream } from './xlsx-writer.js';
