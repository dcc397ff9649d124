import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { PdfModel } from './pdf.model.js';
import { createPdfRenderer } from './pdf.pool.js';

const model: PdfModel = {
  language: 'en',
  draft: false,
  heading: 'Act of completed work',
  subtitle: null,
  letterhead: { name: 'Agency', lines: [] },
  logo: null,
  parties: [],
  facts: [],
  intro: [],
  table: null,
  outro: [],
  notes: null,
  signatures: [],
  labels: { page: 'Page', of: 'of', draft: 'Draft' },
};

/** Each thread of this process with its nice value (field 19 of /proc/<pid>/task/<tid>/stat). */
function threadNiceness(): Map<number, number> {
  const dir = `/proc/${process.pid}/task`;
  return new Map(
    fs.readdirSync(dir).map((tid) => {
      const stat = fs.readFileSync(`${dir}/${tid}/stat`, 'utf8');
      // fields after the command name, which is in parentheses and may hold spaces
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return [Number(tid), Number(fields[16])];
    }),
  );
}

describe('the PDF worker pool', () => {
  const renderer = createPdfRenderer({ maxThreads: 1 });
  afterAll(() => renderer.close());

  it('renders at a lower priority than the thread that answers requests', async () => {
    const before = threadNiceness();
    const bytes = await renderer.render(model);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const after = threadNiceness();
    // the request thread keeps its priority; the worker that started for this render yields to it
    expect(after.get(process.pid)).toBe(before.get(process.pid));
    const started = [...after].filter(([tid]) => !before.has(tid));
    expect(started.some(([, nice]) => nice > after.get(process.pid)!)).toBe(true);
  });
});
