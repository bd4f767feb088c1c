import { type RouteConfigEntry, route } from "@react-router/dev/routes";

/** Signing in and out, and keeping a session alive (Danish URLs). Paths are relative to app/. */
export const accountRoutes: RouteConfigEntry[] = [
  route("log-ind", "features/account/routes/sign-in.tsx"),
  route("log-ud", "features/account/routes/sign-out.tsx"),
  // Participants and relatives: MitID through NemLog-in (OIOSAML 3), and its stand-in Test-MitID.
  route("log-ind/mitid", "features/account/routes/mitid-sign-in.ts"),
  route("saml/metadata", "features/account/routes/saml-metadata.ts"),
  route("saml/acs", "features/account/routes/saml-acs.tsx"),
  route("saml/slo", "features/account/routes/saml-slo.tsx"),
  route("test-mitid", "features/account/routes/test-mitid.tsx"),
  route("test-mitid/log-ud", "features/account/routes/test-mitid-logout.ts"),
  route("session/forny", "features/account/routes/session-keepalive.ts"),
  // Caseworkers: the municipality's identity provider (OpenID Connect).
  route("medarbejder/log-ind", "features/account/routes/caseworker-sign-in.tsx"),
  route("medarbejder/log-ind/retur", "features/account/routes/caseworker-sign-in-return.tsx"),
];
