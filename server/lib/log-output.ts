/**
 * Where the server's log lines go: a stream (standard output) that can never stall the
 * server. pino's default destination retries a failed write forever when the process exits,
 * so a log reader that went away (a stopped supervisor, a closed pipe) kept a stopped server
 * spinning. Here a reader that is gone (EPIPE or any other error) ends logging, a reader that
 * falls behind makes lines be dropped past a bounded backlog, and nothing runs at exit.
 */
export class LogOutput {
  private broken = false;
  private dropped = 0;

  constructor(
    private readonly out: NodeJS.WritableStream & { writableLength?: number } = process.stdout,
    private readonly maxBacklogBytes = 8 * 1024 * 1024,
  ) {
    out.on('error', () => {
      this.broken = true;
    });
  }

  /** Called by pino with one JSON line. */
  write(line: string): void {
    if (this.broken) return;
    if ((this.out.writableLength ?? 0) > this.maxBacklogBytes) {
      this.dropped++;
      return;
    }
    if (this.dropped > 0) {
      const note = { level: 40, time: Date.now(), msg: `${this.dropped} log lines dropped: the log reader fell behind` };
      this.dropped = 0;
      this.out.write(JSON.stringify(note) + '\n');
    }
    this.out.write(line);
  }

  /** Resolves once the backlog is handed to the reader, the reader is gone, or timeoutMs passed. */
  flush(timeoutMs: number): Promise<void> {
    if (this.broken || !this.out.writableLength) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.out.off('drain', done);
        this.out.off('error', done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      timer.unref();
      this.out.once('drain', done);
      this.out.once('error', done);
    });
  }
}
