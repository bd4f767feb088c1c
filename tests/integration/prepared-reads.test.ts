import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aParticipant, type BuiltParticipant } from "../../db/builders";
import { nestedRow, preparedTogether } from "../../db/nested";
import { plans } from "../../db/schema";
import { openOverview } from "~/features/overview/queries.server";
import { getPlanView } from "~/features/plan/index.server";
import type { CurrentUser } from "~/lib/auth.server";
import { createTestDatabase, type TestDatabase } from "../support/db";

// A read built once (db/nested.ts preparedTogether) serves every participant and every moment:
// its statement holds placeholders, never the first reader's id or the time it was first made.
// If a value were frozen into it, the second participant would see the first one's plan.

let database: TestDatabase;
let anna: BuiltParticipant;
let bo: BuiltParticipant;

const DAY = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY);

beforeAll(async () => {
  database = await createTestDatabase({ seed: false });
  anna = await aParticipant({ person: { firstName: "Anna" } })
    .withPlan({ employmentGoal: "Annas mål: et job med dyr" })
    .withAppointment({ title: "Annas samtale", startsAt: inDays(3) })
    .build(database.db);
  bo = await aParticipant({ person: { firstName: "Bo" } })
    .withPlan({ employmentGoal: "Bos mål: et job i et værksted" })
    .withAppointment({ title: "Bos samtale", startsAt: inDays(10) })
    .build(database.db);
});
afterAll(() => database.dispose());

function userOf(participant: BuiltParticipant, firstName: string): CurrentUser {
  return {
    sessionId: "test",
    provider: "demo",
    authenticatedAt: new Date(),
    idleTimeoutMs: 30 * 60_000,
    idleEndsAt: inDays(1),
    personId: participant.personId,
    firstName,
    lastName: "Test",
    isCaseworker: false,
    birthDate: null,
    participant: { id: participant.participantId, programme: "ressourceforloeb", municipalityKey: null },
  };
}

describe("a read built once (preparedTogether)", () => {
  it("builds its statement once and fills in each read's own values", async () => {
    let builds = 0;
    const goalOf = preparedTogether(["participantId"], (values) => {
      builds++;
      return { plan: nestedRow({ goal: plans.employmentGoal }, sql`from ${plans} where ${plans.participantId} = ${values.participantId}`) };
    });
    const first = await goalOf({ participantId: anna.participantId });
    const second = await goalOf({ participantId: bo.participantId });
    const third = await goalOf({ participantId: anna.participantId });
    expect([first.plan?.goal, second.plan?.goal, third.plan?.goal]).toEqual([
      "Annas mål: et job med dyr",
      "Bos mål: et job i et værksted",
      "Annas mål: et job med dyr",
    ]);
    expect(builds).toBe(1);
  });

  it("gives each participant their own plan and next conversation on /min-plan's read, whoever read first", async () => {
    for (const [reader, goal, conversation] of [
      [anna, "Annas mål: et job med dyr", "Annas samtale"],
      [bo, "Bos mål: et job i et værksted", "Bos samtale"],
      [anna, "Annas mål: et job med dyr", "Annas samtale"],
    ] as const) {
      const view = await getPlanView({ participantId: reader.participantId, personId: reader.personId });
      expect(view?.employmentGoal).toBe(goal);
      expect(view?.nextConversation?.title).toBe(conversation);
    }
  });

  it("asks the overview's read about the moment it is given, not the moment it was built", async () => {
    const now = await openOverview(userOf(anna, "Anna"));
    expect(now.overview?.nextAppointment?.title).toBe("Annas samtale");
    expect(now.overview?.goal?.employmentGoal).toBe("Annas mål: et job med dyr");
    // A week later Anna's meeting has passed; Bo's, three days after hers, is still ahead.
    const aWeekOn = inDays(7);
    expect((await openOverview(userOf(anna, "Anna"), aWeekOn)).overview?.nextAppointment).toBeNull();
    expect((await openOverview(userOf(bo, "Bo"), aWeekOn)).overview?.nextAppointment?.title).toBe("Bos samtale");
    expect((await openOverview(userOf(bo, "Bo"), inDays(11))).overview?.nextAppointment).toBeNull();
  });

  it("shows a participant the people she helps on the overview's read, while her access lasts", async () => {
    const until = inDays(30).toISOString().slice(0, 10);
    const carl = await aParticipant({ person: { firstName: "Carl" } }).withRelative(anna, { validUntil: until }).build(database.db);
    expect((await openOverview(userOf(anna, "Anna"))).helped.map((helped) => helped.participantId)).toEqual([carl.participantId]);
    expect((await openOverview(userOf(bo, "Bo"))).helped).toEqual([]);
    // The last day of her access still counts; the day after does not.
    expect((await openOverview(userOf(anna, "Anna"), new Date(`${until}T12:00:00Z`))).helped).toHaveLength(1);
    expect((await openOverview(userOf(anna, "Anna"), inDays(32))).helped).toEqual([]);
  });
});
