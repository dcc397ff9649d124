// The PDF pool's worker entry. Plain JavaScript so a bare Node worker thread loads it under
// any runner (npm start with tsx, vitest, the bench); it compiles the TypeScript renderer
// with tsx's API, the same compiler the server itself runs on.
import { tsImport } from 'tsx/esm/api';

const { renderPdf } = await tsImport('./pdf.render.ts', import.meta.url);

/** Renders a model; the bytes go back to the caller's thread without a copy. */
export default async function render(model) {
  const bytes = await renderPdf(model);
  return bytes;
}
