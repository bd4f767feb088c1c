import { data } from "react-router";
import type { Route } from "./+types/content-page";
import { isAboutSlug } from "../catalogue";
import { ContentPage } from "../ContentPage";
import { noJavaScript } from "../handle";
import { pageView, requestLanguage } from "../pages.server";

export const handle = noJavaScript;

/** /om/<slug>: one plain-language page. Readable signed out; an unknown slug is a calm 404. */
export async function loader({ params, context }: Route.LoaderArgs) {
  if (!isAboutSlug(params.slug)) throw data(null, { status: 404 });
  const page = pageView(requestLanguage(context), params.slug);
  if (!page) throw data(null, { status: 404 });
  return { page };
}

export default function AboutPage({ loaderData }: Route.ComponentProps) {
  return <ContentPage page={loaderData.page} breadcrumb />;
}
