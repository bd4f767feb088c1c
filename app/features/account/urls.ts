import { type RouteConfigEntry, route } from "@react-router/dev/routes";

/** Signing in and out, and keeping a session alive (Danish URLs). Paths are relative to app/. */
export const accountRoutes: RouteConfigEntry[] = [
  route("log-ind", "features/account/routes/sign-in.tsx"),
  route("log-ud", "features/account/routes/sign-out.tsx"),
  route("session/forny", "features/account/routes/session-keepalive.ts"),
  // Caseworkers: the municipality's identity provider (OpenID Connect).
  route("medarbejder/log-ind", "features/account/routes/caseworker-sign-in.tsx"),
  route("medarbejder/log-ind/retur", "features/account/routes/caseworker-sign-in-return.tsx"),
];
