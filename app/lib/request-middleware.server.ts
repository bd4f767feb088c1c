import { currentUserMiddleware } from "./auth.server";
import { i18nextMiddleware } from "./i18n/i18n.server";
import { requestInfoMiddleware } from "./request.server";

/** The root's middleware, run for every request: its id and logger, who is signed in (read on first use), its language. */
export const requestMiddleware = [requestInfoMiddleware, currentUserMiddleware, i18nextMiddleware];
