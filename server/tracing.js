// OpenTelemetry traces, on only when OTEL_EXPORTER_OTLP_ENDPOINT is set:
// one server span per HTTP request, a span per request transaction (db/client.ts) and one per
// database query (drizzle's prepared queries), sent by OTLP/HTTP. The standard OTEL_* variables
// (headers, service name, resource attributes) are read by the exporter and the resource.
//
// Spans carry no personal data: the HTTP span names the route pattern, never the path or query
// string, the client's address or user agent; a query span holds the SQL with its placeholders
// ($1), never the values.
import { AsyncLocalStorage } from "node:async_hooks";
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { detectResources, envDetector, resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, TracerProvider } from "@opentelemetry/sdk-trace";
import {
  ATTR_DB_QUERY_TEXT,
  ATTR_DB_SYSTEM_NAME,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_SERVICE_NAME,
  ATTR_URL_SCHEME,
  DB_SYSTEM_NAME_VALUE_POSTGRESQL,
} from "@opentelemetry/semantic-conventions";
import { PgPreparedQuery } from "drizzle-orm/pg-core";
import { config } from "./config.js";

/** @typedef {import("@opentelemetry/api").ContextManager} ContextManager */

const tracer = trace.getTracer("min-vej");

/** True once startTracing has installed an exporter. */
let enabled = false;

/**
 * The API's context follows async work through AsyncLocalStorage (the package that does this,
 * @opentelemetry/context-async-hooks, is not a dependency; this is all of it that is needed).
 * @implements {ContextManager}
 */
class AsyncLocalStorageContextManager {
  /** @type {AsyncLocalStorage<import("@opentelemetry/api").Context>} */
  #storage = new AsyncLocalStorage();
  active() {
    return this.#storage.getStore() ?? ROOT_CONTEXT;
  }
  /**
   * @template {unknown[]} A
   * @template {(...args: A) => ReturnType<F>} F
   * @param {import("@opentelemetry/api").Context} activeContext
   * @param {F} fn
   * @param {ThisParameterType<F>} [thisArg]
   * @param {A} args
   * @returns {ReturnType<F>}
   */
  with(activeContext, fn, thisArg, ...args) {
    return this.#storage.run(activeContext, () => fn.apply(thisArg, args));
  }
  /**
   * @template T
   * @param {import("@opentelemetry/api").Context} boundContext
   * @param {T} target
   * @returns {T}
   */
  bind(boundContext, target) {
    if (typeof target !== "function") return target;
    const storage = this.#storage;
    return /** @type {T} */ (
      /** @this {unknown} @param {unknown[]} args */
      function (...args) {
        return storage.run(boundContext, () => target.apply(this, args));
      }
    );
  }
  enable() {
    return this;
  }
  disable() {
    this.#storage.disable();
    return this;
  }
}

/**
 * Starts tracing when an OTLP endpoint is configured. Call before serving requests.
 * @returns {{ shutdown(): Promise<void> } | null} null when tracing is off
 */
export function startTracing() {
  if (!config().otlpEndpoint) return null;
  const resource = resourceFromAttributes({ [ATTR_SERVICE_NAME]: "min-vej" }).merge(detectResources({ detectors: [envDetector] }));
  const provider = new TracerProvider({
    resource,
    spanProcessors: [
      // Batches every 5 seconds; shutdown() sends what is left.
      new BatchSpanProcessor({ exporter: new OTLPTraceExporter() }),
    ],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  traceDatabaseQueries();
  enabled = true;
  return { shutdown: () => provider.shutdown() };
}

/**
 * The server span of one HTTP request, continuing the caller's trace (W3C traceparent); its name
 * and `http.route` get the route pattern when the request is over (endRequestSpan).
 * @param {import("express").Request} req
 */
export function startRequestSpan(req) {
  if (!enabled) return undefined;
  const parent = propagation.extract(ROOT_CONTEXT, req.headers);
  return tracer.startSpan(
    req.method,
    { kind: SpanKind.SERVER, attributes: { [ATTR_HTTP_REQUEST_METHOD]: req.method, [ATTR_URL_SCHEME]: req.protocol } },
    parent,
  );
}

/**
 * @param {import("@opentelemetry/api").Span | undefined} span
 * @param {{ method: string, route: string, status: number }} request
 */
export function endRequestSpan(span, { method, route, status }) {
  if (!span) return;
  span.updateName(`${method} ${route}`);
  span.setAttributes({ [ATTR_HTTP_ROUTE]: route, [ATTR_HTTP_RESPONSE_STATUS_CODE]: status });
  if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
  span.end();
}

/**
 * Runs `work` with `span` as the active span, so that the database spans it causes are its children.
 * @template T
 * @param {import("@opentelemetry/api").Span | undefined} span
 * @param {() => T} work
 * @returns {T}
 */
export function inSpan(span, work) {
  return span ? context.with(trace.setSpan(context.active(), span), work) : work();
}

/**
 * One client span per query of a request, around the driver's call (postgres.js and PGlite alike): drizzle runs
 * every prepared query through PgPreparedQuery's `queryWithCache`. Its own tracing hook is not
 * switched on in drizzle-orm 0.45, and would record the parameters.
 */
function traceDatabaseQueries() {
  /** @type {{ queryWithCache(queryString: string, params: unknown[], query: () => Promise<unknown>): Promise<unknown> }} */
  const prototype = /** @type {never} */ (PgPreparedQuery.prototype);
  const original = prototype.queryWithCache;
  if (/** @type {{ traced?: boolean }} */ (original).traced) return;
  /**
   * @this {unknown}
   * @param {string} queryString
   * @param {unknown[]} params
   * @param {() => Promise<unknown>} query
   */
  const traced = function (queryString, params, query) {
    // Within a request only: the job worker's poll would otherwise start a trace every few seconds.
    // A pass that a request's commit woke keeps that request's context; once its span has ended,
    // the passes after it are not the request's.
    if (!trace.getSpan(context.active())?.isRecording()) return original.call(this, queryString, params, query);
    const attributes = { [ATTR_DB_SYSTEM_NAME]: DB_SYSTEM_NAME_VALUE_POSTGRESQL, [ATTR_DB_QUERY_TEXT]: queryString.slice(0, 2000) };
    const name = queryString.trimStart().split(/\s/, 1)[0]?.toUpperCase() || "query";
    return tracer.startActiveSpan(name, { kind: SpanKind.CLIENT, attributes }, async (span) => {
      try {
        return await original.call(this, queryString, params, query);
      } catch (error) {
        span.setStatus({ code: SpanStatusCode.ERROR });
        throw error;
      } finally {
        span.end();
      }
    });
  };
  Object.assign(traced, { traced: true });
  prototype.queryWithCache = traced;
}
