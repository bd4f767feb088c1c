import type { i18n as I18n, TFunction } from "i18next";
import { useContext } from "react";
import { getI18n, I18nContext } from "react-i18next";
import { quickTranslate } from "./interpolate";

type Translation<Namespace extends string> = { t: TFunction<Namespace>; i18n: I18n };

// One translate function per instance and namespace, made once: an instance serves one language
// for as long as the process runs (lib/i18n/instance.ts), so a page's hundred calls of
// useTranslation allocate nothing. react-i18next's hook, which this replaces on the server, wraps
// the instance and builds a new function at every call (a third of a page's translation time).
const translations = new WeakMap<I18n, Map<string, Translation<string>>>();

/** The page's translate function for `namespace` (the first, when several are named) and its i18next instance. */
export function useTranslation<Namespace extends string = "common">(namespace?: Namespace | readonly [Namespace, ...string[]]): Translation<Namespace> {
  const i18n = useContext(I18nContext)?.i18n ?? getI18n();
  const ns = (Array.isArray(namespace) ? namespace[0] : namespace) ?? "common";
  let byNamespace = translations.get(i18n);
  if (!byNamespace) translations.set(i18n, (byNamespace = new Map()));
  let found = byNamespace.get(ns);
  if (!found) {
    found = { t: fixedTranslate(i18n, ns), i18n };
    byNamespace.set(ns, found);
  }
  return found as Translation<Namespace>;
}

/**
 * i18next's getFixedT copies all of the instance's options into a new object at every call; this
 * passes only the language and the namespace (a call's own `ns` or `lng` still wins).
 */
function fixedTranslate(i18n: I18n, ns: string): TFunction<string> {
  const lng = i18n.language;
  const fallback = i18n.getFixedT(lng, ns);
  // A text asked for without options never changes in this instance (its language, resources
  // and municipality words are fixed), so it is looked up once.
  const plain = new Map<string, string>();
  const t = (key: string | string[], options?: unknown, ...rest: unknown[]) => {
    if (options === undefined && typeof key === "string") {
      let text = plain.get(key);
      if (text === undefined) {
        const found: unknown = i18n.t(key, { lng, ns });
        if (typeof found !== "string") return found;
        plain.set(key, (text = found));
      }
      return text;
    }
    if (options !== undefined && (typeof options !== "object" || options === null || rest.length > 0)) return (fallback as unknown as (...args: unknown[]) => string)(key, options, ...rest);
    const given = options as Record<string, unknown> | undefined;
    if (given && typeof key === "string") {
      const quick = quickTranslate(i18n, lng, ns, key, given);
      if (quick !== undefined) return quick;
    }
    return i18n.t(key, given ? { ...given, lng: given.lng ?? lng, ns: given.ns ?? ns } : { lng, ns });
  };
  // react-i18next's Trans reads the namespace and language off the function it is given.
  return Object.assign(t, { lng, ns }) as unknown as TFunction<string>;
}
