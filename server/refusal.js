// The calm page for a request refused before it reaches the app (cross-site, too large, not a form).

/** @typedef {400 | 403 | 413 | 415} RefusalStatus */

/**
 * The heading and the sentence under it, in Danish and in English.
 * @type {Record<RefusalStatus, { da: [string, string], en: [string, string] }>}
 */
const TEXT = {
  403: {
    da: ["Vi kunne ikke tage imod det, du sendte", "Det kom ikke fra en side i Min Vej. Intet er gemt."],
    en: ["We could not accept what you sent", "It did not come from a page in Min Vej. Nothing was saved."],
  },
  400: {
    da: ["Vi kunne ikke læse det, du sendte", "Formularen havde noget, vi ikke kan gemme. Intet er gemt."],
    en: ["We could not read what you sent", "The form held something we cannot save. Nothing was saved."],
  },
  413: {
    da: ["Det, du sendte, var for langt", "Vi kan tage imod omkring 10.000 tegn ad gangen. Intet er gemt."],
    en: ["What you sent was too long", "We can accept about 10,000 characters at a time. Nothing was saved."],
  },
  415: {
    da: ["Vi kunne ikke læse det, du sendte", "Min Vej tager kun imod sine egne formularer. Intet er gemt."],
    en: ["We could not read what you sent", "Min Vej only accepts its own forms. Nothing was saved."],
  },
};

/** @param {unknown} value */
const escape = (value) => String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * @param {import("express").Response} res
 * @param {RefusalStatus} status
 * @param {string} reason a short word for support, never the request's content
 */
export function refusalPage(res, status, reason) {
  if (res.headersSent) return;
  const { da, en } = TEXT[status] ?? TEXT[400];
  const id = escape(res.locals.requestId ?? "");
  res
    .status(status)
    .set("Cache-Control", "no-store")
    .set("Connection", "close")
    .set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'")
    .type("html")
    .send(`<!doctype html>
<html lang="da">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${da[0]} – Min Vej</title>
<style>body{font:1.125rem/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}a{color:#004b87}</style></head>
<body><main>
<h1>${da[0]}</h1>
<p>${da[1]}</p>
<p>Gå tilbage, og prøv igen. Hvis det sker igen, så ring til din sagsbehandler.</p>
<p><a href="/">Gå til forsiden</a></p>
<div lang="en">
<h2>${en[0]}</h2>
<p>${en[1]} Go back and try again. If it happens again, call your caseworker.</p>
</div>
<p>Fejlkode / error code: ${status} ${escape(reason)} · ${id}</p>
</main></body></html>
`);
}
