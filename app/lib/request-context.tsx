import { createContext, useContext, useState } from "react";

interface RequestContextValue {
  nonce?: string;
  requestId?: string;
}

const RequestContext = createContext<RequestContextValue>({});

/** Set by entry.server for one response; absent in the browser. */
export const RequestContextProvider = RequestContext.Provider;

/** The CSP nonce of this response (server render only; browsers hide it from the DOM). */
export function useNonce() {
  return useContext(RequestContext).nonce;
}

/**
 * The id of the request that rendered this page, for error pages. In the browser it is read
 * back from the server-rendered page, so hydration keeps the same text.
 */
export function useRequestId(): string | undefined {
  const fromServer = useContext(RequestContext).requestId;
  const [id] = useState(
    () =>
      fromServer ??
      (typeof document === "undefined"
        ? undefined
        : (document.querySelector("[data-request-id]")?.getAttribute("data-request-id") ?? undefined)),
  );
  return id;
}
