import { eq } from "drizzle-orm";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { createRoutesStub } from "react-router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aCaseworker, aParticipant, aPerson, type PersonInput } from "../../../db/builders";
import { invitations, relativeGrants } from "../../../db/schema";
import { createInvitation } from "~/features/relatives/commands.server";
import { addDays, addMonths, dayParts, isOldEnough } from "~/features/relatives/scopes";
import { copenhagenDay } from "~/lib/dates";
import { createI18n } from "~/lib/i18n/instance";
import { resources } from "~/lib/i18n/resources.server";
import RelativesPage, { loader as listLoader } from "~/features/relatives/routes/relatives";
import { action as checkAction, loader as checkLoader } from "~/features/relatives/routes/relatives-check";
import { action as confirmAction } from "~/features/relatives/routes/relatives-confirm";
import { action as inviteAction, loader as inviteLoader } from "~/features/relatives/routes/relatives-invite";
import { action as invitationAction, loader as invitationLoader } from "~/features/relatives/routes/relatives-invitation";
import { loader as logLoader } from "~/features/relatives/routes/relatives-log";
import { createTestDatabase, type TestDatabase } from "../../support/db";
import { anOpenInvitation } from "../../support/invitations";
import { cookieFor, get, post } from "../../support/requests";
import { useMailSettings } from "../../support/smtp";
import { run, unwrap } from "../../support/routes";

// Issue 17, "a grant bound to the real person": the participant may bind an invitation to the
// relative's birth date (checked against the birth date MitID gives at sign-in), nobody under 15
// or of unknown age may accept (as Digital Fuldmagt), a refused person never uses up the link,
// and the participant confirms the verified name ("Ja, det er Jonas").

let database: TestDatabase;
let mailSettings: ReturnType<typeof useMailSettings>;

beforeAll(async () => {
  mailSettings = useMailSettings({ demoLogin: true, prefix: "minvej-relatives-binding" });
  database = await createTestDatabase({ seed: false });
});
afterAll(async () => {
  await database.dispose();
  mailSettings.restore();
});

const today = () => copenhagenDay(new Date());
/** The birth date of someone who turns 15 today (Copenhagen). */
const fifteenToday = () => addMonths(today(), -15 * 12);

const grantRow = async (grantId: string) => (await database.db.select().from(relativeGrants).where(eq(relativeGrants.id, grantId)))[0]!;
const linkOf = async (grantId: string) => (await database.db.select().from(invitations).where(eq(invitations.grantId, grantId)))[0]!;

/** Mette, a participant with a plan and a caseworker, signed in (db/builders.ts, no demo seed). */
async function aMette() {
  const sara = await aCaseworker().build(database.db);
  const mette = await aParticipant({ person: { firstName: "Mette", lastName: "Hansen" } }).withCaseworker(sara).withPlan().build(database.db);
  return { ...mette, cookie: await cookieFor(mette.demoKey) };
}

/** A person who is not in a programme (a would-be relative), signed in. */
async function someone(person: PersonInput) {
  const built = await aPerson(person).build(database.db);
  return { ...built, cookie: await cookieFor(built.demoKey) };
}

type Mette = Awaited<ReturnType<typeof aMette>>;

/** Mette invites "Min bror", bound to a birth date or not (as a draft from the form would). */
async function invite(mette: Mette, email: string, birthDate: string | null) {
  const created = await createInvitation(
    { personId: mette.personId, participantId: mette.participantId, requestId: null },
    {
      name: "Min bror",
      email,
      relation: "Bror",
      birthDate,
      scopes: ["plan"],
      network: false,
      mayComment: false,
      bisidder: [],
      validUntil: addMonths(today(), 3),
    },
  );
  if (created.status !== "created") throw new Error(created.status);
  return created;
}

const offer = (cookie: string, token: string) => run(invitationLoader, get(`/invitation/${token}`, cookie), { token });
const answer = (cookie: string, token: string, value: "accept" | "decline" = "accept") =>
  run(invitationAction, post(`/invitation/${token}`, { answer: value }, cookie), { token });

/** The invite form as a browser posts it, with "Fødselsdato (valgfri)" as typed. */
function inviteForm(email: string, birthDate: { day: string; month: string; year: string }) {
  const until = dayParts(addMonths(today(), 3));
  return {
    name: "Jonas Hansen",
    email,
    relation: "Bror",
    "birthDate.day": birthDate.day,
    "birthDate.month": birthDate.month,
    "birthDate.year": birthDate.year,
    scopes: "plan",
    "validUntil.day": until.day,
    "validUntil.month": until.month,
    "validUntil.year": until.year,
  };
}

