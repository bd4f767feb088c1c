import { and, asc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import { db, type Transaction } from "../../../db/client";
import { cvEntries, cvProfiles, workWishes } from "../../../db/schema/cv";
import { recordAudit } from "~/lib/audit.server";
import { type CvEntry, getCv, readVisibility } from "./queries.server";
import type { EntryInput } from "./schema";
import type { WorkWishes } from "./document";
import { cvSnapshot, reviewFingerprint, type ShareChoices } from "./snapshot.server";
import { type CvEntryKind, type SectionConfig, UNDO_MINUTES } from "./sections";
import type { Actor } from "~/lib/actor.server";

/** Who is acting: always taken from the session, never from a form. */
export type { Actor };

type EntryContent = Pick<
  EntryInput,
  "kind" | "title" | "organisation" | "fromText" | "toText" | "isOngoing" | "details" | "level" | "category"
>;

function content(input: EntryContent): EntryContent {
  return {
    kind: input.kind,
    title: input.title,
    organisation: input.organisation,
    fromText: input.fromText,
    toText: input.toText,
    isOngoing: input.isOngoing,
    details: input.details,
    level: input.level,
    category: input.category,
  };
}

const sameContent = (a: EntryContent, b: EntryContent) => JSON.stringify(content(a)) === JSON.stringify(content(b));

/**
 * Adds an entry at the end of its section. The form's one-time `submissionId` makes a double
 * submit store one row: the second send finds the first one's row.
 */
export async function createEntry(actor: Actor, section: SectionConfig, input: EntryInput): Promise<{ id: string }> {
  const database = await db();
  return database.transaction(async (tx) => {
    if (input.submissionId) {
      const [existing] = await tx
        .select({ id: cvEntries.id, participantId: cvEntries.participantId })
        .from(cvEntries)
        .where(eq(cvEntries.submissionId, input.submissionId));
      if (existing && existing.participantId === actor.participantId) return { id: existing.id };
    }
    const [last] = await tx
      .select({ max: sql<number>`coalesce(max(${cvEntries.sortOrder}), 0)::int` })
      .from(cvEntries)
      .where(and(eq(cvEntries.participantId, actor.participantId), inArray(cvEntries.kind, [...section.kinds])));
    const [row] = await tx
      .insert(cvEntries)
      .values({
        ...content(input),
        participantId: actor.participantId,
        sortOrder: (last?.max ?? 0) + 1,
        submissionId: input.submissionId,
      })
      .onConflictDoNothing()
      .returning({ id: cvEntries.id });
    if (!row) {
      // Two sends of the same form at the same moment: the other one stored it.
      const [other] = await tx.select({ id: cvEntries.id }).from(cvEntries).where(eq(cvEntries.submissionId, input.submissionId!));
      return { id: other!.id };
    }
    await recordAudit(tx, {
      actorPersonId: actor.personId,
      participantId: actor.participantId,
      action: "cv.entry_created",
      details: { entryId: row.id, kind: input.kind },
      requestId: actor.requestId ?? null,
    });
    return row;
  });
}

/** Ready-made suggestions ticked on a section page; titles the person already has are skipped. */
export async function addSuggestedEntries(
  actor: Actor,
  section: SectionConfig,
  items: { title: string; category: "professional" | "personal" | null }[],
): Promise<number> {
  const database = await db();
  return database.transaction(async (tx) => {
    const existing = await tx
      .select({ title: cvEntries.title, sortOrder: cvEntries.sortOrder })
      .from(cvEntries)
      .where(
        and(eq(cvEntries.participantId, actor.participantId), inArray(cvEntries.kind, [...section.kinds]), isNull(cvEntries.deletedAt)),
      );
    const have = new Set(existing.map((row) => row.title.toLocaleLowerCase("da")));
    const fresh = items.filter((item) => !have.has(item.title.toLocaleLowerCase("da")));
    if (fresh.length === 0) return 0;
    let order = Math.max(0, ...existing.map((row) => row.sortOrder));
    await tx.insert(cvEntries).values(
      fresh.map((item) => ({
        participantId: actor.participantId,
        kind: section.kinds[0]!,
        title: item.title,
        category: item.category,
        sortOrder: ++order,
      })),
    );
    await recordAudit(tx, {
      actorPersonId: actor.personId,
      participantId: actor.participantId,
      action: "cv.entries_suggested_added",
      details: { kind: section.kinds[0], count: fresh.length },
      requestId: actor.requestId ?? null,
    });
    return fresh.length;
  });
}

export type UpdateEntryResult =
  | { status: "saved" }
  | { status: "unchanged" }
  | { status: "missing" }
  | { status: "conflict"; saved: CvEntry };

/** Saves an edit if nobody changed the entry since the form was loaded (`loadedVersion`). */
export async function updateEntry(actor: Actor, entryId: string, input: EntryInput, loadedVersion: number): Promise<UpdateEntryResult> {
  const database = await db();
  return database.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(cvEntries)
      .where(and(eq(cvEntries.id, entryId), eq(cvEntries.participantId, actor.participantId), isNull(cvEntries.deletedAt)));
    if (!current) return { status: "missing" };
    if (sameContent(current, input)) return { status: "unchanged" };
    const [updated] = await tx
      .update(cvEntries)
      .set({ ...content(input), version: sql`${cvEntries.version} + 1`, updatedAt: new Date() })
      .where(and(eq(cvEntries.id, entryId), eq(cvEntries.version, loadedVersion)))
      .returning({ id: cvEntries.id });
    if (!updated) return { status: "conflict", saved: current as CvEntry };
    await recordAudit(tx, {
      actorPersonId: actor.personId,
      participantId: actor.participantId,
      action: "cv.entry_updated",
      details: { entryId, kind: input.kind },
      requestId: actor.requestId ?? null,
    });
    return { status: "saved" };
  });
}

