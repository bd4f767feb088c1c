import { createHash } from "node:crypto";
import { registerBundle } from "./bundles";
import { supportedLanguages, type Language } from "./config";

// Every locales/<lng>/<namespace>.json, bundled into the server build.
const files = import.meta.glob<{ default: Record<string, unknown> }>("../../../locales/*/*.json", { eager: true });

export type Resources = Record<string, Record<string, unknown>>;

export const resources: Record<Language, Resources> = { da: {}, en: {} };
for (const [file, module] of Object.entries(files)) {
  const match = /locales\/(\w+)\/([\w-]+)\.json$/.exec(file);
  if (!match) continue;
  const [, language, namespace] = match as unknown as [string, Language, string];
  if (resources[language]) resources[language][namespace] = module.default;
}

/** Each language's translations as served to the browser, and the address that names their content. */
export const translationFiles = Object.fromEntries(
  supportedLanguages.map((language) => {
    registerBundle(language, resources[language]);
    const body = JSON.stringify(resources[language]);
    const hash = createHash("sha256").update(body).digest("hex").slice(0, 12);
    // Some namespaces only (`?ns=`): unknown names are left out.
    const bodyOf = (namespaces: readonly string[]) =>
      JSON.stringify(Object.fromEntries(namespaces.filter((name) => Object.hasOwn(resources[language], name)).map((name) => [name, resources[language][name]])));
    return [language, { body, bodyOf, hash, href: `/i18n/${language}.${hash}.json` }];
  }),
) as Record<Language, { body: string; bodyOf(namespaces: readonly string[]): string; hash: string; href: string }>;
