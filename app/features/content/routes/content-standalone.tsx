import { data } from "react-router";
import type { Route } from "./+types/content-standalone";
import { DisclosureLists } from "~/features/caseworker";
import { isStandaloneSlug } from "../catalogue";
import { ContentPage } from "../ContentPage";
import { noJavaScript } from "../handle";
import { pageView, requestLanguage } from "../pages.server";

export const handle = noJavaScript;

/** /ordliste, /privatliv and /tilgaengelighed: the page is named by the address. Readable signed out. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const slug = new URL(request.url).pathname.replace(/^\/+|\/+$/g, "");
  if (!isStandaloneSlug(slug)) throw data(null, { status: 404 });
  const page = pageView(requestLanguage(context), slug);
  if (!page) throw data(null, { status: 404 });
  return { page };
}

/** /privatliv: "Hvem kan læse det?" lists what the jobcentre can read from the one list the caseworker views are tested against. */
const privacySlot = { name: "hvem-kan-laese", node: <DisclosureLists reader="participant" headingLevel={3} /> };

export default function StandalonePage({ loaderData }: Route.ComponentProps) {
  return <ContentPage page={loaderData.page} slot={loaderData.page.slug === "privatliv" ? privacySlot : undefined} />;
}
