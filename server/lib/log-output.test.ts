import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { LogOutput } from './log-output.js';

const line = (i: number) => JSON.stringify({ level: 30, msg: `line ${i}`, pad: 'x'.repeat(100) }) + '\n';

/** A reader that takes data but never finishes a write, like a pipe nobody reads. */
function stuckReader() {
  const pending: (() => void)[] = [];
  const received: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      received.push(String(chunk));
      pending.push(done);
    },
  });
  const release = () => pending.splice(0).forEach((done) => done());
  return { stream, received, release };
}

describe('log output', () => {
  it('drops lines past a bounded backlog instead of holding the server when the reader stops reading', async () => {
    const { stream } = stuckReader();
    const output = new LogOutput(stream, 10_000);
    for (let i = 0; i < 10_000; i++) output.write(line(i));
    expect(stream.writableLength).toBeLessThan(10_000 + 200);

    const started = Date.now();
    await output.flush(100); // gives up waiting: the reader never catches up
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('says how many lines were dropped once the reader catches up', async () => {
    const { stream, received, release } = stuckReader();
    const output = new LogOutput(stream, 1000);
    const catchUp = async () => {
      while (stream.writableLength > 0) {
        release();
        await new Promise((r) => setImmediate(r));
      }
    };
    for (let i = 0; i < 50; i++) output.write(line(i));
    await catchUp();
    const kept = received.length;
    expect(kept).toBeLessThan(50);

    output.write(line(50));
    await catchUp();
    expect(received).toHaveLength(kept + 2);
    expect(JSON.parse(received[kept]).msg).toBe(`${50 - kept} log lines dropped: the log reader fell behind`);
    expect(received[kept + 1]).toBe(line(50));
  });

  it('stops writing, without throwing, once the reader is gone', async () => {
    let writes = 0;
    const stream = new Writable({
      write(_chunk, _enc, done) {
        writes++;
        done(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      },
    });
    const output = new LogOutput(stream);
    output.write(line(1));
    await new Promise((r) => setImmediate(r));
    for (let i = 0; i < 100; i++) output.write(line(i));
    expect(writes).toBe(1);
    await output.flush(60_000); // resolves at once: there is nobody to wait for
  });
});
