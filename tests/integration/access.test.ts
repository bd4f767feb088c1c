import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { participants, persons, relativeGrants } from "../../db/schema";
import { requireAccess, requireParticipant } from "~/lib/auth.server";
import { copenhagenDay } from "~/lib/dates";
import { loader as overviewLoader } from "~/features/overview/routes/overview";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { cookieFor, get, settle, routeArgs, contextFor } from "../support/requests";

let database: TestDatabase;
let mette: { personId: string; participantId: string };
let jonasId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const [row] = await database.db
    .select({ personId: persons.id, participantId: participants.id })
    .from(persons)
    .innerJoin(participants, eq(participants.personId, persons.id))
    .where(eq(persons.demoKey, "mette"));
  mette = row!;
  const [jonas] = await database.db.select().from(persons).where(eq(persons.demoKey, "jonas"));
  jonasId = jonas!.id;
});
afterAll(() => database.dispose());

const args = (request: Request) => routeArgs(request);

const daysFromToday = (days: number) => copenhagenDay(new Date(Date.now() + days * 86_400_000));

async function grantForJonas(values: Partial<typeof relativeGrants.$inferInsert>) {
  const [grant] = await database.db
    .insert(relativeGrants)
    .values({
      participantId: mette.participantId,
      relativePersonId: jonasId,
      invitedName: "Jonas Hansen",
      invitedEmail: "jonas@example.org",
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
    const metteData = await overviewLoader(await args(get("/", await cookieFor("mette"))));
    const aliData = await overviewLoader(await args(get("/", await cookieFor("ali"))));
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
    for (const person of ["jonas", "sara"]) {
      const cookie = await cookieFor(person);
      const data = await overviewLoader(await args(get("/", cookie)));
      expect(data.overview).toBeNull();
      const refused = (await settle(async () => requireParticipant(await contextFor(get("/", cookie))))) as Response;
      expect(refused.status).toBe(404);
    }
  });

  it("another participant is refused with 404, so nothing is revealed", async () => {
    const aliCookie = await cookieFor("ali");
    for (const scope of ["plan", "appointments", "preparation", "cv", "network"] as const) {
      const refused = (await settle(async () => requireAccess(await contextFor(get("/", aliCookie)), mette.participantId, scope))) as Response;
      expect(refused.status).toBe(404);
    }
  });

  it("the participant always has access to their own data", async () => {
    const result = await requireAccess(await contextFor(get("/", await cookieFor("mette"))), mette.participantId, "cv");
    expect(result.as).toBe("participant");
  });

  it("a relative sees only granted parts, only while the grant is active and unexpired", async () => {
    const cookie = await cookieFor("jonas");
    const request = () => get("/", cookie);

    // No grant at all.
    expect(((await settle(async () => requireAccess(await contextFor(request()), mette.participantId, "plan"))) as Response).status).toBe(404);

    const grant = await grantForJonas({ scopes: ["plan", "appointments"] });
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
    await grantForJonas({ status: "invited" });
    expect(((await settle(async () => requireAccess(await contextFor(request()), mette.participantId, "plan"))) as Response).status).toBe(404);
  });

  it("a grant made out to someone else gives this relative nothing", async () => {
    const [sara] = await database.db.select().from(persons).where(eq(persons.demoKey, "sara"));
    await grantForJonas({ relativePersonId: sara!.id, scopes: ["cv"] });
    const cookie = await cookieFor("jonas");
    const refused = (await settle(async () => requireAccess(await contextFor(get("/", cookie)), mette.participantId, "cv"))) as Response;
    expect(refused.status).toBe(404);
  });
});
