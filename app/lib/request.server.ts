import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import { createContext, type MiddlewareFunction, type RouterContextProvider } from "react-router";
import { log } from "../../server/log.js";

/** What every loader and action gets as `context`: React Router's typed request context. */
export type RequestContext = Readonly<RouterContextProvider>;

interface RequestInfo {
  /** The X-Request-Id that server.js gave this request (and the error page shows). */
  id: string;
  /** The logger for this request: every line carries the request id. */
  log: Logger;
}

const requestInfo = createContext<RequestInfo>();
/** The matched route's pattern (`/moeder/:id`): what the access log and the metrics name, never the path. */
// The default must not be `undefined`: React Router treats that as "no default" and throws on a
// request that never reached the middleware (a busy database, a manifest request).
const routePattern = createContext<string | null>(null);

/** First of the root's middleware: the request's id and logger. */
export const requestInfoMiddleware: MiddlewareFunction<Response> = ({ request, context, pattern }, next) => {
  // server.js has already replaced any id the client sent that was not a plain token.
  const id = request.headers.get("x-request-id") ?? randomUUID();
  // The logger is made on first use: most requests log nothing of their own.
  let logger: Logger | undefined;
  context.set(requestInfo, {
    id,
    get log() {
      return (logger ??= log.child({ requestId: id }));
    },
  });
  context.set(routePattern, pattern ?? null);
  return next();
};

export function requestIdOf(context: RequestContext): string {
  return context.get(requestInfo).id;
}

export function loggerOf(context: RequestContext): Logger {
  return context.get(requestInfo).log;
}

/** For server/request-handler.js (through entry.server): the pattern, or undefined when no middleware ran. */
export function routePatternOf(context: RequestContext): string | undefined {
  const pattern = context.get(routePattern);
  if (pattern === null) return undefined;
  // React Router gives the route's own path ("moeder/:id", "*"); the log names it from the root.
  return pattern.startsWith("/") ? pattern : `/${pattern}`;
}
