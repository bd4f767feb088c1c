import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupRoles } from "../../../db/client";
import { aCaseworker, aParticipant, aPerson } from "../../../db/builders";
import { energyDiaryEntries, progressAnswerSets, progressSettings, progressSigns } from "../../../db/schema";
import { createTestDatabase, serverUrl, type TestDatabase } from "../../support/db";

// Issue 22: the tables of "Sådan går det" under row-level security, as the portal runs in
// production (`portal_app`). Stricter than the rest of her data: only she herself, never a
// relative, whatever her grant. Roles exist only on a real Postgres server; the embedded PGlite
// has one superuser, whom row-level security does not bind.

const TABLES = ["progress_answer_sets", "progress_settings", "energy_diary_entries", "progress_signs"];

describe.skipIf(!serverUrl)("row-level security on Sådan går det (real Postgres, as portal_app)", () => {
  let database: TestDatabase;
  let app: postgres.Sql;
  let people: { mette: { personId: string; participantId: string }; ali: { personId: string; participantId: string }; jonas: string; sara: string };

  beforeAll(async () => {
    database = await createTestDatabase({ seed: false });
    const [{ name }] = (await database.db.execute("select current_database() as name" as never)) as unknown as [{ name: string }];
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    const owner = postgres(url.toString(), { max: 1, onnotice: () => {} });
    await setupRoles(owner);
    await owner.end();
    url.username = "portal_app";
    url.password = "";
    app = postgres(url.toString(), { max: 1, onnotice: () => {} });

    const sara = await aCaseworker().build(database.db);
    const jonas = await aPerson({ firstName: "Jonas" }).build(database.db);
    // Jonas has an active grant with every scope there is: still none of these rows.
    const mette = await aParticipant()
      .withCaseworker(sara)
      .withRelative(jonas, { scopes: ["plan", "appointments", "preparation", "cv", "messages", "network"] })
      .build(database.db);
    const ali = await aParticipant().withCaseworker(sara).build(database.db);
    for (const who of [mette, ali]) {
      const id = who.participantId;
      await database.db.insert(progressAnswerSets).values({ participantId: id, month: "2026-11-01", energy: "mixed", sharedAt: new Date() });
      await database.db.insert(progressSettings).values({ participantId: id, reminderDay: 12 });
      await database.db.insert(energyDiaryEntries).values({ participantId: id, day: "2026-12-04", energy: "some", note: "privat" });
      await database.db.insert(progressSigns).values({ participantId: id, warningSigns: ["tegn"], sharedAt: new Date() });
    }
    people = { mette, ali, jonas: jonas.personId, sara: sara.personId };
  });
  afterAll(async () => {
    await app?.end();
    await database?.dispose();
  });

  const visible = (personId: string | null, table: string, where = "true") =>
    app.begin(async (tx) => {
      if (personId !== null) await tx`select set_config('minvej.person_id', ${personId}, true)`;
      return (await tx.unsafe(`select count(*)::int as n from portal.${table} where ${where}`))[0]!.n as number;
    }) as Promise<number>;

  it("shows her own rows to her, and nobody else's", async () => {
    for (const table of TABLES) {
      expect(await visible(people.mette.personId, table), table).toBe(1);
      expect(await visible(people.mette.personId, table, `participant_id = '${people.ali.participantId}'`), table).toBe(0);
    }
  });

  it("shows nothing with no person set, to a relative with every scope, or to her caseworker", async () => {
    for (const table of TABLES) {
      expect(await visible(null, table), `${table}, nobody`).toBe(0);
      expect(await visible(people.jonas, table), `${table}, Jonas`).toBe(0);
      expect(await visible(people.sara, table), `${table}, Sara`).toBe(0);
    }
  });

  it("refuses to write another participant's rows, and changes none of them", async () => {
    const insert = app.begin(async (tx) => {
      await tx`select set_config('minvej.person_id', ${people.ali.personId}, true)`;
      await tx`insert into portal.energy_diary_entries (participant_id, day, energy) values (${people.mette.participantId}, '2026-12-05', 'a_lot')`;
    });
    await expect(insert).rejects.toMatchObject({ code: "42501" });
    const relativeInsert = app.begin(async (tx) => {
      await tx`select set_config('minvej.person_id', ${people.jonas}, true)`;
      await tx`insert into portal.progress_signs (participant_id, warning_signs) values (${people.ali.participantId}, '{x}')`;
    });
    await expect(relativeInsert).rejects.toMatchObject({ code: "42501" });
    const updated = await app.begin(async (tx) => {
      await tx`select set_config('minvej.person_id', ${people.ali.personId}, true)`;
      return (await tx`update portal.progress_answer_sets set shared_at = null where participant_id = ${people.mette.participantId} returning id`).length;
    });
    expect(updated).toBe(0);
  });

  it("keeps the portal's role out of the caseworker views themselves", async () => {
    await expect(app`select * from caseworker.progress_answers`).rejects.toMatchObject({ code: "42501" });
    await expect(app`select * from caseworker.progress_signs`).rejects.toMatchObject({ code: "42501" });
  });
});