describe("the invite form's birth date", () => {
  it("is optional, goes through the draft and the check page, and is stored with the grant", async () => {
    const mette = await aMette();
    const posted = (await run(inviteAction, post("/paaroerende/inviter", inviteForm("jonas@example.org", { day: "23", month: "2", year: "1985" }), mette.cookie))) as Response;
    expect(posted.status).toBe(302);
    expect(posted.headers.get("Location")).toBe("/paaroerende/inviter/tjek");
    const cookie = `${mette.cookie}; ${posted.headers.get("Set-Cookie")!.split(";")[0]!}`;

    // The check page shows it; "Ret" goes back to a form that still holds it.
    const check = unwrap(await run(checkLoader, get("/paaroerende/inviter/tjek", cookie))).data as { draft: { birthDate: string | null } };
    expect(check.draft.birthDate).toBe("1985-02-23");
    const form = unwrap(await run(inviteLoader, get("/paaroerende/inviter", cookie))).data as { initial: { birthDate: unknown } };
    expect(form.initial.birthDate).toEqual({ day: "23", month: "2", year: "1985" });

    const sent = (await run(checkAction, post("/paaroerende/inviter/tjek", { confirm: "yes" }, cookie))) as Response;
    expect(sent.status).toBe(302);
    const grantId = new URL(sent.headers.get("Location")!, "http://x").searchParams.get("id")!;
    expect(await grantRow(grantId)).toMatchObject({ status: "invited", boundBirthDate: "1985-02-23" });

    // Left empty: no binding.
    const empty = (await run(inviteAction, post("/paaroerende/inviter", inviteForm("ali@example.org", { day: "", month: "", year: "" }), mette.cookie))) as Response;
    const emptyCookie = `${mette.cookie}; ${empty.headers.get("Set-Cookie")!.split(";")[0]!}`;
    const emptySent = (await run(checkAction, post("/paaroerende/inviter/tjek", { confirm: "yes" }, emptyCookie))) as Response;
    const emptyId = new URL(emptySent.headers.get("Location")!, "http://x").searchParams.get("id")!;
    expect((await grantRow(emptyId)).boundBirthDate).toBeNull();
  });

  it.each([
    ["not a date", { day: "31", month: "2", year: "1985" }, "form.errors.birthDateInvalid"],
    ["half a date", { day: "23", month: "", year: "1985" }, "form.errors.birthDateInvalid"],
    ["a two-digit year", { day: "23", month: "2", year: "85" }, "form.errors.birthDateYear"],
    ["today", dayParts(copenhagenDay(new Date())), "form.errors.birthDateFuture"],
    ["a day to come", dayParts(addDays(copenhagenDay(new Date()), 30)), "form.errors.birthDateFuture"],
    ["someone who turns 15 tomorrow", dayParts(addDays(addMonths(copenhagenDay(new Date()), -180), 1)), "form.errors.birthDateTooYoung"],
  ])("refuses %s with its own message, and keeps what was typed", async (_what, birthDate, message) => {
    const mette = await aMette();
    const result = unwrap(await run(inviteAction, post("/paaroerende/inviter", inviteForm("jonas@example.org", birthDate), mette.cookie)));
    expect(result.status).toBe(400);
    const reply = result.data as { result: { error: Record<string, string[]> }; values: { birthDate: unknown } };
    expect(reply.result.error.birthDate).toEqual([message]);
    expect(reply.values.birthDate).toEqual(birthDate);
  });

  it("accepts someone who turns 15 today", async () => {
    const mette = await aMette();
    const posted = (await run(inviteAction, post("/paaroerende/inviter", inviteForm("jonas@example.org", dayParts(fifteenToday())), mette.cookie))) as Response;
    expect(posted.status).toBe(302);
  });
});

