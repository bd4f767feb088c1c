import type { Transaction, Database } from "../../db/client";
import { auditEvents } from "../../db/schema";

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
