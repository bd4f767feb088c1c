import { apiPublicLoader, methodNotAllowed } from "../handler.server";
import { openApiDocument } from "../openapi";
import { publicOrigin } from "~/lib/env.server";

/** GET /api/v1/openapi.json: the OpenAPI 3.1 document, generated from the schemas the code uses. */
export const loader = apiPublicLoader(({ request }) =>
  new Response(JSON.stringify(openApiDocument(publicOrigin(request)), null, 2), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-cache" },
  }),
);

export const action = methodNotAllowed;
