import type { Route } from "./+types/translations";
import { isLanguage } from "~/lib/i18n/config";
import { namespacesOf } from "~/lib/i18n/namespaces";
import { translationFiles } from "~/lib/i18n/resources.server";

/**
 * `/i18n/<language>.<hash>.json[?ns=common,plan]`: one language's translations for the browser,
 * only the namespaces the page uses when `ns` names them (app/lib/i18n/namespaces.ts). The hash
 * names the language's content, so the file is cached for a year; a new release has a new
 * address. Public: the same words are on every page.
 */
export function loader({ params, request }: Route.LoaderArgs) {
  const match = /^(\w+)\.([0-9a-f]{12})\.json$/.exec(params.file);
  const language = match?.[1];
  if (!match || !isLanguage(language)) throw new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  const file = translationFiles[language];
  const namespaces = namespacesOf(new URL(request.url).searchParams);
  const body = namespaces ? file.bodyOf(namespaces) : file.body;
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      // An older page asking for an older hash gets today's words, and must not keep them.
      "Cache-Control": match[2] === file.hash ? "public, max-age=31536000, immutable" : "no-cache",
    },
  });
}
