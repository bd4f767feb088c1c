import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { cvProfiles } from "../../../db/schema/cv";
import { listTaskSuggestions } from "~/features/cv/task-suggestions.server";
import { action as contactAction, loader as contactLoader } from "~/features/cv/routes/cv-contact";
import { action as tasksAction, loader as tasksLoader } from "~/features/cv/routes/cv-tasks";
import { createTestDatabase, serverUrl, type TestDatabase } from "../../support/db";
import { get, ORIGIN, post } from "../../support/requests";
import { run, unwrap } from "../../support/routes";
import { aCvLikeMettes } from "./cv-people";

// Two saves of the same CV form at the same moment, from the same loaded version, on a real
// Postgres server (PGlite has one connection, so nothing there runs at the same time): one wins,
// the other gets 409, and what is stored is exactly the winner's. 40 pairs per form.

const PAIRS = 40;
if (!serverUrl) console.log("cv-concurrency: skipped, set TEST_DATABASE_URL to run it on a Postgres server");

describe.skipIf(!serverUrl)("concurrent CV saves on Postgres", () => {
  let database: TestDatabase;
  let cookie: string;
  let participantId: string;

  beforeAll(async () => {
    database = await createTestDatabase({ seed: false });
  });
  // Each test its own participant with a CV like Mette's (./cv-people.ts); no demo seed.
  beforeEach(async () => {
    ({ cookie, participantId } = await aCvLikeMettes(database));
  });
  afterAll(() => database?.dispose());

  const statusOf = (result: unknown) => (result instanceof Response ? result.status : unwrap(result).status);

  it(`/cv/opgaver: ${PAIRS} of ${PAIRS} concurrent pairs keep one edit whole and refuse the other`, async () => {
    let lost = 0;
    for (let pair = 0; pair < PAIRS; pair++) {
      const version = (unwrap(await run(tasksLoader, get("/cv/opgaver", cookie))).data as { version: string }).version;
      const lists = [[`Første ${pair}`, "Fælles"], [`Anden ${pair}`]];
      const requests = lists.map(
        (tasks) =>
          new Request(ORIGIN + "/cv/opgaver", {
            method: "POST",
            headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: ORIGIN, Cookie: cookie },
            body: new URLSearchParams([["intent", "save"], ["version", version], ...tasks.map((t): [string, string] => ["task", t])]),
          }),
      );
      const results = await Promise.all(requests.map((request) => run(tasksAction, request)));
      const statuses = results.map(statusOf).sort();
      expect(statuses).toEqual([302, 409]);
      const winner = lists[statusOf(results[0]) === 302 ? 0 : 1]!;
      const refused = unwrap(results[statusOf(results[0]) === 302 ? 1 : 0]).data as { conflict: { saved: string[] } };
      expect(refused.conflict.saved).toEqual(winner);
      const stored = (await listTaskSuggestions(participantId)).map((task) => task.text);
      if (JSON.stringify(stored) !== JSON.stringify(winner)) lost++;
    }
    console.log(`cv-concurrency: /cv/opgaver ${PAIRS} pairs, ${lost} lost edits`);
    expect(lost).toBe(0);
  });

  it(`/cv/kontakt: ${PAIRS} of ${PAIRS} concurrent pairs keep one edit whole and refuse the other`, async () => {
    let lost = 0;
    for (let pair = 0; pair < PAIRS; pair++) {
      const { version } = unwrap(await run(contactLoader, get("/cv/kontakt", cookie))).data as { version: number };
      const forms: Record<string, string>[] = [
        { showEmail: "on", showAddress: "on", address: `Solbjerg ${pair}`, version: String(version) },
        { showPhone: "on", address: `Aarhus ${pair}`, version: String(version) },
      ];
      const results = await Promise.all(forms.map((form) => run(contactAction, post("/cv/kontakt", form, cookie))));
      const statuses = results.map(statusOf);
      expect([...statuses].sort()).toEqual([302, 409]);
      const winner = forms[statuses.indexOf(302)]!;
      const [profile] = await database.db.select().from(cvProfiles).where(eq(cvProfiles.participantId, participantId));
      const expected = { email: winner.showEmail === "on", phone: winner.showPhone === "on", address: winner.showAddress === "on" };
      if (profile!.address !== winner.address || JSON.stringify(profile!.contactVisibility) !== JSON.stringify(expected)) lost++;
      // The refused one is shown what the winner saved, not what was there before.
      const refused = unwrap(results[statuses.indexOf(409)]).data as { conflict: { saved: { address: string } } };
      expect(refused.conflict.saved.address).toBe(winner.address);
    }
    console.log(`cv-concurrency: /cv/kontakt ${PAIRS} pairs, ${lost} lost edits`);
    expect(lost).toBe(0);
  });
});
