import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aCaseworker, aParticipant, aPerson, type BuiltPerson, type BuiltParticipant } from "../../db/builders";
import { relativeGrants } from "../../db/schema";
import { requireAccess } from "~/features/relatives/index.server";
import { requireParticipant } from "~/lib/auth.server";
import { copenhagenDay } from "~/lib/dates";
import { loader as overviewLoader } from "~/features/overview/routes/overview";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { cookieFor, get, settle, routeArgs, contextFor } from "../support/requests";

// Each test makes the people it needs (db/builders.ts); nothing here depends on the demo seed.
let database: TestDatabase;
let caseworker: BuiltPerson;

beforeAll(async () => {
  database = await createTestDatabase({ seed: false });
  caseworker = await aCaseworker().build(database.db);
});
afterAll(() => database.dispose());

const args = (request: Request) => routeArgs(request);

const daysFromToday = (days: number) => copenhagenDay(new Date(Date.now() + days * 86_400_000));

/** A participant with a plan and a meeting next week (in person, or by phone). */
function participantWithPlan(firstName: string, employmentGoal: string, mode: "in_person" | "phone") {
  return aParticipant({ person: { firstName } })
    .withPlan({ employmentGoal })
    .withAppointment({ mode, startsAt: new Date(Date.now() + 3 * 86_400_000) })
    .build(database.db);
}

async function grantFor(participant: BuiltParticipant, relative: BuiltPerson, values: Partial<typeof relativeGrants.$inferInsert>) {
  const [grant] = await database.db
    .insert(relativeGrants)
    .values({
      participantId: participant.participantId,
      relativePersonId: relative.personId,
      invitedName: relative.name,
      invitedEmail: "relative@example.org",
      relation: "Bror",
      scopes: ["plan"],
      validUntil: daysFromToday(30),
      status: "active",
      ...values,
    })
    .returning();
  return grant!;
}

describe("who may see a participant's data", () => {
  it("signed out: the overview sends you to sign in", async () => {
    const response = (await settle(async () => overviewLoader(await args(get("/"))))) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/log-ind");
  });

  it("an expired session: sign in again, with a calm explanation", async () => {
    const response = (await settle(async () =>
      overviewLoader(await args(get("/", "minvej_session=expired-or-unknown-token-value"))),
    )) as Response;
    expect(response.headers.get("Location")).toBe("/log-ind");
  });

  it("each participant sees only their own overview", async () => {
    const mette = await participantWithPlan("Mette", "Job på et lager, 15 timer om ugen", "in_person");
    const ali = await participantWithPlan("Ali", "Elektriker igen, færre timer", "phone");
    const metteData = await overviewLoader(await args(get("/", await cookieFor(mette.demoKey))));
    const aliData = await overviewLoader(await args(get("/", await cookieFor(ali.demoKey))));
    expect(metteData.firstName).toBe("Mette");
    expect(aliData.firstName).toBe("Ali");
    const metteText = JSON.stringify(metteData.overview);
    const aliText = JSON.stringify(aliData.overview);
    expect(metteData.overview?.goal?.employmentGoal).toBeTruthy();
    expect(aliText).not.toContain(metteData.overview!.goal!.employmentGoal);
    expect(aliText).not.toContain(metteData.overview!.nextAppointment!.id);
    expect(metteText).not.toContain(aliData.overview!.nextAppointment!.id);
    expect(aliData.overview?.nextAppointment?.mode).toBe("phone");
  });

  it("a relative or caseworker without a programme gets no participant pages", async () => {
    const relative = await aPerson({ firstName: "Jonas" }).build(database.db);
    for (const person of [relative, caseworker]) {
      const cookie = await cookieFor(person.demoKey);
      const data = await overviewLoader(await args(get("/", cookie)));
      expect(data.overview).toBeNull();
      const refused = (await settle(async () => requireParticipant(await contextFor(get("/", cookie))))) as Response;
      expect(refused.status).toBe(404);
    }
  });

  it("another participant is refused with 404, so nothing is revealed", async () => {
    const mette = await participantWithPlan("Mette", "Job på et lager", "in_person");
    const ali = await participantWithPlan("Ali", "Elektriker igen", "phone");
    const aliCookie = await cookieFor(ali.demoKey);
    for (const scope of ["plan", "appointments", "preparation", "cv", "network"] as const) {
      const refused = (await settle(async () => requireAccess(await contextFor(get("/", aliCookie)), mette.participantId, scope))) as Response;
      expect(refused.status).toBe(404);
    }
  });

  it("the participant always has access to their own data", async () => {
    const mette = await aParticipant().build(database.db);
    const result = await requireAccess(await contextFor(get("/", await cookieFor(mette.demoKey))), mette.participantId, "cv");
    expect(result.as).toBe("participant");
  });

  it("a relative sees only granted parts, only while the grant is active and unexpired", async () => {
    const mette = await aParticipant().build(database.db);
    const jonas = await aPerson({ firstName: "Jonas" }).build(database.db);
    const cookie = await cookieFor(jonas.demoKey);
    const request = () => get("/", cookie);

    // No grant at all.
    expect(((await settle(async () => requireAccess(await contextFor(request()), mette.participantId, "plan"))) as Response).status).toBe(404);

    const grant = await grantFor(mette, jonas, { scopes: ["plan", "appointments"] });
    expect((await requireAccess(await contextFor(request()), mette.participantId, "plan")).as).toBe("relative");
    expect((await requireAccess(await contextFor(request()), mette.participantId, "appointments")).as).toBe("relative");
    // Outside the scopes.
    for (const scope of ["cv", "network", "preparation"] as const) {
      expect(((await settle(async () => requireAccess(await contextFor(request()), mette.participantId, scope))) as Response).status).toBe(404);
    }

    // Expired yesterday: refused on the very next request.
    await database.db.update(relativeGrants).set({ validUntil: daysFromToday(-1) }).where(eq(relativeGrants.id, grant.id));
    expect(((await settle(async () => requireAccess(await contextFor(request()), mette.participantId, "plan"))) as Response).status).toBe(404);

    // Valid again, then withdrawn by the participant: refused at once.
    await database.db.update(relativeGrants).set({ validUntil: daysFromToday(10) }).where(eq(relativeGrants.id, grant.id));
    expect((await requireAccess(await contextFor(request()), mette.participantId, "plan")).as).toBe("relative");
    await database.db.update(relativeGrants).set({ status: "withdrawn" }).where(eq(relativeGrants.id, grant.id));
    expect(((await settle(async () => requireAccess(await contextFor(request()), mette.participantId, "plan"))) as Response).status).toBe(404);

    // Only invited (not yet accepted): no access.
    await grantFor(mette, jonas, { status: "invited" });
    expect(((await settle(async () => requireAccess(await contextFor(request()), mette.participantId, "plan"))) as Response).status).toBe(404);
  });

  it("a grant made out to someone else gives this relative nothing", async () => {
    const mette = await aParticipant().build(database.db);
    const jonas = await aPerson({ firstName: "Jonas" }).build(database.db);
    const someoneElse = await aPerson().build(database.db);
    await grantFor(mette, someoneElse, { scopes: ["cv"] });
    const cookie = await cookieFor(jonas.demoKey);
    const refused = (await settle(async () => requireAccess(await contextFor(get("/", cookie)), mette.participantId, "cv"))) as Response;
    expect(refused.status).toBe(404);
  });
});
