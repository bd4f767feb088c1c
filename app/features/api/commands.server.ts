import { db } from "../../../db/client";
import { recordAudits } from "~/lib/audit.server";
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
  await recordAudits(
    database,
    unique.map((participantId) => ({
      actorPersonId: null,
      participantId,
      action: CASE_SYSTEM_READ,
      details: { what, client: caller.client.clientId, municipality: caller.municipality.id, municipalityName: caller.municipality.name },
      requestId,
    })),
  );
}
