import { eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { createRoutesStub } from "react-router";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { aCaseworker, aParticipant, aPerson, type BuiltParticipant } from "../../../db/builders";
import { mailOutbox, relativeGrants } from "../../../db/schema";
import { deliverDueMail, MAX_ATTEMPTS } from "~/features/jobs/outbox.server";
import { invitationDeliveries } from "~/features/relatives/queries.server";
import { addMonths, dayParts } from "~/features/relatives/scopes";
import { copenhagenDay } from "~/lib/dates";
import { createI18n } from "~/lib/i18n/instance";
import { resources } from "~/lib/i18n/resources.server";
import RelativesPage, { loader as listLoader } from "~/features/relatives/routes/relatives";
import { action as checkAction } from "~/features/relatives/routes/relatives-check";
import { action as inviteAction } from "~/features/relatives/routes/relatives-invite";
import { action as resendAction } from "~/features/relatives/routes/relatives-resend";
import { setupRoles } from "../../../db/client";
import { createTestDatabase, serverUrl, type TestDatabase } from "../../support/db";
import { cookieFor, get, ORIGIN, post } from "../../support/requests";
import { startSmtpServer, useMailSettings, type TestSmtpServer } from "../../support/smtp";
import { run, unwrap } from "../../support/routes";

// Issue 14, point 4 ("say only what is true") after the outbox (point 5): the mail is queued in
// the request and sent later by the job worker, so /paaroerende says "we are sending it" after
// inviting, and each unanswered invitation shows where its newest mail is: being sent, still
// being tried, sent (when), or given up (then "send it again" is the main button). The outbox is
// read only for the signed-in participant's own grants. A real SMTP server plays ok or failing.

let database: TestDatabase;
let smtp: TestSmtpServer;
let mailSettings: ReturnType<typeof useMailSettings>;
const cookies: Record<string, string> = {};
const people = {} as Record<"mette" | "ali", BuiltParticipant>;

/** Mette and Ali, two participants of one caseworker (db/builders.ts), no demo seed; nobody invited yet. */
beforeAll(async () => {
  smtp = await startSmtpServer();
  mailSettings = useMailSettings({ smtpUrl: smtp.url, prefix: "minvej-delivery" });
  database = await createTestDatabase({ seed: false });
  const caseworker = await aCaseworker().build(database.db);
  people.mette = await aParticipant({ person: { firstName: "Mette", lastName: "Hansen" } }).withCaseworker(caseworker).withPlan().build(database.db);
  people.ali = await aParticipant({ person: { firstName: "Ali", lastName: "Hassan" } }).withCaseworker(caseworker).withPlan().build(database.db);
  for (const key of ["mette", "ali"] as const) cookies[key] = await cookieFor(people[key].demoKey);
});

afterAll(async () => {
  await database.dispose();
  await smtp.close();
  mailSettings.restore();
});

beforeEach(async () => {
  smtp.reset();
  await database.db.delete(mailOutbox);
  await database.db.delete(relativeGrants);
});

/** Someone invites a relative the way the pages do (the form, then "Bekræft og send"); returns the grant id. */
async function invite(who: "mette" | "ali", email: string) {
  const until = dayParts(addMonths(copenhagenDay(new Date()), 3));
  const form = new URLSearchParams([
    ["name", "Jonas Hansen"],
    ["email", email],
    ["relation", "Bror"],
    ["scopes", "plan"],
    ["validUntil.day", until.day],
    ["validUntil.month", until.month],
    ["validUntil.year", until.year],
  ]);
  const headers = { "Content-Type": "application/x-www-form-urlencoded", Origin: ORIGIN };
  const first = (await run(
    inviteAction,
    new Request(`${ORIGIN}/paaroerende/inviter`, { method: "POST", headers: { ...headers, Cookie: cookies[who]! }, body: form }),
  )) as Response;
  expect(first.status).toBe(302);
  const draft = first.headers.get("Set-Cookie")!.split(";")[0]!;
  const sent = (await run(
    checkAction,
    new Request(`${ORIGIN}/paaroerende/inviter/tjek`, {
      method: "POST",
      headers: { ...headers, Cookie: `${cookies[who]}; ${draft}` },
      body: new URLSearchParams({ confirm: "yes" }),
    }),
  )) as Response;
  expect(sent.status).toBe(302);
  const location = new URL(sent.headers.get("Location")!, ORIGIN);
  return { grantId: location.searchParams.get("id")!, location: location.pathname + location.search };
}

type ListData = { grants: { id: string; delivery: { state: string; sentAt: Date | null } | null }[] };

async function listData(who: "mette" | "ali", url = "/paaroerende") {
  return unwrap(await run(listLoader, get(url, cookies[who]))).data as ListData;
}

/** The list page as the server renders it, with the real translations. */
async function renderList(who: "mette" | "ali", language: "da" | "en", url = "/paaroerende") {
  const loaderData = await listData(who, url);
  const Stub = createRoutesStub([{ id: "list", path: "/paaroerende", Component: RelativesPage as never, loader: () => loaderData }]);
  const i18n = createI18n(language, resources[language] as never);
  return renderToString(
    createElement(I18nextProvider, { i18n }, createElement(Stub, { initialEntries: [url], hydrationData: { loaderData: { list: loaderData } } })),
  )
    .replace(/<!-- -->/g, "")
    .replace(/&#x27;/g, "'");
}

/** One grant's card in the rendered page. */
function card(html: string, grantId: string) {
  const start = html.indexOf(`id="adgang-${grantId}"`);
  expect(start).toBeGreaterThan(-1);
  const next = html.indexOf('id="adgang-', start + 1);
  return html.slice(start, next === -1 ? undefined : next);
}

/** Every attempt fails until the worker gives up. */
async function failEveryAttempt() {
  smtp.answerNext(...Array.from({ length: MAX_ATTEMPTS }, () => "fail" as const));
  let at = new Date();
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    await deliverDueMail({ now: () => at });
    at = new Date(at.getTime() + 60 * 60_000);
  }
}

describe("after inviting", () => {
  it("the notice says the invitation is being sent, not that it has been sent", async () => {
    const { location } = await invite("mette", "jonas.notice@example.com");
    expect(location).toContain("besked=sendt");
    const da = await renderList("mette", "da", location);
    expect(da).toContain("Vi sender invitationen til jonas.notice@example.com nu.");
    expect(da).not.toContain("Invitationen er sendt til");
    const en = await renderList("mette", "en", location);
    expect(en).toContain("We are sending the invitation to jonas.notice@example.com now.");
    expect(en).not.toContain("has been sent to");
  });

  it("after 'Send invitationen igen' the notice says it is being sent again", async () => {
    const { grantId } = await invite("mette", "jonas.again@example.com");
    const resent = (await run(resendAction, post(`/paaroerende/${grantId}/send-igen`, {}, cookies.mette), { grantId })) as Response;
    const location = new URL(resent.headers.get("Location")!, ORIGIN);
    expect(location.searchParams.get("besked")).toBe("sendt-igen");
    const da = await renderList("mette", "da", location.pathname + location.search);
    expect(da).toContain("Vi sender invitationen til jonas.again@example.com igen nu, med et nyt link.");
    const en = await renderList("mette", "en", location.pathname + location.search);
    expect(en).toContain("We are sending the invitation to jonas.again@example.com again now, with a new link.");
  });
});

describe("each unanswered invitation shows where its mail is", () => {
  it("queued: not tried yet", async () => {
    const { grantId } = await invite("mette", "jonas.queued@example.com");
    const grant = (await listData("mette")).grants.find((item) => item.id === grantId)!;
    expect(grant.delivery).toEqual({ state: "queued", sentAt: null });
    expect(card(await renderList("mette", "da"), grantId)).toContain("Vi sender invitationen nu.");
    expect(card(await renderList("mette", "en"), grantId)).toContain("We are sending the invitation now.");
  });

  it("retrying: a try failed and another one is due", async () => {
    const { grantId } = await invite("mette", "jonas.retrying@example.com");
    smtp.answerNext("fail");
    expect(await deliverDueMail()).toEqual({ sent: 0, retried: 1, failed: 0 });
    const grant = (await listData("mette")).grants.find((item) => item.id === grantId)!;
    expect(grant.delivery).toEqual({ state: "retrying", sentAt: null });
    const da = card(await renderList("mette", "da"), grantId);
    expect(da).toContain("Vi prøver stadig at sende invitationen. Det kan tage op til en time.");
    expect(da).not.toContain("Vi kunne ikke sende");
    expect(card(await renderList("mette", "en"), grantId)).toContain("We are still trying to send the invitation.");
  });

  it("sent: with when", async () => {
    const { grantId } = await invite("mette", "jonas.sent@example.com");
    expect(await deliverDueMail()).toEqual({ sent: 1, retried: 0, failed: 0 });
    const grant = (await listData("mette")).grants.find((item) => item.id === grantId)!;
    expect(grant.delivery?.state).toBe("sent");
    expect(Math.abs(new Date(grant.delivery!.sentAt!).getTime() - Date.now())).toBeLessThan(60_000);
    const da = card(await renderList("mette", "da"), grantId);
    expect(da).toMatch(/<dt>Invitationen<\/dt><dd>Sendt i dag kl\. \d{2}\.\d{2}<\/dd>/);
    // "Send invitationen igen" stays a quiet secondary button.
    expect(da).toMatch(/class="button button--secondary"[^>]*>Send invitationen igen/);
    expect(card(await renderList("mette", "en"), grantId)).toMatch(/<dt>The invitation<\/dt><dd>Sent today at \d{2}:\d{2}<\/dd>/);
  });

  it("given up: says so, says what to do, and 'Send invitationen igen' is the main button", async () => {
    const { grantId } = await invite("mette", "jonas.failed@example.com");
    await failEveryAttempt();
    const grant = (await listData("mette")).grants.find((item) => item.id === grantId)!;
    expect(grant.delivery).toEqual({ state: "failed", sentAt: null });
    const da = card(await renderList("mette", "da"), grantId);
    expect(da).toContain(`<div class="notice notice--warning" id="ikke-sendt-${grantId}">`);
    expect(da).toContain("Vi kunne ikke sende invitationen.");
    expect(da).toContain("Tjek e-mailadressen herunder. Er den rigtig, så send invitationen igen. Er den forkert, så træk invitationen tilbage, og inviter igen.");
    expect(da).toContain(`<button type="submit" class="button" aria-describedby="ikke-sendt-${grantId}">Send invitationen igen`);
    expect(da).not.toContain("Vi prøver stadig");
    const en = card(await renderList("mette", "en"), grantId);
    expect(en).toContain("We could not send the invitation.");
    expect(en).toContain("Check the email address below.");
    expect(en).toContain(`class="button" aria-describedby="ikke-sendt-${grantId}">Send the invitation again`);
  });

  it("sending again after it was given up shows the new mail, not the old failure", async () => {
    const { grantId } = await invite("mette", "jonas.second-try@example.com");
    await failEveryAttempt();
    await run(resendAction, post(`/paaroerende/${grantId}/send-igen`, {}, cookies.mette), { grantId });
    let grant = (await listData("mette")).grants.find((item) => item.id === grantId)!;
    expect(grant.delivery).toEqual({ state: "queued", sentAt: null });
    expect(card(await renderList("mette", "da"), grantId)).not.toContain("Vi kunne ikke sende");
    expect(await deliverDueMail()).toEqual({ sent: 1, retried: 0, failed: 0 });
    grant = (await listData("mette")).grants.find((item) => item.id === grantId)!;
    expect(grant.delivery?.state).toBe("sent");
  });

  it("says nothing about the mail once the relative has answered", async () => {
    const { grantId } = await invite("mette", "jonas.answered@example.com");
    await failEveryAttempt();
    // Someone (15 or older: migration 0015) signed in and accepted.
    const relative = await aPerson().build(database.db);
    await database.db.update(relativeGrants).set({ status: "awaiting_confirmation", relativePersonId: relative.personId }).where(eq(relativeGrants.id, grantId));
    const grant = (await listData("mette")).grants.find((item) => item.id === grantId)!;
    expect(grant.delivery).toBeNull();
    expect(card(await renderList("mette", "da"), grantId)).not.toContain("Vi kunne ikke sende");
  });
});

describe("another participant's mail", () => {
  it("is never visible: not on her list, not through the function, not without a person", async () => {
    const mette = await invite("mette", "jonas.mette@example.com");
    await failEveryAttempt();
    const ali = await invite("ali", "jonas.ali@example.com");
    const metteIds = people.mette;
    const aliIds = people.ali;

    // Each list holds only the person's own grants, with their own mail state.
    const aliList = await listData("ali");
    expect(aliList.grants.map((grant) => grant.id)).toEqual([ali.grantId]);
    expect(aliList.grants[0]!.delivery).toEqual({ state: "queued", sentAt: null });
    expect(await renderList("ali", "da")).not.toContain("jonas.mette@example.com");

    // Asked as Ali about Mette's participant id: nothing, exactly like an unknown id.
    expect((await invitationDeliveries(aliIds.personId, metteIds.participantId)).size).toBe(0);
    expect((await invitationDeliveries(aliIds.personId, "00000000-0000-4000-8000-000000000000")).size).toBe(0);
    // Mette herself sees her failed mail.
    expect(await invitationDeliveries(metteIds.personId, metteIds.participantId)).toEqual(new Map([[mette.grantId, { state: "failed", sentAt: null }]]));
    // The function itself, with no person set: nothing.
    const rows = (await database.db.execute(sql`select * from portal.invitation_mail_states(${metteIds.participantId}::uuid)`)) as unknown as
      | { rows: unknown[] }
      | unknown[];
    expect(Array.isArray(rows) ? rows : rows.rows).toEqual([]);
  });
});

describe.skipIf(!serverUrl)("as the portal's own role, bound by row-level security (real Postgres)", () => {
  it("reads no outbox row, only the states of the person's own grants through the function", async () => {
    const mette = await invite("mette", "jonas.rls@example.com");
    await invite("ali", "jonas.rls-ali@example.com");
    const metteIds = people.mette;
    const aliIds = people.ali;
    const [{ name }] = (await database.db.execute(sql`select current_database() as name`)) as unknown as [{ name: string }];
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    const owner = postgres(url.toString(), { max: 1, onnotice: () => {} });
    url.username = "portal_app";
    url.password = "";
    const app = postgres(url.toString(), { max: 1, onnotice: () => {} });
    try {
      await setupRoles(owner);
      const as = (personId: string | null, query: string, ...args: string[]) =>
        app.begin(async (tx) => {
          if (personId) await tx`select set_config('minvej.person_id', ${personId}, true)`;
          return tx.unsafe(query, args);
        });
      // The outbox itself stays the worker's: not even Mette reads her own mail (it holds the link).
      expect(await as(metteIds.personId, "select id from portal.mail_outbox")).toHaveLength(0);
      // Through the function: her own grant's state, nothing of Ali's, nothing for Ali or nobody.
      const own = await as(metteIds.personId, "select grant_id, state, sent_at from portal.invitation_mail_states($1::uuid)", metteIds.participantId);
      expect(own.map((row) => ({ ...row }))).toEqual([{ grant_id: mette.grantId, state: "queued", sent_at: null }]);
      expect(await as(aliIds.personId, "select * from portal.invitation_mail_states($1::uuid)", metteIds.participantId)).toHaveLength(0);
      expect(await as(null, "select * from portal.invitation_mail_states($1::uuid)", metteIds.participantId)).toHaveLength(0);
    } finally {
      await app.end();
      await owner.end();
    }
  });
});
