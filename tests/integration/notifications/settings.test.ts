import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aParticipant, aPerson, type BuiltParticipant, type BuiltPerson } from "../../../db/builders";
import { auditEvents, notificationSettings, relativeGrants } from "../../../db/schema";
import { action, loader } from "~/features/notifications/routes/settings";
import { createTestDatabase, type TestDatabase } from "../../support/db";
import { cookieFor, get, ORIGIN } from "../../support/requests";
import { run, unwrap } from "../../support/routes";

// "Sådan får du besked" (/indstillinger, issue 18): any signed-in person chooses how and when
// they are told. Versioned save, errors that say what to do, a relative's copy of meeting
// reminders only with the appointments scope, and nobody changes another person's settings.

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase({ seed: false });
});

afterAll(async () => {
  await database?.dispose();
});

type Page = Awaited<ReturnType<typeof loader>>;

async function page(cookie: string, path = "/indstillinger"): Promise<Page> {
  return unwrap(await run(loader, get(path, cookie))).data as Page;
}

function post(cookie: string, fields: [string, string][], language = "da") {
  return run(
    action,
    new Request(`${ORIGIN}/indstillinger`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: ORIGIN, Cookie: cookie, "Accept-Language": language },
      body: new URLSearchParams(fields),
    }),
  );
}

/** The whole form as the page posts it, with these changes. */
function form(version: number, overrides: Record<string, string | string[] | null> = {}): [string, string][] {
  const base: Record<string, string | string[] | null> = {
    version: String(version),
    byEmail: "yes",
    email: "mette.settings@example.org",
    bySms: null,
    phone: "",
    meetingReminders: ["1440", "120"],
    newMessages: "yes",
    agreementReminders: "yes",
    quietFrom: "21",
    quietUntil: "08",
  };
  const merged = { ...base, ...overrides };
  return Object.entries(merged).flatMap(([name, value]) =>
    value === null ? [] : Array.isArray(value) ? value.map((one) => [name, one] as [string, string]) : [[name, value] as [string, string]],
  );
}

async function settingsOf(personId: string) {
  const [row] = await database.db.select().from(notificationSettings).where(eq(notificationSettings.personId, personId));
  return row;
}

let counter = 0;
async function aParticipantWithContact(): Promise<BuiltParticipant & { cookie: string }> {
  counter += 1;
  const built = await aParticipant({ person: { firstName: "Mette", email: `mette${counter}@example.org`, phone: "+45 11 22 33 01" } }).build(database.db);
  return { ...built, cookie: await cookieFor(built.demoKey) };
}