describe("who may accept", () => {
  it("a bound invitation refuses another person calmly, leaves the link open, and the right person then accepts", async () => {
    const mette = await aMette();
    const other = await someone({ firstName: "Kasper", lastName: "Berg", birthDate: "1990-06-01" });
    const jonas = await someone({ firstName: "Jonas", lastName: "Hansen", birthDate: "1985-02-23" });
    const { token, grantId } = await invite(mette, "jonas@example.org", "1985-02-23");

    const page = unwrap(await offer(other.cookie, token));
    expect(page).toMatchObject({ status: 403, data: { view: "calm", calm: "otherPerson", participantName: "Mette Hansen" } });
    // No offer: nothing about what Mette shares.
    expect(JSON.stringify(page.data)).not.toContain("scopes");
    // Never trust the page: a post is refused the same way, accept and decline alike.
    expect(unwrap(await answer(other.cookie, token))).toMatchObject({ status: 403, data: { calm: "otherPerson", participantName: "Mette Hansen" } });
    expect(unwrap(await answer(other.cookie, token, "decline"))).toMatchObject({ status: 403, data: { calm: "otherPerson" } });
    expect(await grantRow(grantId)).toMatchObject({ status: "invited", relativePersonId: null });
    expect((await linkOf(grantId)).usedAt).toBeNull();

    expect(unwrap(await offer(jonas.cookie, token)).data).toMatchObject({ view: "answer" });
    const accepted = (await answer(jonas.cookie, token)) as Response;
    expect(accepted.headers.get("Location")).toBe("/hjaelper?afventer=1");
    expect(await grantRow(grantId)).toMatchObject({ status: "awaiting_confirmation", relativePersonId: jonas.personId });
  });

  it("a 14-year-old is refused, even without a binding, and the link stays open", async () => {
    const mette = await aMette();
    const young = await someone({ birthDate: addDays(fifteenToday(), 1) });
    const { token, grantId } = await invite(mette, "ung@example.org", null);
    expect(unwrap(await offer(young.cookie, token))).toMatchObject({ status: 403, data: { view: "calm", calm: "tooYoung" } });
    expect(unwrap(await answer(young.cookie, token))).toMatchObject({ status: 403, data: { calm: "tooYoung" } });
    expect(unwrap(await answer(young.cookie, token, "decline"))).toMatchObject({ status: 403, data: { calm: "tooYoung" } });
    expect(await grantRow(grantId)).toMatchObject({ status: "invited", relativePersonId: null });
    expect((await linkOf(grantId)).usedAt).toBeNull();
  });

  it("someone whose birth date is not known is refused, and the link stays open", async () => {
    const mette = await aMette();
    const unknown = await someone({ birthDate: null });
    const { token, grantId } = await invite(mette, "ukendt@example.org", null);
    expect(unwrap(await offer(unknown.cookie, token))).toMatchObject({ status: 403, data: { view: "calm", calm: "noBirthDate" } });
    expect(unwrap(await answer(unknown.cookie, token))).toMatchObject({ status: 403, data: { calm: "noBirthDate" } });
    expect((await linkOf(grantId)).usedAt).toBeNull();
  });

  it("someone who turns 15 today may accept", async () => {
    const mette = await aMette();
    const fifteen = await someone({ birthDate: fifteenToday() });
    const { token, grantId } = await invite(mette, "femten@example.org", fifteenToday());
    expect(unwrap(await offer(fifteen.cookie, token)).data).toMatchObject({ view: "answer" });
    expect(((await answer(fifteen.cookie, token)) as Response).headers.get("Location")).toBe("/hjaelper?afventer=1");
    expect(await grantRow(grantId)).toMatchObject({ status: "awaiting_confirmation", relativePersonId: fifteen.personId });
  });

  it("the age rule: the birthday is the day, 29 February turns 15 on 1 March", () => {
    expect(isOldEnough("2011-12-05", "2026-12-05")).toBe(true);
    expect(isOldEnough("2011-12-06", "2026-12-05")).toBe(false);
    expect(isOldEnough("2012-02-29", "2027-02-28")).toBe(false);
    expect(isOldEnough("2012-02-29", "2027-03-01")).toBe(true);
  });
});

