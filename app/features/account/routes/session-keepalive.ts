import { data } from "react-router";
import type { Route } from "./+types/session-keepalive";
import { getCurrentUser } from "~/lib/auth.server";

/**
 * "Bliv logget ind": the person is here, keep the session. Reading it is enough: the answer carries
 * the seen cookie renewed with this moment (the root middleware; the idle clock is in that cookie).
 */
export async function action({ context }: Route.ActionArgs) {
  const { user } = await getCurrentUser(context);
  if (!user) return data({ ok: false }, { status: 401 });
  return { ok: true };
}
