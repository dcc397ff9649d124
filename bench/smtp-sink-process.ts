import { startSmtpSink } from '../server/test/smtp-sink.js';

/**
 * The SMTP sink of the scheduled-reports run, in a process of its own: parsing a thousand
 * emails with PDFs must not share an event loop with autocannon, whose latencies it would
 * lengthen, any more than a real mail server shares the app's machine's load generator.
 */
export interface SinkReady {
  url: string;
}

/** What the sink answers when asked `count`: the emails that carried a status report's PDF. */
export interface SinkCount {
  reports: number;
}

async function main() {
  const sink = await startSmtpSink();
  process.send!({ url: sink.url } satisfies SinkReady);
  process.on('message', (m) => {
    if (m !== 'count') return;
    // the sink also gets what earlier steps left pending (the follow-up run's emails): count the reports only
    const reports = sink.messages.filter((mail) => mail.attachments.some((a) => a.filename?.startsWith('status_report-'))).length;
    process.send!({ reports } satisfies SinkCount);
  });
  process.on('disconnect', () => void sink.close().then(() => process.exit(0)));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