describe("the participant confirms the verified name", () => {
  /** The list page as the server renders it, with the real translations. */
  async function renderList(cookie: string, language: "da" | "en") {
    const loaderData = unwrap(await run(listLoader, get("/paaroerende", cookie))).data;
    const Stub = createRoutesStub([{ id: "list", path: "/paaroerende", Component: RelativesPage as never, loader: () => loaderData }]);
    const i18n = createI18n(language, resources[language] as never);
    return renderToString(
      createElement(I18nextProvider, { i18n }, createElement(Stub, { initialEntries: ["/paaroerende"], hydrationData: { loaderData: { list: loaderData } } })),
    )
      .replace(/<!-- -->/g, "")
      .replace(/&#x27;/g, "'");
  }

  it("the list, the question and the log name the account from MitID; the typed name only as 'Inviteret som'", async () => {
    const mette = await aMette();
    const jonas = await someone({ firstName: "Jonas", lastName: "Hansen" });
    const { token, grantId } = await invite(mette, "jonas@example.org", null);
    await answer(jonas.cookie, token);

    const html = await renderList(mette.cookie, "da");
    expect(html).toContain('<h3 class="card__title">Jonas Hansen</h3>');
    expect(html).toContain("Jonas Hansen har taget imod. Er det den person, du inviterede?");
    expect(html).toContain("Navnet kommer fra MitID, så det er personens rigtige navn.");
    expect(html).toContain('Ja, det er Jonas<span class="visually-hidden"> – giv Jonas Hansen adgang</span>');
    expect(html).toContain('Nej, det er ikke Jonas<span class="visually-hidden"> – afvis Jonas Hansen</span>');
    expect(html).toMatch(/Inviteret som<\/dt>\s*<dd[^>]*>Min bror/);
    expect(html).not.toContain("<h3 class=\"card__title\">Min bror");
    const english = await renderList(mette.cookie, "en");
    expect(english).toContain("Yes, it is Jonas");
    expect(english).toContain("The name comes from MitID");

    await run(confirmAction, post(`/paaroerende/${grantId}/bekraeft`, { answer: "confirm" }, mette.cookie), { grantId });
    expect((await grantRow(grantId)).status).toBe("active");
    const log = unwrap(await run(logLoader, get("/paaroerende/log", mette.cookie))).data as {
      entries: { action: string; actorName: string | null; details: { grantName?: string; invitedAs?: string } }[];
    };
    for (const action of ["relatives.invited", "relatives.accepted", "relatives.confirmed"]) {
      expect(log.entries.find((entry) => entry.action === action)?.details, action).toMatchObject({ grantName: "Jonas Hansen", invitedAs: "Min bror" });
    }
    expect(log.entries.find((entry) => entry.action === "relatives.accepted")?.actorName).toBe("Jonas Hansen");
  });
});

describe("the database holds the same rules (migration 0015), whatever the app does", () => {
  const accept = (grantId: string, relativePersonId: string) =>
    database.db.update(relativeGrants).set({ status: "awaiting_confirmation", relativePersonId, acceptedAt: new Date() }).where(eq(relativeGrants.id, grantId));
  // The database counts a birthday on Copenhagen's calendar day, which is a day ahead of UTC's from 23:00 (22:00 in summer).
  const yearsAgo = (years: number, days = 0) => {
    const date = new Date(`${today()}T12:00:00Z`);
    date.setUTCFullYear(date.getUTCFullYear() - years);
    date.setUTCDate(date.getUTCDate() + days);
    return date.toISOString().slice(0, 10);
  };

  it("refuses a 14-year-old, an unknown birth date and another birth date than the bound one, and takes the right person", async () => {
    const participant = await aParticipant().build(database.db);
    const young = await aPerson({ birthDate: yearsAgo(15, 1) }).build(database.db);
    const unknown = await aPerson({ birthDate: null }).build(database.db);
    const other = await aPerson({ birthDate: "1980-01-02" }).build(database.db);
    const right = await aPerson({ birthDate: "1980-01-01" }).build(database.db);
    const { grantId } = await anOpenInvitation(database.db, participant.participantId, { boundBirthDate: "1980-01-01" });
    const refusal = (update: Promise<unknown>) => update.then(() => "accepted", (error: Error) => String((error.cause as Error | undefined)?.message ?? error.message));
    expect(await refusal(accept(grantId, young.personId))).toBe("a relative must be 15 or older");
    expect(await refusal(accept(grantId, unknown.personId))).toBe("a relative must be 15 or older");
    expect(await refusal(accept(grantId, other.personId))).toBe("this invitation is for someone born on another day");
    await accept(grantId, right.personId);
    const [row] = await database.db.select({ status: relativeGrants.status }).from(relativeGrants).where(eq(relativeGrants.id, grantId));
    expect(row!.status).toBe("awaiting_confirmation");
    // Fifteen today is old enough.
    const { grantId: open } = await anOpenInvitation(database.db, participant.participantId);
    const fifteen = await aPerson({ birthDate: yearsAgo(15) }).build(database.db);
    await accept(open, fifteen.personId);
  });
});
