import os from 'node:os';
import { Piscina } from 'piscina';
import type { PdfModel } from './pdf.model.js';

/** Renders PDFs off the request thread, so a 30-page act never stalls other requests. */
export interface PdfRenderer {
  render(model: PdfModel): Promise<Buffer>;
  close(): Promise<void>;
}

/** How long an idle worker stays before it exits (a burst of sends reuses warm workers). */
const IDLE_MS = 60_000;

/** A pool of worker threads started on first use; at most one fewer than the machine's cores (at least one). */
export function createPdfRenderer(opts: { maxThreads?: number } = {}): PdfRenderer {
  let pool: Piscina | null = null;
  const start = () =>
    new Piscina({
      filename: new URL('./pdf.worker.mjs', import.meta.url).href,
      minThreads: 0,
      maxThreads: opts.maxThreads ?? Math.max(1, Math.min(4, os.availableParallelism() - 1)),
      idleTimeout: IDLE_MS,
    });
  return {
    async render(model) {
      pool ??= start();
      const bytes = (await pool.run(model)) as Uint8Array;
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    },
    async close() {
      const p = pool;
      pool = null;
      await p?.destroy();
    },
  };
}
