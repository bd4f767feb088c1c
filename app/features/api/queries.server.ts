import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { db, getDatabase, rowsOf, type Database } from "../../../db/client";
import { participantContacts } from "../../../db/schema/people";
import type { ApiCaller } from "./auth.server";
import type { EventPosition } from "./cursor";
import {
  apiAbsenceRequests,
  apiAppointments,
  apiCv,
  apiCvEntries,
  apiProgressAnswers,
  apiProgressSigns,
  apiEvents,
  apiNetworkPeople,
  apiParticipants,
  apiPlanResponses,
  apiSharedPreparation,
  apiSharedPreparationComments,
  apiWorkWishes,
} from "./views.server";

/**
 * Reads for case systems, only through `caseworker_api` (migration 0027): the caseworker views, so
 * exactly what they define as visible (shared parts at their shared version, the CV as shared, the
 * network while shared, never a CPR number, never a draft). Two locks on the municipality:
 *
 * - here, every query is filtered to the client's municipality (`inMunicipality`), on every database;
 * - on a Postgres server the views themselves show the portal's role (under row-level security)
 *   only that municipality's participants, from the settings `caseSystemScope` makes.
 *
 * A participant of another municipality and a participant who does not exist look the same: null.
 */

/**
 * From here to the end of the transaction (the request's, or `executor`'s own), the database shows
 * this client's municipality only, and its own idempotency keys (`minvej.api_client`).
 */
export async function caseSystemScope(caller: ApiCaller, executor?: Pick<Awaited<ReturnType<typeof db>>, "execute">) {
  const database = executor ?? (await db());
  await database.execute(
    sql`select set_config('minvej.api_municipality', ${caller.municipality.id}, true), set_config('minvej.api_default_municipality', ${caller.defaultMunicipality.id}, true), set_config('minvej.api_client', ${caller.client.clientId}, true)`,
  );
}

/** The client's municipality's participants; null `municipality_key` is the portal's first municipality. */
function inMunicipality(caller: ApiCaller): SQL {
  return sql`coalesce(${apiParticipants.municipalityKey}, ${caller.defaultMunicipality.id}) = ${caller.municipality.id}`;
}

/** The participants of the client's municipality whose ids are given (the rest are left out). */
function municipalityParticipantIds(caller: ApiCaller) {
  return sql`(select ${apiParticipants.participantId} from ${apiParticipants} where ${inMunicipality(caller)})`;
}

export const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

export type ParticipantRow = typeof apiParticipants.$inferSelect;

/**
 * Runs `read` where the database knows the client's municipality: in the request's transaction on a
 * server (the handler set it there), in a transaction of its own on the embedded database, which
 * has no request transaction.
 */
async function inCaseSystemScope<T>(caller: ApiCaller, read: (database: Database) => Promise<T>): Promise<T> {
  const handle = await getDatabase();
  if (handle.kind === "postgres") return read(await db());
  return handle.db.transaction(async (tx) => {
    await caseSystemScope(caller, tx);
    return read(tx as unknown as Database);
  });
}

const NIL_UUID = "00000000-0000-0000-0000-000000000000";

/**
 * One page of the municipality's participants, in id order, after `after`; one row more than `limit`
 * says there is a next page. The page's ids come by index (portal.case_system_participant_page,
 * migration 0044): the view, asked for the order itself, would read and sort the whole municipality.
 */
export async function listParticipants(caller: ApiCaller, after: string | null, limit: number): Promise<ParticipantRow[]> {
  return inCaseSystemScope(caller, async (database) => {
    const page = rowsOf<{ id: string }>(
      await database.execute(sql`select portal.case_system_participant_page(${after ?? NIL_UUID}::uuid, ${limit + 1}::integer) as id`),
    ).map((row) => row.id);
    if (page.length === 0) return [];
    return database
      .select()
      .from(apiParticipants)
      .where(and(inArray(apiParticipants.participantId, page), inMunicipality(caller)))
      .orderBy(asc(apiParticipants.participantId));
  });
}

/** The participant, when it is one of the client's municipality's; else null (404, whichever the reason). */
export async function findParticipant(caller: ApiCaller, participantId: string): Promise<ParticipantRow | null> {
  if (!isUuid(participantId)) return null;
  const database = await db();
  const [row] = await database
    .select()
    .from(apiParticipants)
    .where(and(eq(apiParticipants.participantId, participantId), inMunicipality(caller)));
  return row ?? null;
}

// The reads below are for a participant `findParticipant` has just found for this client.

