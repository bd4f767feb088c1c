import { describe, expect, it } from "vitest";
import { QUICK_EXIT_URL as APP_QUICK_EXIT_URL } from "../../app/components/layout/quick-exit";
import { busyPage, QUICK_EXIT_URL, refusal, refusalPage } from "../../server/refusal.js";

// One calm page for every refusal outside the app (server/refusal.js): the same shape for a
// cross-site post (403), a too long form (413), too many requests for a file (429) and a busy
// database (503). Danish first, English second, then the status and the request id.
const statuses = [
  refusal({ status: 400, reason: "nul" }, "req-1"),
  refusal({ status: 403, reason: "cross-site" }, "req-1"),
  refusal({ status: 413, reason: "size" }, "req-1"),
  refusal({ status: 415, reason: "content-type" }, "req-1"),
  refusal({ status: 429, retryAfterSeconds: 90 }, "req-1"),
  refusal({ status: 503, retryAfterSeconds: 10 }, "req-1"),
];

/** A stand-in for Express's response: what was set and sent. */
function fakeResponse(requestId: string) {
  const sent = { status: 0, headers: {} as Record<string, string>, body: "" };
  const res = {
    headersSent: false,
    locals: { requestId },
    status(code: number) {
      sent.status = code;
      return res;
    },
    set(name: string | Record<string, string>, value?: string) {
      Object.assign(sent.headers, typeof name === "string" ? { [name]: value } : name);
      return res;
    },
    send(body: string) {
      sent.body = body;
      return res;
    },
    end() {
      return res;
    },
  };
  return { res: res as unknown as import("express").Response, sent };
}

describe("the refusal page", () => {
  it.each(statuses.map((page) => [page.status, page] as const))("%i has one shape: what happened, what it means, what to do, in Danish and English", (status, page) => {
    const shape = page.html.replace(/>[^<]+</g, "><");
    expect(shape).toBe(statuses[0]!.html.replace(/>[^<]+</g, "><"));
    expect(page.html).toContain('<html lang="da">');
    expect(page.html).toContain('<div lang="en">');
    expect(page.html).toMatch(new RegExp(`Fejlkode / error code: ${status}( [a-z-]+)? · req-1`));
    expect(page.headers).toMatchObject({ "Cache-Control": "no-store", "Content-Type": "text/html; charset=utf-8" });
    expect(page.headers["Content-Security-Policy"]).toContain("default-src 'none'");
  });

  it.each(statuses.map((page) => [page.status, page] as const))("%i starts with \"Forlad siden hurtigt\", a plain link to the app's neutral site", (_status, page) => {
    expect(QUICK_EXIT_URL).toBe(APP_QUICK_EXIT_URL);
    const body = page.html.slice(page.html.indexOf("<body>"));
    const firstLink = body.match(/<a [^>]*>(.*?)<\/a>/);
    expect(firstLink?.[0]).toContain(`href="${APP_QUICK_EXIT_URL}"`);
    expect(firstLink?.[0]).toContain('rel="noreferrer"');
    expect(firstLink?.[1]).toContain("Forlad siden hurtigt");
    expect(firstLink?.[1]).toContain('<span lang="en">/ Leave this page quickly</span>');
  });

  it("says when to try again after too many requests, and sends Retry-After", () => {
    const page = refusal({ status: 429, retryAfterSeconds: 90 }, "req-1");
    expect(page.html).toContain("<title>Vent lidt, og prøv igen – Min Vej</title>");
    expect(page.html).toContain("Du har prøvet mange gange på kort tid. Vent et par minutter, og prøv igen.");
    expect(page.html).toContain("Du kan prøve igen om 2 minutter.");
    expect(page.html).toContain("You can try again in 2 minutes.");
    expect(page.headers["Retry-After"]).toBe("90");
    expect(refusal({ status: 429, retryAfterSeconds: 5 }, "r").html).toContain("Du kan prøve igen om 1 minut.");
  });

  it("escapes the reason and the request id", () => {
    const page = refusal({ status: 403, reason: "<b>x</b>" }, '"><script>');
    expect(page.html).not.toContain("<b>x</b>");
    expect(page.html).not.toContain("<script>");
  });

  it("is sent by Express for a refused request, and closes the connection", () => {
    const { res, sent } = fakeResponse("req-2");
    refusalPage(res, 413, "size");
    expect(sent.status).toBe(413);
    expect(sent.headers.Connection).toBe("close");
    expect(sent.body).toContain("<h1>Det, du sendte, var for langt</h1>");
    expect(sent.body).toContain("413 size · req-2");
  });

  it("answers a busy database with 503 and Retry-After", () => {
    const { res, sent } = fakeResponse("req-3");
    busyPage(res);
    expect(sent.status).toBe(503);
    expect(sent.headers["Retry-After"]).toBe("10");
    expect(sent.body).toContain("<h1>Min Vej har travlt lige nu</h1>");
    expect(sent.body).toContain("<h2>Min Vej is busy right now</h2>");
  });
});
