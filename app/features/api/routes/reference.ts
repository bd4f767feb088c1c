import { apiPublicLoader, methodNotAllowed } from "../handler.server";
import { openApiDocument } from "../openapi";
import { referencePage } from "../reference";
import { publicOrigin } from "~/lib/env.server";

/** GET /api/v1/reference: the API's reference, a plain HTML page made from the OpenAPI document (no script, nothing from elsewhere). */
export const loader = apiPublicLoader(({ request }) =>
  new Response(referencePage(openApiDocument(publicOrigin(request))), {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-cache",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    },
  }),
);

export const action = methodNotAllowed;