/** "Flyt op" / "Flyt ned": swaps the entry with its neighbour in the section and renumbers. */
export async function moveEntry(actor: Actor, section: SectionConfig, entryId: string, direction: "up" | "down"): Promise<boolean> {
  const database = await db();
  return database.transaction(async (tx) => {
    const rows = await tx
      .select({ id: cvEntries.id })
      .from(cvEntries)
      .where(
        and(eq(cvEntries.participantId, actor.participantId), inArray(cvEntries.kind, [...section.kinds]), isNull(cvEntries.deletedAt)),
      )
      .orderBy(asc(cvEntries.sortOrder), asc(cvEntries.createdAt))
      .for("update");
    const index = rows.findIndex((row) => row.id === entryId);
    if (index < 0) return false;
    const target = direction === "up" ? index - 1 : index + 1;
    if (target < 0 || target >= rows.length) return true;
    [rows[index], rows[target]] = [rows[target]!, rows[index]!];
    for (const [position, row] of rows.entries()) {
      await tx.update(cvEntries).set({ sortOrder: position + 1 }).where(eq(cvEntries.id, row.id));
    }
    await recordAudit(tx, {
      actorPersonId: actor.personId,
      participantId: actor.participantId,
      action: "cv.entry_moved",
      details: { entryId, direction },
      requestId: actor.requestId ?? null,
    });
    return true;
  });
}

/** Soft delete: the entry leaves the CV at once and can be brought back for UNDO_MINUTES. */
export async function deleteEntry(actor: Actor, entryId: string, now = new Date()): Promise<{ kind: CvEntryKind } | null> {
  const database = await db();
  return database.transaction(async (tx) => {
    const [row] = await tx
      .update(cvEntries)
      .set({ deletedAt: now })
      .where(and(eq(cvEntries.id, entryId), eq(cvEntries.participantId, actor.participantId), isNull(cvEntries.deletedAt)))
      .returning({ kind: cvEntries.kind });
    if (!row) return null;
    await recordAudit(tx, {
      actorPersonId: actor.personId,
      participantId: actor.participantId,
      action: "cv.entry_deleted",
      details: { entryId, kind: row.kind },
      requestId: actor.requestId ?? null,
    });
    return row;
  });
}

