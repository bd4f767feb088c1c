import type { i18n as I18n } from "i18next";

/** Option names i18next reads from a call's options; any of them (but count) sends the call to i18next. */
const I18NEXT_OPTIONS = new Set(["lng", "lngs", "fallbackLng", "ns", "context", "replace", "returnObjects", "returnDetails", "joinArrays", "postProcess", "interpolation", "skipInterpolation", "keyPrefix", "ordinal", "nsSeparator", "keySeparator", "nest", "applyPostProcessor"]);
const PLACEHOLDER = /\{\{(.+?)\}\}/g;

/**
 * What i18next answers for `t(key, values)` in this instance's language, for the common case:
 * a text of this namespace (or of the one the key names, "common:…"), its plural form picked by
 * `count` as i18next picks it (`_zero` first for 0, then the language's form, then the bare key),
 * each {{name}} replaced by a string or number from `values` or the instance's default variables
 * (the municipality's words). Anything else (a context, a default value, nesting, formatting, a
 * missing value or text) is undefined, and the caller asks i18next. i18next's own path costs several
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
  let template: Template | null = null;
  if (count !== undefined) {
    if (typeof count !== "number") return undefined;
    if (count === 0) template = templateOf(i18n, lng, ns, `${key}_zero`);
    template ??= templateOf(i18n, lng, ns, key + pluralSuffix(i18n, lng, count));
  }
  template ??= templateOf(i18n, lng, ns, key);
  if (template === null || template === NESTING) return undefined;
  const defaults = (i18n.options.interpolation?.defaultVariables ?? {}) as Record<string, unknown>;
  const { texts, names } = template;
  let text = texts[0]!;
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    const value = name in values ? values[name] : defaults[name];
    if (typeof value === "string") text += value;
    else if (typeof value === "number") text += String(value);
    else return undefined;
    text += texts[i + 1]!;
  }
  return text;
}

/** A text cut at its {{name}} placeholders: `texts` around them, one more than `names`. */
interface Template {
  texts: string[];
  names: string[];
}

/** A text that nests another ($t(…)): i18next's to render. */
const NESTING: Template = { texts: [], names: [] };

// An instance's texts never change (lib/i18n/instance.ts): each is looked up and cut at its
// placeholders once, by language, namespace and key (i18next splits the key's path at every lookup), and so
// is a plural count's form.
const templates = new WeakMap<I18n, Map<string, Map<string, Map<string, Template | null>>>>();
const suffixes = new WeakMap<I18n, Map<string, string>>();

/** The text of `key` in `ns` cut at its placeholders, or null when there is none (or it is empty). */
function templateOf(i18n: I18n, lng: string, ns: string, key: string): Template | null {
  let byLanguage = templates.get(i18n);
  if (!byLanguage) templates.set(i18n, (byLanguage = new Map()));
  let byNamespace = byLanguage.get(lng);
  if (!byNamespace) byLanguage.set(lng, (byNamespace = new Map()));
  let byKey = byNamespace.get(ns);
  if (!byKey) byNamespace.set(ns, (byKey = new Map()));
  let template = byKey.get(key);
  if (template === undefined) {
    const found: unknown = i18n.getResource(lng, ns, key);
    template = typeof found !== "string" || found === "" ? null : found.includes("$t(") ? NESTING : cut(found);
    byKey.set(key, template);
  }
  return template;
}

function cut(text: string): Template {
  const texts: string[] = [];
  const names: string[] = [];
  let from = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    texts.push(text.slice(from, match.index));
    names.push(match[1]!.trim());
    from = match.index + match[0].length;
  }
  texts.push(text.slice(from));
  return { texts, names };
}

/** i18next's plural suffix ("_one", "_other") for `count` in `lng`. */
function pluralSuffix(i18n: I18n, lng: string, count: number): string {
  let known = suffixes.get(i18n);
  if (!known) suffixes.set(i18n, (known = new Map()));
  const id = `${lng}\u0000${count}`;
  const kept = known.get(id);
  if (kept !== undefined) return kept;
  const suffix = String(i18n.services.pluralResolver.getSuffix(lng, count));
  // Counts are small whole numbers on a page; any other is not kept (the map stays small).
  if (Number.isInteger(count) && count >= 0 && count < 1000) known.set(id, suffix);
  return suffix;
}
