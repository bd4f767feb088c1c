import { drizzle } from "drizzle-orm/postgres-js";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema, setupRoles, type Transaction } from "../../../db/client";
import type { BuiltParticipant } from "../../../db/builders";
import { deleteMeetingNotes } from "~/features/appointments/index.server";
import { deleteCv } from "~/features/cv/index.server";
import { deleteMessageDrafts } from "~/features/messages/index.server";
import { deleteNetwork } from "~/features/network/index.server";
import { deletePreparationDrafts } from "~/features/preparation/index.server";
import { deleteDiary, deleteSigns, deleteUnsharedAnswers } from "~/features/progress/index.server";
import { createTestDatabase, serverUrl, type TestDatabase } from "../../support/db";
import { aParticipantWithEverything, theCast } from "./my-data-people";

// Issue 22, "Mine data", as production runs it (`portal_app`, bound by row-level security): the
// masked CPR number (migration 0029) shows her only her own, never whole, and cannot be written
// through; each area's deletion of her private things works for her own rows and, even if the
// application were tricked into naming another participant, deletes nothing of anyone else's.
// Roles exist only on a real Postgres server.

const PRIVATE_ROWS = `
  select
    (select count(*) from portal.energy_diary_entries where participant_id = $1)::int as diary,
    (select count(*) from portal.progress_signs where participant_id = $1)::int as signs,
    (select count(*) from portal.progress_answer_sets where participant_id = $1 and shared_at is null)::int as answers,
    (select count(*) from portal.network_people where participant_id = $1)::int as people,
    (select count(*) from portal.network_snapshots where participant_id = $1)::int as snapshots,
    (select count(*) from portal.cv_entries where participant_id = $1)::int as entries,
    (select count(*) from portal.work_wishes where participant_id = $1)::int as wishes,
    (select count(*) from portal.task_suggestions where participant_id = $1)::int as tasks,
    (select count(*) from portal.preparation_parts where participant_id = $1 and shared_at is null)::int as drafts,
    (select count(*) from portal.appointment_preparations ap join portal.appointments a on a.id = ap.appointment_id where a.participant_id = $1)::int as notes,
    (select count(*) from portal.message_drafts where participant_id = $1)::int as message_drafts`;

describe.skipIf(!serverUrl)("Mine data under row-level security (real Postgres, as portal_app)", () => {
  let database: TestDatabase;
  let owner: postgres.Sql;
  let app: postgres.Sql;
  let mette: BuiltParticipant;
  let ali: BuiltParticipant;

  beforeAll(async () => {
    database = await createTestDatabase({ seed: false });
    const [{ name }] = (await database.db.execute("select current_database() as name" as never)) as unknown as [{ name: string }];
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    owner = postgres(url.toString(), { max: 1, onnotice: () => {} });
    await setupRoles(owner);
    url.username = "portal_app";
    url.password = "";
    app = postgres(url.toString(), { max: 1, onnotice: () => {} });
    const { sara, jonas } = await theCast(database.db);
    mette = await aParticipantWithEverything(database.db, "METTE", { caseworker: sara, relative: jonas }, { firstName: "Mette", lastName: "Hansen" });
    ali = await aParticipantWithEverything(database.db, "ALI", { caseworker: sara }, { firstName: "Ali", lastName: "Hassan" });
  });
  afterAll(async () => {
    await app?.end();
    await owner?.end();
    await database?.dispose();
  });

  const asPerson = <T>(personId: string | null, work: (tx: postgres.TransactionSql) => Promise<T>) =>
    app.begin(async (tx) => {
      if (personId) await tx`select set_config('minvej.person_id', ${personId}, true)`;
      return work(tx);
    }) as Promise<T>;

  const privateRows = async (participantId: string) => (await owner.unsafe(PRIVATE_ROWS, [participantId]))[0] as Record<string, number>;

  it("shows the signed-in person her own CPR number masked, nobody else's, and never the whole number", async () => {
    const [cpr] = await owner`select cpr from portal.persons where id = ${mette.personId}`;
    const rows = await asPerson(mette.personId, (tx) => tx`select person_id, cpr_masked from portal.own_cpr_masked`);
    expect(rows).toEqual([{ person_id: mette.personId, cpr_masked: `${cpr!.cpr.slice(0, 6)}-xxxx` }]);
    expect(await asPerson(mette.personId, (tx) => tx`select * from portal.own_cpr_masked where person_id = ${ali.personId}`)).toHaveLength(0);
    expect(await asPerson(null, (tx) => tx`select * from portal.own_cpr_masked`)).toHaveLength(0);
    await expect(asPerson(mette.personId, (tx) => tx`select cpr from portal.persons where id = ${mette.personId}`)).rejects.toThrow(/permission denied/);
  });

  it("cannot be written through", async () => {
    for (const statement of [
      sqlText`update portal.own_cpr_masked set person_id = person_id`,
      sqlText`delete from portal.own_cpr_masked`,
      sqlText`insert into portal.own_cpr_masked (person_id) values (gen_random_uuid())`,
    ]) {
      await expect(asPerson(mette.personId, (tx) => tx.unsafe(statement))).rejects.toThrow(/cannot (update|delete from|insert into) view/);
    }
  });

  it("deletes her private things as her, and nothing of another participant's even when named", async () => {
    const aliBefore = await privateRows(ali.participantId);
    const metteBefore = await privateRows(mette.participantId);
    expect(Object.values(metteBefore).every((n) => n > 0)).toBe(true);
    const erase = async (personId: string, participantId: string) =>
      drizzle(app, { schema }).transaction(async (inner) => {
        const tx = inner as unknown as Transaction;
        await tx.execute(sql`select set_config('minvej.person_id', ${personId}, true)`);
        await deleteDiary(tx, participantId);
        await deleteSigns(tx, participantId);
        await deleteUnsharedAnswers(tx, participantId);
        await deleteNetwork(tx, participantId);
        await deleteCv(tx, participantId);
        await deletePreparationDrafts(tx, participantId);
        await deleteMeetingNotes(tx, participantId);
        await deleteMessageDrafts(tx, personId, participantId);
      });
    // Mette's session naming Ali's participant id: row-level security leaves Ali's rows alone.
    await erase(mette.personId, ali.participantId);
    expect(await privateRows(ali.participantId)).toEqual(aliBefore);
    await erase(mette.personId, mette.participantId);
    expect(await privateRows(mette.participantId)).toEqual(Object.fromEntries(Object.keys(metteBefore).map((key) => [key, 0])));
    // What she shared stays: the shared month, the shared preparation part and the CV's shared copy.
    const [kept] = await owner`
      select
        (select count(*) from portal.progress_answer_sets where participant_id = ${mette.participantId} and shared_at is not null)::int as answers,
        (select count(*) from portal.preparation_parts where participant_id = ${mette.participantId} and shared_at is not null)::int as parts,
        (select count(*) from portal.cv_profiles where participant_id = ${mette.participantId} and shared_snapshot is not null)::int as cv`;
    expect(kept).toEqual({ answers: 1, parts: 1, cv: 1 });
    expect(await privateRows(ali.participantId)).toEqual(aliBefore);
  });
});

/** A plain SQL string (for tx.unsafe), written as a template for readability. */
function sqlText(parts: TemplateStringsArray): string {
  return parts.join("");
}
