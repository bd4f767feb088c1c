import { contextFor, settle } from "./requests";

/** Calls a route's loader or action the way React Router does, and returns what it returned or threw. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function run<F extends (args: any) => any>(fn: F, request: Request, params: Record<string, string> = {}) {
  return settle(async () => fn({ request, params, context: await contextFor(request) } as Parameters<F>[0])) as Promise<
    Awaited<ReturnType<F>> | Response
  >;
}

/** The value a loader or action returned with `data(...)`, and its status. */
export function unwrap<T>(result: T | Response): { status: number; data: unknown } {
  if (result instanceof Response) return { status: result.status, data: null };
  const maybeData = result as unknown as { type?: string; data?: unknown; init?: { status?: number } };
  if (maybeData && maybeData.type === "DataWithResponseInit") {
    return { status: maybeData.init?.status ?? 200, data: maybeData.data };
  }
  return { status: 200, data: result };
}
