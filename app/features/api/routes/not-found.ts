import type { Route } from "./+types/not-found";
import { problemResponse } from "../handler.server";

/** Any other address under /api/v1/: problem+json 404, never the portal's HTML page. */
export function loader(args: Route.LoaderArgs) {
  return problemResponse(args, "not-found", "No such address in the API. See /api/v1/reference.");
}

export function action(args: Route.ActionArgs) {
  return problemResponse(args, "not-found", "No such address in the API. See /api/v1/reference.");
}