export async function sharedPreparationOf(participantId: string) {
  const database = await db();
  const [parts, remarks] = await Promise.all([
    database
      .select()
      .from(apiSharedPreparation)
      .where(eq(apiSharedPreparation.participantId, participantId))
      .orderBy(asc(apiSharedPreparation.sharedAt), asc(apiSharedPreparation.part)),
    database
      .select()
      .from(apiSharedPreparationComments)
      .where(eq(apiSharedPreparationComments.participantId, participantId))
      .orderBy(asc(apiSharedPreparationComments.createdAt)),
  ]);
  return { parts, remarks };
}

export async function sharedCvOf(participantId: string) {
  const database = await db();
  const [[cv], entries, [wishes]] = await Promise.all([
    database.select().from(apiCv).where(eq(apiCv.participantId, participantId)),
    database
      .select()
      .from(apiCvEntries)
      .where(eq(apiCvEntries.participantId, participantId))
      .orderBy(asc(apiCvEntries.kind), asc(apiCvEntries.sortOrder)),
    database.select().from(apiWorkWishes).where(eq(apiWorkWishes.participantId, participantId)),
  ]);
  return { cv: cv ?? null, entries, wishes: wishes ?? null };
}

export async function sharedNetworkOf(participantId: string) {
  const database = await db();
  return database
    .select()
    .from(apiNetworkPeople)
    .where(eq(apiNetworkPeople.participantId, participantId))
    .orderBy(asc(apiNetworkPeople.name), asc(apiNetworkPeople.networkPersonId));
}

/** The shared months, newest first, and the signs while shared (null when not). */
export async function sharedProgressOf(participantId: string) {
  const database = await db();
  const [answerSets, [signs]] = await Promise.all([
    database.select().from(apiProgressAnswers).where(eq(apiProgressAnswers.participantId, participantId)).orderBy(desc(apiProgressAnswers.month)),
    database.select().from(apiProgressSigns).where(eq(apiProgressSigns.participantId, participantId)),
  ]);
  return { answerSets, signs: signs ?? null };
}

export async function appointmentsOf(participantId: string) {
  const database = await db();
  return database
    .select()
    .from(apiAppointments)
    .where(eq(apiAppointments.participantId, participantId))
    .orderBy(desc(apiAppointments.startsAt));
}

export async function absenceRequestsOf(participantId: string) {
  const database = await db();
  return database
    .select()
    .from(apiAbsenceRequests)
    .where(eq(apiAbsenceRequests.participantId, participantId))
    .orderBy(desc(apiAbsenceRequests.createdAt));
}

export async function disagreementsOf(participantId: string) {
  const database = await db();
  return database
    .select()
    .from(apiPlanResponses)
    .where(and(eq(apiPlanResponses.participantId, participantId), eq(apiPlanResponses.kind, "question")))
    .orderBy(desc(apiPlanResponses.createdAt));
}

export type EventRow = typeof apiEvents.$inferSelect;

/**
 * Settled events of the municipality's participants after `after`, in `(transaction_position, id)`
 * order (db/caseworker/README.md, "Reading the feed without gaps"); one more than `limit` says
 * there is more. The page's ids come by index, in the municipality the database was told
 * (portal.case_system_event_page, migration 0044); the view shows them, as it shows every read.
 */
export async function eventsAfter(caller: ApiCaller, after: EventPosition, limit: number, executor?: Database): Promise<EventRow[]> {
  const read = async (database: Database) => {
    const page = rowsOf<{ id: string | number }>(
      await database.execute(
        sql`select portal.case_system_event_page(${after.position.toString()}::bigint, ${after.id}::bigint, ${limit + 1}::integer) as id`,
      ),
    ).map((row) => Number(row.id));
    if (page.length === 0) return [];
    return database
      .select()
      .from(apiEvents)
      .where(
        and(
          inArray(apiEvents.id, page),
          eq(apiEvents.settled, true),
          sql`(${apiEvents.transactionPosition}, ${apiEvents.id}) > (${after.position.toString()}::bigint, ${after.id}::bigint)`,
        ),
      )
      .orderBy(asc(apiEvents.transactionPosition), asc(apiEvents.id));
  };
  return executor ? read(executor) : inCaseSystemScope(caller, read);
}

/**
 * Of `ids`, the professionals who work with a participant of the client's municipality (her
 * coordinating caseworker, say): the only ones a write may link by id.
 */
export async function knownProfessionals(caller: ApiCaller, ids: readonly string[]): Promise<Set<string>> {
  const wanted = [...new Set(ids)].filter(isUuid);
  if (wanted.length === 0) return new Set();
  const database = await db();
  const rows = await database
    .selectDistinct({ id: participantContacts.professionalId })
    .from(participantContacts)
    .where(and(inArray(participantContacts.professionalId, wanted), inArray(participantContacts.participantId, municipalityParticipantIds(caller))));
  return new Set(rows.map((row) => row.id));
}
