const BASE = "http://min-vej.invalid";

/**
 * A path on this site to send a person back to, or `fallback`. Validated as a URL, not only by
 * its first characters: a browser drops tabs and line breaks, so "/\t/evil.example" would
 * become "//evil.example", another site.
 */
export function safeLocalPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length > 2000 || !value.startsWith("/")) return fallback;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  // "/..//evil.example" resolves to the path "//evil.example": another site again.
  if (url.origin !== BASE || url.pathname.startsWith("//")) return fallback;
  return url.pathname + url.search + url.hash;
}
