import type { Actor } from "~/lib/actor.server";
import { notFound } from "~/lib/auth.server";
import { addSuggestedEntries, createEntry, deleteEntry, moveEntry, undoDeleteEntry, updateEntry } from "./commands.server";
import { hasWorkGap } from "./gap";
import { findEntry, findUndoableEntry, isUuid, listEntries, type CvEntry } from "./queries.server";
import type { EntryInput, SectionAction } from "./schema";
import { isSectionSlug, sections, suggestionCategory, type SectionConfig } from "./sections";

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The section a URL names (/cv/erfaring ...); any other is 404. */
export function sectionOf(params: { section?: string }): SectionConfig {
  if (!isSectionSlug(params.section)) throw notFound();
  return sections[params.section];
}

/**
 * One of the participant's own entries in this section. Someone else's entry, a deleted one, or
 * one from another section does not exist here: 404.
 */
export async function ownEntry(participantId: string, section: SectionConfig, entryId: string | undefined): Promise<CvEntry> {
  const entry = await findEntry(participantId, entryId);
  if (!entry || !section.kinds.includes(entry.kind)) throw notFound();
  return entry;
}

/**
 * What a section page shows: its entries, the notice after a redirect (?slettet, ?gendannet,
 * ?gemt, ?flyttet, ?tilfoejet, ?for-sent), the work gap hint, and the suggestions the person does
 * not have yet (compared in their language; `translator` is asked only when there are any).
 */
export async function sectionPage(participantId: string, section: SectionConfig, url: URL, translator: () => Promise<{ t: Translate }>) {
  const all = await listEntries(participantId);
  const entries = all.filter((entry) => section.kinds.includes(entry.kind));
  const deleted = await findUndoableEntry(participantId, url.searchParams.get("slettet"));
  const restoredId = url.searchParams.get("gendannet");
  const savedId = url.searchParams.get("gemt");
  const titleOf = (id: string | null) => (id ? (entries.find((entry) => entry.id === id)?.title ?? null) : null);
  let suggestions: string[] = [];
  if (section.suggestions) {
    const { t } = await translator();
    const have = new Set(entries.map((entry) => entry.title.toLocaleLowerCase()));
    suggestions = section.suggestions.filter((key) => !have.has(t(`suggestions.${section.key}.${key}`).toLocaleLowerCase()));
  }
  return {
    slug: section.slug,
    entries,
    deleted: deleted && section.kinds.includes(deleted.kind) ? { id: deleted.id, title: deleted.title } : null,
    restored: titleOf(restoredId),
    saved: titleOf(savedId),
    moved: url.searchParams.get("flyttet"),
    added: url.searchParams.has("tilfoejet") ? Number(url.searchParams.get("tilfoejet")) || 0 : null,
    tooLate: url.searchParams.has("for-sent"),
    gap: section.key === "work" && hasWorkGap(all),
    suggestions,
  };
}

/** Where to go after a section page's button, or why it was refused (400). */
export type SectionOutcome = { to: string } | { error: "none" | "unknown" };

/**
 * A button on a section page. Each acts only on the participant's own entries in this section
 * (ownership checked here, from the actor, never from the form): anything else is 404.
 */
export async function changeSection(
  actor: Actor,
  section: SectionConfig,
  form: SectionAction,
  translator: () => Promise<{ t: Translate }>,
): Promise<SectionOutcome> {
  const { intent, entryId } = form;
  const base = `/cv/${section.slug}`;

  if (intent === "add-suggestions") {
    if (!section.suggestions) throw notFound();
    const valid = form.suggestion.filter((key) => section.suggestions!.includes(key));
    if (valid.length === 0) return { error: "none" };
    const { t } = await translator();
    const chosen = valid.map((key) => ({
      title: t(`suggestions.${section.key}.${key}`),
      category: section.categories ? suggestionCategory(key) : null,
    }));
    const added = await addSuggestedEntries(actor, section, chosen);
    return { to: `${base}?tilfoejet=${added}#cv-status` };
  }

  if (intent === "undo") {
    if (!isUuid(entryId)) throw notFound();
    const restored = await undoDeleteEntry(actor, entryId);
    return { to: restored ? `${base}?gendannet=${entryId}#cv-status` : `${base}?for-sent=1#cv-status` };
  }

  if (intent === "delete") {
    // A second "Ja, slet" (double submit) finds the entry already deleted: show the same page.
    const already = await findUndoableEntry(actor.participantId, entryId);
    if (already && section.kinds.includes(already.kind) && !(await findEntry(actor.participantId, entryId))) {
      return { to: `${base}?slettet=${already.id}#cv-status` };
    }
  }

  const entry = await ownEntry(actor.participantId, section, entryId);
  if (intent === "move-up" || intent === "move-down") {
    await moveEntry(actor, section, entry.id, intent === "move-up" ? "up" : "down");
    return { to: `${base}?flyttet=${entry.id}#punkt-${entry.id}` };
  }
  if (intent === "delete") {
    await deleteEntry(actor, entry.id);
    return { to: `${base}?slettet=${entry.id}#cv-status` };
  }
  return { error: "unknown" };
}

export type SaveEntryResult = { status: "saved"; id: string } | { status: "conflict"; saved: CvEntry };

/** A new entry (`existing` null) or a change to one of the participant's own (`ownEntry`). */
export async function saveEntry(actor: Actor, section: SectionConfig, existing: CvEntry | null, input: EntryInput): Promise<SaveEntryResult> {
  if (!existing) return { status: "saved", id: (await createEntry(actor, section, input)).id };
  const result = await updateEntry(actor, existing.id, input, input.version ?? -1);
  if (result.status === "missing") throw notFound();
  if (result.status === "conflict") return { status: "conflict", saved: result.saved };
  return { status: "saved", id: existing.id };
}