/** "Fortryd": brings a deleted entry back to where it was, within UNDO_MINUTES. */
export async function undoDeleteEntry(actor: Actor, entryId: string, now = new Date()): Promise<boolean> {
  const database = await db();
  return database.transaction(async (tx) => {
    const [row] = await tx
      .update(cvEntries)
      .set({ deletedAt: null, updatedAt: now })
      .where(
        and(
          eq(cvEntries.id, entryId),
          eq(cvEntries.participantId, actor.participantId),
          gt(cvEntries.deletedAt, new Date(now.getTime() - UNDO_MINUTES * 60_000)),
        ),
      )
      .returning({ kind: cvEntries.kind });
    if (!row) return false;
    await recordAudit(tx, {
      actorPersonId: actor.personId,
      participantId: actor.participantId,
      action: "cv.entry_restored",
      details: { entryId, kind: row.kind },
      requestId: actor.requestId ?? null,
    });
    return true;
  });
}

/** The profile row, made on first write with version 0 (what a form shows when there is none). */
async function ensureProfile(tx: Transaction, participantId: string) {
  await tx.insert(cvProfiles).values({ participantId, version: 0 }).onConflictDoNothing();
}

export type SaveSummaryResult =
  | { status: "saved" }
  | { status: "unchanged" }
  | { status: "conflict"; saved: string; savedVersion: number; savedAt: Date };

/** "Kort om mig", with the same optimistic lock as the own goal in the plan. */
export async function saveSummary(actor: Actor, summary: string, loadedVersion: number): Promise<SaveSummaryResult> {
  const database = await db();
  return database.transaction(async (tx) => {
    await ensureProfile(tx, actor.participantId);
    const [current] = await tx.select().from(cvProfiles).where(eq(cvProfiles.participantId, actor.participantId));
    if ((current?.summary ?? "") === summary) return { status: "unchanged" };
    const [updated] = await tx
      .update(cvProfiles)
      .set({ summary, version: sql`${cvProfiles.version} + 1`, updatedAt: new Date() })
      .where(and(eq(cvProfiles.participantId, actor.participantId), eq(cvProfiles.version, loadedVersion)))
      .returning({ version: cvProfiles.version });
    if (!updated) {
      // Read again: the save that won may have committed while this one waited for the row.
      const [latest] = await tx.select().from(cvProfiles).where(eq(cvProfiles.participantId, actor.participantId));
      return { status: "conflict", saved: latest?.summary ?? "", savedVersion: latest!.version, savedAt: latest!.updatedAt };
    }
    await recordAudit(tx, {
      actorPersonId: actor.personId,
      participantId: actor.participantId,
      action: "cv.summary_saved",
      requestId: actor.requestId ?? null,
    });
    return { status: "saved" };
  });
}

export interface ContactInput {
  showEmail: boolean;
  showPhone: boolean;
  showAddress: boolean;
  address: string;
}

export type SaveContactResult =
  | { status: "saved" }
  | { status: "unchanged" }
  | { status: "conflict"; saved: ContactInput; savedVersion: number };

/**
 * Which contact details the CV shows, and the address as the person wants it written. Saved only
 * if nobody saved the profile since the form was loaded (`loadedVersion`; the profile's one
 * version, shared with "Kort om mig"): a stale form overwrites nothing. Every form passes a
 * version; only code that is not answering a form (seeding, tests) may leave it out.
 */
export async function saveContact(actor: Actor, input: ContactInput, loadedVersion?: number): Promise<SaveContactResult> {
  const database = await db();
  return database.transaction(async (tx) => {
    await ensureProfile(tx, actor.participantId);
    const [current] = await tx.select().from(cvProfiles).where(eq(cvProfiles.participantId, actor.participantId));
    const shown = readVisibility(current!.contactVisibility);
    const saved: ContactInput = { showEmail: shown.email, showPhone: shown.phone, showAddress: shown.address, address: current!.address ?? "" };
    // The very same choices again (a double submit, or an older form): nothing to change.
    if (JSON.stringify(saved) === JSON.stringify({ ...input, address: input.address || "" })) return { status: "unchanged" };
    const [updated] = await tx
      .update(cvProfiles)
      .set({
        contactVisibility: { email: input.showEmail, phone: input.showPhone, address: input.showAddress },
        address: input.address || null,
        version: sql`${cvProfiles.version} + 1`,
        updatedAt: new Date(),
      })
      .where(
        and(
          eq(cvProfiles.participantId, actor.participantId),
          loadedVersion === undefined ? undefined : eq(cvProfiles.version, loadedVersion),
        ),
      )
      .returning({ version: cvProfiles.version });
    if (!updated) {
      // Read again: the save that won may have committed while this one waited for the row.
      const [latest] = await tx.select().from(cvProfiles).where(eq(cvProfiles.participantId, actor.participantId));
      const visible = readVisibility(latest!.contactVisibility);
      return {
        status: "conflict",
        saved: { showEmail: visible.email, showPhone: visible.phone, showAddress: visible.address, address: latest!.address ?? "" },
        savedVersion: latest!.version,
      };
    }
    await recordAudit(tx, {
      actorPersonId: actor.personId,
      participantId: actor.participantId,
      action: "cv.contact_saved",
      details: { email: input.showEmail, phone: input.showPhone, address: input.showAddress },
      requestId: actor.requestId ?? null,
    });
    return { status: "saved" };
  });
}

