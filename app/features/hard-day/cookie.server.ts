import { createCookie } from "react-router";
import { env } from "~/lib/env.server";

/**
 * A hard day is remembered on this device only: a cookie for a year, never a row in the database,
 * never in a log (server/log.js redacts every Cookie header), never sent to anyone else. HttpOnly
 * (only the server reads it), SameSite=Lax, Secure and `__Host-` in production.
 */
export const hardDayCookie = createCookie(env.secureCookies ? "__Host-minvej_hard_dag" : "minvej_hard_dag", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  secure: env.secureCookies,
  maxAge: 60 * 60 * 24 * 365,
});

/** Whether this device has a hard day on. Reads a header; no database. */
export async function isHardDay(request: Request): Promise<boolean> {
  return (await hardDayCookie.parse(request.headers.get("Cookie"))) === true;
}

export async function hardDayCookieHeader(on: boolean): Promise<string> {
  return on ? hardDayCookie.serialize(true) : hardDayCookie.serialize("", { maxAge: 0 });
}