describe("the settings page", () => {
  it("starts a new person from what the jobcentre knows, with nothing sent until they choose", async () => {
    const mette = await aParticipantWithContact();
    const data = await page(mette.cookie);
    expect(data.settings).toEqual({
      byEmail: false,
      email: `mette${counter}@example.org`,
      bySms: false,
      phone: "+45 11 22 33 01",
      meetingReminderMinutes: [1440, 120],
      newMessages: true,
      agreementReminders: true,
      quietFrom: "21",
      quietUntil: "08",
      version: 0,
    });
    expect(data.isParticipant).toBe(true);
    expect(data.copies).toEqual([]);
    expect(await settingsOf(mette.personId)).toBeUndefined();
  });

  it("saves, redirects to the saved notice, and shows the choices; the number as a Dane reads it", async () => {
    const mette = await aParticipantWithContact();
    const response = (await post(mette.cookie, form(0, { bySms: "yes", phone: "11 22 33 44", meetingReminders: ["4320", "60"], quietFrom: "22", quietUntil: "07" }))) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/indstillinger?gemt=1#notifications-status");
    expect(await settingsOf(mette.personId)).toMatchObject({
      byEmail: true,
      email: "mette.settings@example.org",
      bySms: true,
      phone: "+4511223344",
      meetingReminderMinutes: [4320, 60],
      quietFrom: "22:00:00",
      quietUntil: "07:00:00",
      version: 1,
    });
    const data = await page(mette.cookie, "/indstillinger?gemt=1");
    expect(data.saved).toBe(true);
    expect(data.settings).toMatchObject({ bySms: true, phone: "11 22 33 44", meetingReminderMinutes: [4320, 60], quietFrom: "22", version: 1 });
    // No meeting reminders at all is a choice too; the next save moves the version on.
    expect(((await post(mette.cookie, form(1, { meetingReminders: null }))) as Response).status).toBe(302);
    expect(await settingsOf(mette.personId)).toMatchObject({ meetingReminderMinutes: [], version: 2 });
    // A new number alone is a change: texts must not go on to the old one.
    expect(((await post(mette.cookie, form(2, { bySms: "yes", phone: "11 22 33 55", meetingReminders: null }))) as Response).status).toBe(302);
    expect(await settingsOf(mette.personId)).toMatchObject({ phone: "+4511223355", version: 3 });
    // The audit row says what was chosen, never the address or the number.
    const audits = await database.db.select().from(auditEvents).where(and(eq(auditEvents.actorPersonId, mette.personId), eq(auditEvents.action, "notifications.settings_saved")));
    expect(audits).toHaveLength(3);
    expect(JSON.stringify(audits.map((audit) => audit.details))).not.toMatch(/example\.org|11223344|11223355/);
  });

  it("refuses what it cannot use, says what to do, and keeps what was typed", async () => {
    const mette = await aParticipantWithContact();
    const refused = unwrap(
      await post(mette.cookie, form(0, { email: "", bySms: "yes", phone: "12 34", meetingReminders: ["1440", "999"], quietFrom: "08", quietUntil: "08" })),
    );
    expect(refused.status).toBe(400);
    const { result } = refused.data as { result: { error: Record<string, string[]>; initialValue: Record<string, unknown> } };
    expect(result.error).toEqual({
      email: ["form.errors.emailMissing"],
      phone: ["form.errors.phoneInvalid"],
      meetingReminders: ["form.errors.reminderUnknown"],
      quietUntil: ["form.errors.quietSame"],
    });
    expect(result.initialValue).toMatchObject({ phone: "12 34", bySms: "yes" });
    // A made-up hour and a bad e-mail.
    const bad = unwrap(await post(mette.cookie, form(0, { email: "mette@", quietFrom: "25" })));
    expect((bad.data as { result: { error: Record<string, string[]> } }).result.error).toEqual({
      email: ["form.errors.emailInvalid"],
      quietFrom: ["form.errors.quietHour"],
    });
    expect(await settingsOf(mette.personId)).toBeUndefined();
  });

  it("a save from an older window is a conflict: nothing is overwritten, the saved choices come back", async () => {
    const mette = await aParticipantWithContact();
    expect(((await post(mette.cookie, form(0))) as Response).status).toBe(302);
    // Two windows show version 1; the first saves SMS, the second (still at 1) e-mail only at other hours.
    expect(((await post(mette.cookie, form(1, { bySms: "yes", phone: "11223355" }))) as Response).status).toBe(302);
    const stale = unwrap(await post(mette.cookie, form(1, { quietFrom: "20" })));
    expect(stale.status).toBe(409);
    expect(stale.data).toMatchObject({ conflict: { savedVersion: 2, saved: { bySms: true, phone: "11 22 33 55", quietFrom: "21" } } });
    expect(await settingsOf(mette.personId)).toMatchObject({ bySms: true, quietFrom: "21:00:00", version: 2 });
    // A second window that never saw a saved version (0) also conflicts.
    expect(unwrap(await post(mette.cookie, form(0, { quietFrom: "19" }))).status).toBe(409);
    // The same choices again from an old window (a double submit) are no conflict.
    expect(((await post(mette.cookie, form(1, { bySms: "yes", phone: "11223355" }))) as Response).status).toBe(302);
    expect(await settingsOf(mette.personId)).toMatchObject({ version: 2 });
  });

  it("nobody changes another person's settings: the form names no person, the session does", async () => {
    const mette = await aParticipantWithContact();
    const ali = await aParticipantWithContact();
    expect(((await post(ali.cookie, form(0, { email: "ali.own@example.org" }))) as Response).status).toBe(302);
    // Mette posts Ali's person id (and version) in every way a form could: her own row changes, Ali's does not.
    const fields = [...form(1, { email: "mette.own@example.org" }), ["personId", ali.personId], ["person_id", ali.personId]] as [string, string][];
    expect(unwrap(await post(mette.cookie, fields)).status).toBe(409);
    expect(((await post(mette.cookie, [...form(0, { email: "mette.own@example.org" }), ["personId", ali.personId]])) as Response).status).toBe(302);
    expect(await settingsOf(ali.personId)).toMatchObject({ email: "ali.own@example.org", version: 1 });
    expect(await settingsOf(mette.personId)).toMatchObject({ email: "mette.own@example.org", version: 1 });
    // Signed out: to the sign-in page, and nothing saved.
    const signedOut = (await run(
      action,
      new Request(`${ORIGIN}/indstillinger`, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: ORIGIN }, body: new URLSearchParams(form(0)) }),
    )) as Response;
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get("Location")).toMatch(/^\/log-ind/);
  });
});

