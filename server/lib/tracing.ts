import { FastifyOtelInstrumentation } from '@fastify/otel';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { NodeSDK } from '@opentelemetry/sdk-node';
import type { Database, DialectName } from '../db/database.js';
import { onQuery } from '../db/observe.js';

/**
 * Exports a span per request (route, status, hooks and handler, continuing a caller's W3C
 * `traceparent`) and per database query under it, over OTLP/HTTP. Started before the app is built:
 * the Fastify instrumentation attaches to every instance created after it. Answers how to flush
 * the last spans when the instance stops. The standard OTEL_* variables configure the exporter.
 */
export function startTracing(db: Database, dialect: DialectName, env: NodeJS.ProcessEnv = process.env): () => Promise<void> {
  const sdk = new NodeSDK({
    serviceName: env.OTEL_SERVICE_NAME || 'liaison',
    traceExporter: new OTLPTraceExporter(),
    // A span per request and its handler; one per hook would name each by its plugin's whole source.
    instrumentations: [new FastifyOtelInstrumentation({ registerOnInitialization: true, instrumentHooks: false })],
  });
  sdk.start();
  const stopQueries = traceQueries(db, dialect);
  return async () => {
    stopQueries();
    await sdk.shutdown();
  };
}

/**
 * Each query as a client span of whatever runs it (a request, a job): Kysely reports a query when
 * it has finished, so the span is drawn back from its end by its duration. Both dialects, one way.
 */
function traceQueries(db: Database, dialect: DialectName): () => void {
  const tracer = trace.getTracer('liaison.database');
  const system = dialect === 'postgres' ? 'postgresql' : 'sqlite';
  return onQuery(db, (query) => {
    const end = Date.now();
    const span = tracer.startSpan(query.operation.toUpperCase(), {
      kind: SpanKind.CLIENT,
      startTime: end - query.durationSeconds * 1000,
      attributes: { 'db.system.name': system, 'db.operation.name': query.operation, 'db.query.text': query.sql },
    });
    if (query.failed) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end(end);
  });
}
