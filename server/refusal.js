// The one calm page for a request Min Vej answers with a refusal instead of a page of the app:
// cross-site, malformed or too large (400, 403, 413, 415: server.js and server/body-guard.js),
// too many requests for a file (429: app/lib/rate-limit.server.ts), the database busy (503:
// server/request-handler.js).
//
// One way of saying it, in Danish first and then in English: a heading that says what happened,
// a sentence on what it means for what the person saved, what to do now; the status, a short
// reason and the request id last, for support. No stack, nothing of the request's content.

/** @typedef {400 | 403 | 413 | 415} RefusalStatus what server.js and server/body-guard.js refuse with */
/** @typedef {RefusalStatus | 429 | 503} PageStatus */
/**
 * @typedef {object} Wording
 * @property {string} title what happened, as the heading
 * @property {string} happened what it means for what the person sent or saved
 * @property {string} todo what to do now
 */
/** @typedef {{ da: Wording, en: Wording }} Bilingual */

const GO_BACK = {
  da: "Gå tilbage, og prøv igen. Hvis det sker igen, så ring til din sagsbehandler.",
  en: "Go back and try again. If it happens again, call your caseworker.",
};

/** @type {Record<RefusalStatus, Bilingual>} */
const REFUSED = {
  400: {
    da: { title: "Vi kunne ikke læse det, du sendte", happened: "Formularen havde noget, vi ikke kan gemme. Intet er gemt.", todo: GO_BACK.da },
    en: { title: "We could not read what you sent", happened: "The form held something we cannot save. Nothing was saved.", todo: GO_BACK.en },
  },
  403: {
    da: { title: "Vi kunne ikke tage imod det, du sendte", happened: "Det kom ikke fra en side i Min Vej. Intet er gemt.", todo: GO_BACK.da },
    en: { title: "We could not accept what you sent", happened: "It did not come from a page in Min Vej. Nothing was saved.", todo: GO_BACK.en },
  },
  413: {
    da: { title: "Det, du sendte, var for langt", happened: "Vi kan tage imod omkring 10.000 tegn ad gangen. Intet er gemt.", todo: GO_BACK.da },
    en: { title: "What you sent was too long", happened: "We can accept about 10,000 characters at a time. Nothing was saved.", todo: GO_BACK.en },
  },
  415: {
    da: { title: "Vi kunne ikke læse det, du sendte", happened: "Min Vej tager kun imod sine egne formularer. Intet er gemt.", todo: GO_BACK.da },
    en: { title: "We could not read what you sent", happened: "Min Vej only accepts its own forms. Nothing was saved.", todo: GO_BACK.en },
  },
};

/**
 * 429: the same words as the app's own page for it (locales/<lng>/common.json), and when to try.
 * @param {number} retryAfterSeconds
 * @returns {Bilingual}
 */
function tooMany(retryAfterSeconds) {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return {
    da: {
      title: "Vent lidt, og prøv igen",
      happened: "Du har prøvet mange gange på kort tid. Vent et par minutter, og prøv igen. Det, du har gemt, er ikke væk.",
      todo: `Du kan prøve igen om ${minutes === 1 ? "1 minut" : `${minutes} minutter`}.`,
    },
    en: {
      title: "Wait a little, then try again",
      happened: "You have tried many times in a short while. Wait a few minutes and try again. What you saved is still there.",
      todo: `You can try again in ${minutes === 1 ? "1 minute" : `${minutes} minutes`}.`,
    },
  };
}

/** @type {Bilingual} 503 */
const BUSY = {
  da: { title: "Min Vej har travlt lige nu", happened: "Der er mange, der bruger Min Vej. Det, du har gemt før, er ikke væk.", todo: "Vent et øjeblik, og prøv igen." },
  en: { title: "Min Vej is busy right now", happened: "Many people are using Min Vej. What you saved before is still there.", todo: "Wait a moment and try again." },
};