describe("a relative's copy of meeting reminders", () => {
  let jonas: BuiltPerson & { cookie: string };
  let withScope: BuiltParticipant;
  let withoutScope: BuiltParticipant;
  let notHelped: BuiltParticipant;

  beforeAll(async () => {
    const person = await aPerson({ firstName: "Jonas", email: "jonas.copy@example.org" }).build(database.db);
    jonas = { ...person, cookie: await cookieFor(person.demoKey) };
    withScope = await aParticipant({ person: { firstName: "Mette" } }).withRelative(jonas, { scopes: ["plan", "appointments"] }).build(database.db);
    withoutScope = await aParticipant({ person: { firstName: "Ali" } }).withRelative(jonas, { scopes: ["plan"] }).build(database.db);
    notHelped = await aParticipant({ person: { firstName: "Rikke" } }).build(database.db);
  });

  const copyOf = async (participantId: string) =>
    (await database.db.select({ copy: relativeGrants.reminderCopy }).from(relativeGrants).where(eq(relativeGrants.participantId, participantId)))[0]?.copy;

  it("is offered for each participant she helps; only one who shares the meetings can be chosen", async () => {
    const data = await page(jonas.cookie);
    expect(data.isParticipant).toBe(false);
    expect(data.copies).toEqual([
      { participantId: withoutScope.participantId, firstName: "Ali", mayCopy: false, reminderCopy: false },
      { participantId: withScope.participantId, firstName: "Mette", mayCopy: true, reminderCopy: false },
    ]);
  });

  it("is saved with her settings, and can be turned off again", async () => {
    const on = (await post(jonas.cookie, form(0, { email: "jonas.copy@example.org", agreementReminders: null, copies: [withScope.participantId] }))) as Response;
    expect(on.status).toBe(302);
    expect(await copyOf(withScope.participantId)).toBe(true);
    expect((await page(jonas.cookie)).copies.find((copy) => copy.participantId === withScope.participantId)?.reminderCopy).toBe(true);
    // Not a participant: agreement reminders are left as they were (on), whatever was posted.
    expect(await settingsOf(jonas.personId)).toMatchObject({ agreementReminders: true });
    // The participant's record says a relative turned a copy on (no words, no address).
    const [audit] = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.participantId, withScope.participantId), eq(auditEvents.action, "notifications.reminder_copy_changed")));
    expect(audit).toMatchObject({ actorPersonId: jonas.personId, details: { reminderCopy: true } });
    // Only the copy changes: still a save, the settings' version stays.
    expect(((await post(jonas.cookie, form(1, { email: "jonas.copy@example.org", agreementReminders: null }))) as Response).status).toBe(302);
    expect(await copyOf(withScope.participantId)).toBe(false);
    expect(await settingsOf(jonas.personId)).toMatchObject({ version: 1 });
  });

  it("no: not for a participant who does not share her meetings with him, nor for one he does not help", async () => {
    const response = (await post(
      jonas.cookie,
      form(1, { email: "jonas.copy@example.org", agreementReminders: null, copies: [withoutScope.participantId, notHelped.participantId, "not-an-id"] }),
    )) as Response;
    expect(response.status).toBe(302);
    expect(await copyOf(withoutScope.participantId)).toBe(false);
    expect(await copyOf(notHelped.participantId)).toBeUndefined();
    expect(await database.db.select().from(relativeGrants).where(eq(relativeGrants.participantId, notHelped.participantId))).toHaveLength(0);
  });

  it("no: a grant that has ended takes the copy with it from the page", async () => {
    await database.db.update(relativeGrants).set({ reminderCopy: true }).where(eq(relativeGrants.participantId, withScope.participantId));
    await database.db.update(relativeGrants).set({ status: "withdrawn", endedAt: new Date() }).where(eq(relativeGrants.participantId, withScope.participantId));
    expect((await page(jonas.cookie)).copies.map((copy) => copy.participantId)).toEqual([withoutScope.participantId]);
  });
});
