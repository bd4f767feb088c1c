import { and, asc, eq, sql } from "drizzle-orm";
import { db } from "../../../db/client";
import { persons } from "../../../db/schema/people";
import { preparationComments, preparationParts } from "../../../db/schema/preparation";
import { recordAudit } from "~/lib/audit.server";
import type { WritablePartKey } from "./parts";
import { REMARKS_PER_PART_MAX, type RemarkView } from "./remarks";
import { isUuid } from "~/lib/ids";
import type { Actor } from "~/lib/actor.server";


/**
 * Relatives' remarks on the preparation (`preparation_comments`). A relative writes them only
 * through their grant (the route checks `mayComment` and the preparation scope on every request);
 * the participant reads them all and decides per remark whether it goes along when the part is
 * shared with the caseworker (`include_when_shared`: the caseworker views read remarks where it
 * is true, on parts that are shared).
 */
async function select(participantId: string, authorPersonId?: string): Promise<RemarkView[]> {
  const database = await db();
  const rows = await database
    .select({
      id: preparationComments.id,
      partKey: preparationParts.part,
      body: preparationComments.body,
      createdAt: preparationComments.createdAt,
      authorFirstName: persons.firstName,
      includeWhenShared: preparationComments.includeWhenShared,
    })
    .from(preparationComments)
    .innerJoin(preparationParts, eq(preparationParts.id, preparationComments.preparationPartId))
    .innerJoin(persons, eq(persons.id, preparationComments.authorPersonId))
    .where(
      and(
        eq(preparationParts.participantId, participantId),
        authorPersonId ? eq(preparationComments.authorPersonId, authorPersonId) : undefined,
      ),
    )
    .orderBy(asc(preparationComments.createdAt), asc(preparationComments.id));
  return rows;
}

/** Every remark on the participant's preparation (for the participant's own pages). */
export function listRemarks(participantId: string): Promise<RemarkView[]> {
  return select(participantId);
}

/** The remarks this relative wrote on this participant's preparation (a relative never sees another's). */
export function listOwnRemarks(participantId: string, authorPersonId: string): Promise<RemarkView[]> {
  return select(participantId, authorPersonId);
}

export interface RelativeActor {
  personId: string;
  participantId: string;
  grantId: string;
  requestId: string | null;
}

export type AddRemarkResult = { status: "added"; id: string } | { status: "duplicate" } | { status: "not_started" } | { status: "too_many" };

/**
 * Adds a relative's remark to one part. Only a part the participant has started can carry remarks
 * (the relative never creates or changes the participant's own rows). The same text sent twice
 * within a minute (a double submit) is stored once. Audit: `relatives.commented`, never the text.
 */
export async function addRemark(actor: RelativeActor, key: WritablePartKey, body: string, now = new Date()): Promise<AddRemarkResult> {
  const database = await db();
  return database.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`remarks:${actor.participantId}:${actor.personId}`}))`);
    const [part] = await tx
      .select({ id: preparationParts.id, status: preparationParts.status })
      .from(preparationParts)
      .where(and(eq(preparationParts.participantId, actor.participantId), eq(preparationParts.part, key)));
    if (!part || part.status === "not_started") return { status: "not_started" } as const;
    const existing = await tx
      .select({ id: preparationComments.id, body: preparationComments.body, createdAt: preparationComments.createdAt })
      .from(preparationComments)
      .where(and(eq(preparationComments.preparationPartId, part.id), eq(preparationComments.authorPersonId, actor.personId)));
    if (existing.some((remark) => remark.body === body && now.getTime() - remark.createdAt.getTime() < 60_000)) {
      return { status: "duplicate" } as const;
    }
    if (existing.length >= REMARKS_PER_PART_MAX) return { status: "too_many" } as const;
    const [row] = await tx
      .insert(preparationComments)
      .values({ preparationPartId: part.id, authorPersonId: actor.personId, body, includeWhenShared: false, createdAt: now })
      .returning({ id: preparationComments.id });
    await recordAudit(tx, {
      actorPersonId: actor.personId,
      participantId: actor.participantId,
      action: "relatives.commented",
      details: { grantId: actor.grantId, part: key, commentId: row!.id, page: "preparation" },
      requestId: actor.requestId,
    });
    return { status: "added", id: row!.id } as const;
  });
}

/** The relative deletes one of their own remarks (anyone else's id, or an unknown one, is "not_found"). */
export async function deleteRemark(actor: RelativeActor, commentId: string): Promise<"deleted" | "not_found"> {
  if (!isUuid(commentId)) return "not_found";
  const database = await db();
  return database.transaction(async (tx) => {
    const [found] = await tx
      .select({ id: preparationComments.id, part: preparationParts.part })
      .from(preparationComments)
      .innerJoin(preparationParts, eq(preparationParts.id, preparationComments.preparationPartId))
      .where(
        and(
          eq(preparationComments.id, commentId),
          eq(preparationComments.authorPersonId, actor.personId),
          eq(preparationParts.participantId, actor.participantId),
        ),
      );
    if (!found) return "not_found" as const;
    await tx.delete(preparationComments).where(eq(preparationComments.id, commentId));
    await recordAudit(tx, {
      actorPersonId: actor.personId,
      participantId: actor.participantId,
      action: "relatives.comment_deleted",
      details: { grantId: actor.grantId, part: found.part, commentId },
      requestId: actor.requestId,
    });
    return "deleted" as const;
  });
}

/**
 * The participant decides whether a remark goes along when the part is shared with the caseworker.
 * Stored on the remark itself (`include_when_shared`), so the caseworker's view follows the choice.
 */
export async function setRemarkIncluded(
  actor: Actor,
  commentId: string,
  include: boolean,
): Promise<{ status: "saved"; partKey: WritablePartKey } | { status: "not_found" }> {
  if (!isUuid(commentId)) return { status: "not_found" };
  const database = await db();
  return database.transaction(async (tx) => {
    const [found] = await tx
      .select({ id: preparationComments.id, part: preparationParts.part, include: preparationComments.includeWhenShared })
      .from(preparationComments)
      .innerJoin(preparationParts, eq(preparationParts.id, preparationComments.preparationPartId))
      .where(and(eq(preparationComments.id, commentId), eq(preparationParts.participantId, actor.participantId)))
      .for("update");
    if (!found) return { status: "not_found" } as const;
    const partKey = found.part as WritablePartKey;
    if (found.include === include) return { status: "saved", partKey } as const;
    await tx.update(preparationComments).set({ includeWhenShared: include }).where(eq(preparationComments.id, commentId));
    await recordAudit(tx, {
      actorPersonId: actor.personId,
      participantId: actor.participantId,
      action: "preparation.remark_included",
      details: { commentId, part: partKey, include },
      requestId: actor.requestId,
    });
    return { status: "saved", partKey } as const;
  });
}
