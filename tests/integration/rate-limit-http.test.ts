import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionCookieOf, startLiveServer, type LiveServer } from "../support/live-server";

// Issue 15: the rate limits as a person (or a calendar app) meets them, through the real server:
// sign-in per client address, invitations per participant, the calendar feed per link and PDFs per
// person. Small numbers here; the defaults are far larger (server/config.js).

let server: LiveServer;
beforeAll(async () => {
  server = await startLiveServer({
    // The client address comes from X-Forwarded-For, as behind the load balancer.
    TRUST_PROXY: "1",
    RATE_LIMIT_SIGN_IN: "3/1m",
    RATE_LIMIT_INVITATIONS: "2/1m",
    RATE_LIMIT_CALENDAR_FEED: "2/3s",
    RATE_LIMIT_PDF: "2/1m",
  });
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

function signIn(address: string, options: { data?: boolean; headers?: Record<string, string>; person?: string } = {}) {
  return fetch(`${server.origin}/log-ind${options.data ? ".data" : ""}`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: server.origin,
      "X-Forwarded-For": address,
      ...options.headers,
    },
    body: new URLSearchParams({ person: options.person ?? "mette" }),
  });
}

let addresses = 0;
/** Signs a demo person in from an address of their own (the sign-in limit counts per address). */
async function signInAs(person: string): Promise<string> {
  return sessionCookieOf(await signIn(`192.0.2.${++addresses}`, { person }), person);
}

/**
 * A calm page with Retry-After, never a stack trace: in Danish and English for a file, in the
 * person's language (Danish here) on the app's own error page.
 */
async function expectCalm429(response: Response, maxSeconds: number, languages: "both" | "da" = "both") {
  expect(response.status).toBe(429);
  const retryAfter = Number(response.headers.get("retry-after"));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(maxSeconds);
  expect(response.headers.get("content-type")).toMatch(/^text\/html/);
  const page = await response.text();
  expect(page).toContain("Du har prøvet mange gange på kort tid. Vent et par minutter, og prøv igen.");
  if (languages === "both") expect(page).toContain("You have tried many times in a short while.");
  expect(page).not.toMatch(/\bat .+\.(js|ts):\d+/);
  return page;
}

describe("rate limits through the server", () => {
  it("refuses the 4th sign-in attempt from one address within the window, and no other address", async () => {
    for (let attempt = 1; attempt <= 3; attempt++) expect((await signIn("198.51.100.1")).status).toBe(302);
    const refused = await signIn("198.51.100.1");
    const page = await expectCalm429(refused, 60, "da");
    expect(page).toContain("<title>Vent lidt, og prøv igen");
    expect(page).toMatch(/Du kan prøve igen om 1 minut\./);
    expect(refused.headers.getSetCookie().join()).not.toContain("minvej_session");
    // In English for a person who reads English.
    const english = await signIn("198.51.100.1", { headers: { "Accept-Language": "en" } });
    expect(english.status).toBe(429);
    expect(await english.text()).toContain("You have tried many times in a short while. Wait a few minutes and try again.");
    // With JavaScript the same answer comes as React Router data: 429 with Retry-After.
    const data = await signIn("198.51.100.1", { data: true });
    expect(data.status).toBe(429);
    expect(Number(data.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(data.headers.get("x-remix-response")).toBe("yes");
    // Another address signs in; a client cannot pick its own address by sending the header.
    expect((await signIn("198.51.100.2")).status).toBe(302);
    expect((await signIn("198.51.100.1", { headers: { "X-Minvej-Client-Address": "198.51.100.3" } })).status).toBe(429);
    // Looking at the sign-in page is not an attempt.
    const form = await fetch(`${server.origin}/log-ind`, { headers: { "X-Forwarded-For": "198.51.100.1" } });
    expect(form.status).toBe(200);
  });

  it("refuses the 3rd PDF a person asks for within the window, and not another person's", async () => {
    const mette = await signInAs("mette");
    const pdf = (path: string, cookie: string) => fetch(`${server.origin}${path}`, { headers: { Cookie: cookie } });
    expect((await pdf("/cv/cv.pdf", mette)).headers.get("content-type")).toBe("application/pdf");
    // One limit for all of a person's PDFs.
    expect((await pdf("/min-plan/min-plan.pdf", mette)).status).toBe(200);
    await expectCalm429(await pdf("/forberedelse/forberedelse.pdf", mette), 60);
    await expectCalm429(await pdf("/cv/cv.pdf", mette), 60);
    const ali = await signInAs("ali");
    const alis = await pdf("/cv/cv.pdf", ali);
    expect(alis.status).toBe(200);
    expect(alis.headers.get("content-type")).toBe("application/pdf");
  });

  it("refuses the 3rd request for one calendar feed within the window, and answers again when it has passed", async () => {
    const cookie = await signInAs("ali");
    const created = await fetch(`${server.origin}/moeder/kalender`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.origin, Cookie: cookie },
      body: new URLSearchParams({ intent: "create" }),
    });
    expect(created.status).toBe(302);
    const newFeed = created.headers.getSetCookie().map((value) => value.split(";", 1)[0]!).join("; ");
    const page = await (await fetch(`${server.origin}/moeder/kalender`, { headers: { Cookie: `${cookie}; ${newFeed}` } })).text();
    const feed = /\/kalender\/[\w-]{43}\/moeder\.ics/.exec(page)?.[0];
    expect(feed).toBeDefined();
    const ask = () => fetch(`${server.origin}${feed}`);
    expect((await ask()).status).toBe(200);
    expect((await ask()).status).toBe(200);
    await expectCalm429(await ask(), 3);
    // Another link (a guessed one) is not held back by this one's count: 404 as always.
    expect((await fetch(`${server.origin}/kalender/${"x".repeat(43)}/moeder.ics`)).status).toBe(404);
    await new Promise((resolve) => setTimeout(resolve, 3100));
    expect((await ask()).status).toBe(200);
  });

  it("refuses the 3rd invitation a participant sends within the window, and not another participant's", async () => {
    const mette = await signInAs("mette");
    const ali = await signInAs("ali");
    // "Send invitationen igen" for an invitation that does not exist: nothing is sent, but it counts.
    const resend = (cookie: string) =>
      fetch(`${server.origin}/paaroerende/00000000-0000-4000-8000-000000000000/send-igen`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.origin, Cookie: cookie },
        body: "",
      });
    expect((await resend(mette)).status).toBe(404);
    expect((await resend(mette)).status).toBe(404);
    const refused = await resend(mette);
    const page = await expectCalm429(refused, 60, "da");
    // The app's own page: the person stays signed in, with the menu.
    expect(page).toContain("Log ud");
    // The same limit on the invitation's own page ("Send invitationen"), for the same participant.
    const check = (cookie: string) =>
      fetch(`${server.origin}/paaroerende/inviter/tjek`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.origin, Cookie: cookie },
        body: new URLSearchParams({ intent: "send" }),
      });
    await expectCalm429(await check(mette), 60, "da");
    expect((await resend(ali)).status).toBe(404);
    // Without a draft there is nothing to send: back to the form, as before.
    expect((await check(ali)).status).toBe(302);
    // Looking is not inviting.
    expect((await fetch(`${server.origin}/paaroerende`, { headers: { Cookie: mette } })).status).toBe(200);
  });
});