export interface WishesInput extends WorkWishes {
  showAccommodationsOnCv: boolean;
}

export type SaveWishesResult = { status: "saved" } | { status: "unchanged" } | { status: "conflict"; saved: WishesInput; savedVersion: number };

/** Jobønsker. Skånehensyn reach the caseworker only when shared with them, the CV only when chosen. */
export async function saveWishes(actor: Actor, input: WishesInput, loadedVersion: number): Promise<SaveWishesResult> {
  const database = await db();
  return database.transaction(async (tx) => {
    await tx.insert(workWishes).values({ participantId: actor.participantId, version: 0 }).onConflictDoNothing();
    const [current] = await tx.select().from(workWishes).where(eq(workWishes.participantId, actor.participantId));
    const saved: WishesInput = {
      fields: current!.fields,
      hoursPerWeek: current!.hoursPerWeek,
      hoursPerWeekMax: current!.hoursPerWeekMax,
      maxCommuteMinutes: current!.maxCommuteMinutes,
      areas: current!.areas,
      accommodations: current!.accommodations,
      showAccommodationsOnCv: current!.showAccommodationsOnCv,
    };
    if (JSON.stringify(saved) === JSON.stringify(input)) return { status: "unchanged" };
    const [updated] = await tx
      .update(workWishes)
      .set({ ...input, version: sql`${workWishes.version} + 1`, updatedAt: new Date() })
      .where(and(eq(workWishes.participantId, actor.participantId), eq(workWishes.version, loadedVersion)))
      .returning({ version: workWishes.version });
    if (!updated) return { status: "conflict", saved, savedVersion: current!.version };
    await recordAudit(tx, {
      actorPersonId: actor.personId,
      participantId: actor.participantId,
      action: "cv.work_wishes_saved",
      details: { showAccommodationsOnCv: input.showAccommodationsOnCv },
      requestId: actor.requestId ?? null,
    });
    return { status: "saved" };
  });
}

export type ShareResult = { status: "shared"; sharedAt: Date } | { status: "changed" };

/**
 * "Del med min sagsbehandler": stamps cv_profiles.shared_at and, in the same transaction, stores
 * what the caseworker may see from now on (`shared_snapshot`, see snapshot.server.ts). The
 * caseworker views read only the snapshot: later edits reach the caseworker when shared again.
 * `choices` are what the person ticked on the share page; `seen` is the fingerprint of what that
 * page showed: when the CV changed in between, nothing is shared ("changed").
 */
export async function shareCv(actor: Actor, choices: ShareChoices, seen?: string, now = new Date()): Promise<ShareResult> {
  const database = await db();
  return database.transaction(async (tx) => {
    await ensureProfile(tx, actor.participantId);
    // Lock the profile first: a second "Del" at the same moment waits and stores its own snapshot.
    await tx.select({ id: cvProfiles.participantId }).from(cvProfiles).where(eq(cvProfiles.participantId, actor.participantId)).for("update");
    const cv = await getCv(actor.participantId, tx);
    if (seen !== undefined && reviewFingerprint(cv) !== seen) return { status: "changed" };
    const snapshot = cvSnapshot(cv, choices);
    await tx
      .update(cvProfiles)
      .set({ sharedAt: now, sharedSnapshot: snapshot })
      .where(eq(cvProfiles.participantId, actor.participantId));
    await recordAudit(tx, {
      actorPersonId: actor.personId,
      participantId: actor.participantId,
      action: "cv.shared",
      details: { accommodations: snapshot.work_wishes.accommodations_shared },
      requestId: actor.requestId ?? null,
    });
    return { status: "shared", sharedAt: now };
  });
}
