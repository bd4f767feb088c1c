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

for (const language of supportedLanguages) registerBundle(language, resources[language]);
