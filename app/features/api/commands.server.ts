import { sql } from "drizzle-orm";
import { db, rowsOf } from "../../../db/client";
import { recordAudit, recordAuditForEach } from "~/lib/audit.server";
import { addCoordinatingCaseworker, type JobcentreContact } from "~/features/plan/index.server";
import { caseSystemScope } from "./queries.server";
import type { ApiCaller } from "./auth.server";
import { CASE_SYSTEM_READ, type CaseSystemRead } from "./reads";

/**
 * Every read by a case system is in the participant's log ("Hvem har set mine oplysninger"), as
 * "Kommunens sagssystem" and the municipality, never a person: one audit row per participant per
 * request, written in the request's own transaction, so an answer never leaves without its rows
 * (server/request-handler.js sends it after the commit). `details` names what was read and the
 * client, never the data itself. No actor person: the trigger behind `caseworker.events` skips
 * such rows, so a read is never an event.
 */
export async function recordCaseSystemReads(caller: ApiCaller, participantIds: readonly string[], what: CaseSystemRead, requestId: string) {
  const unique = [...new Set(participantIds)];
  if (unique.length === 0) return;
  const database = await db();
  await recordAuditForEach(
    database,
    {
      actorPersonId: null,
      action: CASE_SYSTEM_READ,
      details: { what, client: caller.client.clientId, municipality: caller.municipality.id, municipalityName: caller.municipality.name },
      requestId,
    },
    unique,
  );
}

function isUniqueViolation(error: unknown): boolean {
  for (let e = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}

export interface Registration {
  firstName: string;
  lastName: string;
  birthDate: string;
  /** Ten digits. Written by the database's own function only; never read back, never logged. */
  cpr: string;
  programme: "ressourceforloeb" | "jobafklaringsforloeb" | "kontaktforloeb";
  status: "preparing" | "active" | "paused" | "ended";
  startedOn: string | null;
  expectedEndOn: string | null;
  coordinatingCaseworker: JobcentreContact;
}

/**
 * Registers a participant of the client's municipality with her coordinating caseworker, in one
 * transaction with an audit row `case_system.participant_registered` (an event). The person and the
 * participant are written by portal.register_case_system_participant (migration 0030), which alone
 * may write a CPR number. A CPR number already registered: "cpr-taken" (the error, which quotes the
 * number, is never logged).
 */
export async function registerParticipant(caller: ApiCaller, input: Registration, requestId: string) {
  const database = await db();
  try {
    return await database.transaction(async (tx) => {
      // Set again inside this transaction: the embedded database has no request transaction.
      await caseSystemScope(caller, tx);
      const [row] = rowsOf<{ id: string }>(
        await tx.execute(sql`select portal.register_case_system_participant(
          ${input.firstName}, ${input.lastName}, ${input.cpr}, ${input.birthDate}::date,
          ${input.programme}::portal.programme, ${input.status}::portal.participant_status,
          ${input.startedOn}::date, ${input.expectedEndOn}::date, ${caller.municipality.name}) as id`),
      );
      const participantId = row!.id;
      await addCoordinatingCaseworker(tx, participantId, input.coordinatingCaseworker);
      await recordAudit(tx, {
        actorPersonId: null,
        participantId,
        action: "case_system.participant_registered",
        details: { client: caller.client.clientId, municipality: caller.municipality.id, programme: input.programme },
        requestId,
      });
      return { status: "registered", participantId } as const;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { status: "cpr-taken" } as const;
    throw error;
  }
}
