import { and, desc, eq, inArray, like, or, sql } from "drizzle-orm";
import { db, type Database, type Transaction } from "../../db/client";
import { uuidList } from "../../db/nested";
import { auditEvents } from "../../db/schema/account";
import { persons } from "../../db/schema/people";

export interface AuditEntry {
  actorPersonId: string | null;
  participantId?: string | null;
  /** Dotted verb, e.g. "session.signed_in", "plan.own_goal_changed". */
  action: string;
  /** Ids and names of things, never free text a person wrote, never a CPR number. */
  details?: Record<string, unknown>;
  requestId?: string | null;
}

/** Writes one audit row; call it inside the same transaction as the change it records. */
export async function recordAudit(tx: Transaction | Database, entry: AuditEntry) {
  await tx.insert(auditEvents).values({
    actorPersonId: entry.actorPersonId,
    participantId: entry.participantId ?? null,
    action: entry.action,
    details: entry.details ?? {},
    requestId: entry.requestId ?? null,
  });
}

/**
 * The same audit row for each of several participants, in one statement (a list read by a
 * caseworker or a system: one row per participant shown). The ids go as one parameter, so the
 * statement's text is the same for 1 or 50 of them.
 */
export async function recordAuditForEach(tx: Transaction | Database, entry: Omit<AuditEntry, "participantId">, participantIds: readonly string[]) {
  if (participantIds.length === 0) return;
  await tx.execute(sql`
    insert into ${auditEvents} (actor_person_id, participant_id, action, details, request_id)
    select ${entry.actorPersonId}::uuid, participant_id, ${entry.action}, ${JSON.stringify(entry.details ?? {})}::jsonb, ${entry.requestId ?? null}
    from unnest(${uuidList(participantIds.join(","))}) as participant_id`);
}

/**
 * The audit rows about one participant whose action starts with one of `prefixes` ("relatives.")
 * or is one of `actions`, newest first, each with its actor's name (for the participant's log).
 */
export async function listAuditEvents(participantId: string, match: { prefixes?: string[]; actions?: string[] }, limit = 300) {
  const database = await db();
  return database
    .select({
      id: auditEvents.id,
      occurredAt: auditEvents.occurredAt,
      action: auditEvents.action,
      actorPersonId: auditEvents.actorPersonId,
      firstName: persons.firstName,
      lastName: persons.lastName,
      details: auditEvents.details,
    })
    .from(auditEvents)
    .leftJoin(persons, eq(persons.id, auditEvents.actorPersonId))
    .where(
      and(
        eq(auditEvents.participantId, participantId),
        or(
          ...(match.prefixes ?? []).map((prefix) => like(auditEvents.action, `${prefix}%`)),
          match.actions?.length ? inArray(auditEvents.action, match.actions) : undefined,
        ),
      ),
    )
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(limit);
}