/** Seconds a person (or a browser) should wait before trying again when the database is busy. */
export const BUSY_RETRY_AFTER_SECONDS = 10;

/**
 * "Forlad siden hurtigt" (issue 22), as on every page of the app: here always a plain link, as the
 * page has no script. The same neutral site as app/components/layout/quick-exit.ts (a test holds
 * the two together).
 */
export const QUICK_EXIT_URL = "https://www.dmi.dk/";

/** @param {unknown} value */
const escape = (value) => String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The page, as text.
 * @param {PageStatus} status
 * @param {Bilingual} words
 * @param {{ reason?: string, requestId?: string }} support
 */
function pageHtml(status, { da, en }, { reason, requestId }) {
  const code = [String(status), reason].filter(Boolean).join(" ");
  return `<!doctype html>
<html lang="da">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${da.title} – Min Vej</title>
<style>body{font:1.125rem/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}a{color:#004b87}
.quick-exit{display:inline-block;min-height:44px;box-sizing:border-box;padding:.5rem 1rem;border-radius:4px;background:#b3261e;color:#fff;font-weight:700;text-decoration:none}
.quick-exit:hover,.quick-exit:focus{text-decoration:underline;color:#fff}a:focus{outline:3px solid #fd0;outline-offset:2px}</style></head>
<body><header><a class="quick-exit" href="${QUICK_EXIT_URL}" rel="noreferrer">Forlad siden hurtigt <span lang="en">/ Leave this page quickly</span></a></header>
<main>
<h1>${da.title}</h1>
<p>${da.happened}</p>
<p>${da.todo}</p>
<p><a href="/">Gå til forsiden</a></p>
<div lang="en">
<h2>${en.title}</h2>
<p>${en.happened}</p>
<p>${en.todo}</p>
</div>
<p>Fejlkode / error code: ${escape(code)} · ${escape(requestId ?? "")}</p>
</main></body></html>
`;
}

/**
 * A refusal as status, headers and HTML, for whoever sends it (Express here, a fetch Response in the app).
 * @param {{ status: RefusalStatus, reason: string } | { status: 429, retryAfterSeconds: number } | { status: 503, retryAfterSeconds: number }} refusal
 * @param {string} [requestId]
 * @returns {{ status: PageStatus, headers: Record<string, string>, html: string }}
 */
export function refusal(refusal, requestId) {
  /** @type {Record<string, string>} */
  const headers = {
    "Content-Type": "text/html; charset=utf-8",
    "Cache-Control": "no-store",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
  };
  if (refusal.status === 429 || refusal.status === 503) {
    headers["Retry-After"] = String(refusal.retryAfterSeconds);
    const words = refusal.status === 429 ? tooMany(refusal.retryAfterSeconds) : BUSY;
    return { status: refusal.status, headers, html: pageHtml(refusal.status, words, { requestId }) };
  }
  const words = REFUSED[refusal.status] ?? REFUSED[400];
  return { status: refusal.status, headers, html: pageHtml(refusal.status, words, { reason: refusal.reason, requestId }) };
}

/**
 * @param {import("express").Response} res
 * @param {ReturnType<typeof refusal>} page
 */
function send(res, page) {
  res.status(page.status).set(page.headers).send(page.html);
}

/**
 * A request refused before it reaches the app; the connection closes (its body may be unread).
 * @param {import("express").Response} res
 * @param {RefusalStatus} status
 * @param {string} reason a short word for support, never the request's content
 */
export function refusalPage(res, status, reason) {
  if (res.headersSent) return;
  res.set("Connection", "close");
  send(res, refusal({ status, reason }, res.locals.requestId));
}

/**
 * 503 with Retry-After: every database connection is taken and the queue for one is full.
 * @param {import("express").Response} res
 */
export function busyPage(res) {
  if (res.headersSent) {
    res.end();
    return;
  }
  send(res, refusal({ status: 503, retryAfterSeconds: BUSY_RETRY_AFTER_SECONDS }, res.locals.requestId));
}
