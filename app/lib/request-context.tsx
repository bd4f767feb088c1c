import { createContext, useContext } from "react";

interface RequestContextValue {
  nonce?: string;
  requestId?: string;
}

const RequestContext = createContext<RequestContextValue>({});

/** Set by entry.server for one response. */
export const RequestContextProvider = RequestContext.Provider;

/** The CSP nonce of this response (server render only; browsers hide it from the DOM). */
export function useNonce() {
  return useContext(RequestContext).nonce;
}

/** The id of the request that rendered this page, for error pages (server render only). */
export function useRequestId(): string | undefined {
  return useContext(RequestContext).requestId;
}
