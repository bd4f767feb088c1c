import { data } from "react-router";
import type { Route } from "./+types/session-keepalive";
import { getCurrentUser } from "~/lib/auth.server";
import { touchSession } from "~/lib/session.server";

/** "Bliv logget ind": the person is here, keep the session. */
export async function action({ context }: Route.ActionArgs) {
  const { user } = await getCurrentUser(context);
  if (!user) return data({ ok: false }, { status: 401 });
  await touchSession(user.sessionId);
  return { ok: true };
}
