import type { Route } from "./+types/saml-metadata";
import { nemLogInSetup } from "../nemlogin/setup.server";
import { notFound } from "~/lib/auth.server";

/** Our SAML metadata, for NemLog-in's administration portal: entity id, certificates, ACS and logout. */
export async function loader({ request }: Route.LoaderArgs) {
  const setup = nemLogInSetup(request);
  if (!setup) throw notFound();
  return new Response((await setup).sp.getMetadata(), {
    headers: { "Content-Type": "application/samlmetadata+xml; charset=utf-8" },
  });
}
