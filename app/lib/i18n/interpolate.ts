import type { i18n as I18n } from "i18next";

/** Option names i18next reads from a call's options; any of them (but count) sends the call to i18next. */
const I18NEXT_OPTIONS = new Set(["lng", "lngs", "fallbackLng", "ns", "context", "replace", "returnObjects", "returnDetails", "joinArrays", "postProcess", "interpolation", "skipInterpolation", "keyPrefix", "ordinal", "nsSeparator", "keySeparator", "nest", "applyPostProcessor"]);
const PLACEHOLDER = /\{\{(.+?)\}\}/g;

/**
 * What i18next answers for `t(key, values)` in this instance's language, for the common case:
 * a text of this namespace (or of the one the key names, "common:…"), its plural form picked by `count` as i18next picks it (`_zero` first
 * for 0, then the language's form, then the bare key), each {{name}} replaced by a string or
 * number from `values` or the instance's default variables (the municipality's words). Anything
 * else (a context, a default value, nesting, formatting, a missing value or
 * text) is undefined, and the caller asks i18next. i18next's own path costs several
 * microseconds a call; a caseworker's list of 50 cards makes 250 such calls.
 * tests/unit/i18n-interpolate.test.ts holds it to i18next's answer for every text in both languages.
 */
export function quickTranslate(i18n: I18n, lng: string, ns: string, key: string, values: Record<string, unknown>): string | undefined {
  const separator = key.indexOf(":");
  if (separator !== -1) {
    // "common:dates.timeRange": a text of another namespace of this language.
    const named = key.slice(0, separator);
    if (!i18n.hasResourceBundle(lng, named)) return undefined;
    return quickTranslate(i18n, lng, named, key.slice(separator + 1), values);
  }
  for (const name in values) if (I18NEXT_OPTIONS.has(name) || name.startsWith("defaultValue")) return undefined;
  const count = values.count;
  let template: unknown;
  if (count !== undefined) {
    if (typeof count !== "number") return undefined;
    if (count === 0) template = i18n.getResource(lng, ns, `${key}_zero`);
    if (!isText(template)) template = i18n.getResource(lng, ns, key + i18n.services.pluralResolver.getSuffix(lng, count));
  }
  if (!isText(template)) template = i18n.getResource(lng, ns, key);
  if (!isText(template) || template.includes("$t(")) return undefined;
  const defaults = (i18n.options.interpolation?.defaultVariables ?? {}) as Record<string, unknown>;
  let complete = true;
  const text = template.replace(PLACEHOLDER, (_, inside: string) => {
    const name = inside.trim();
    const value = name in values ? values[name] : defaults[name];
    if (typeof value === "string") return value;
    if (typeof value === "number") return String(value);
    complete = false;
    return "";
  });
  return complete ? text : undefined;
}

function isText(value: unknown): value is string {
  return typeof value === "string" && value !== "";
}
