// The PDF pool's worker entry. Plain JavaScript so a bare Node worker thread loads it under
// any runner (npm start with tsx, vitest, the bench); it compiles the TypeScript renderer
// with tsx's API, the same compiler the server itself runs on.
import os from 'node:os';
import { tsImport } from 'tsx/esm/api';

const PRIORITY_BELOW_REQUESTS = 10;

// Rendering is never more urgent than answering requests: on Linux the nice value is per
// thread, so this lowers only this worker's, and a run of a thousand reports renders on the
// CPU that requests leave over. Where it cannot be lowered, renders run at normal priority.
try {
  os.setPriority(PRIORITY_BELOW_REQUESTS);
} catch {
  // not permitted here: normal priority
}

const { renderPdf } = await tsImport('./pdf.render.ts', import.meta.url);

/** Renders a model; the bytes go back to the caller's thread without a copy. */
export default async function render(model) {
  const bytes = await renderPdf(model);
  return bytes;
}
