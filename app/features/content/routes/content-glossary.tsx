import { data } from "react-router";
import type { Route } from "./+types/content-glossary";
import { ContentPage } from "../ContentPage";
import { GlossaryIndex } from "../GlossaryIndex";
import { noJavaScript } from "../handle";
import { glossaryPageView, requestLanguage } from "../pages.server";

export const handle = noJavaScript;

/** /ordliste: the intro, an A–Å index and the words under their letters (issue 14, point 10). Readable signed out. */
export async function loader({ context }: Route.LoaderArgs) {
  const view = glossaryPageView(requestLanguage(context));
  if (!view) throw data(null, { status: 404 });
  return view;
}

export default function GlossaryPage({ loaderData }: Route.ComponentProps) {
  const { page, glossary } = loaderData;
  return (
    <ContentPage page={{ ...page, html: undefined }}>
      {page.html ? <div className="prose" dangerouslySetInnerHTML={{ __html: page.html }} /> : null}
      <GlossaryIndex glossary={glossary} />
    </ContentPage>
  );
}
