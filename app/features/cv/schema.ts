import { z } from "~/lib/zod";
import { currentMonthValue, meansNow, parsePartialDate, partialDateValue, storePartialDate } from "./partial-date";
import { parseHours } from "./hours";
import { versionNumber } from "~/components/form/schemas";
import type { WishesInput } from "./commands.server";
import {
  ACCOMMODATIONS_MAX,
  ADDRESS_MAX,
  AREAS_MAX,
  DETAILS_MAX,
  FIELDS_MAX,
  ORGANISATION_MAX,
  SUMMARY_MAX,
  TITLE_MAX,
  type SectionConfig,
} from "./sections";

// Messages are translation keys in the "cv" namespace.

/** Line breaks stored as one character (browsers send CRLF), surrounding space trimmed. */
const clean = (value: string) => value.replace(/\r\n?/g, "\n").trim();

const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .optional()
    .default("")
    .transform(clean)
    .refine((value) => value.length <= max, { message: tooLong });

const checkbox = z
  .string()
  .optional()
  .transform((value) => value === "on" || value === "true");

const field = z.string().optional().default("").transform(clean);

/**
 * The form for one CV entry, shaped by its section. `now` decides what "the future" is.
 * Every field is read as text first and all checks run in one place, so the person sees every
 * problem at once (an object refinement would be skipped while any field had an error).
 */
export function entrySchema(section: SectionConfig, now = new Date()) {
  return z
    .object({
      entryKind: field,
      title: field,
      organisation: field,
      from: field,
      to: field,
      ongoing: checkbox,
      details: field,
      level: field,
      category: field,
      version: versionNumber().optional(),
      submissionId: z.uuid().optional(),
    })
    // "nu" or "now" typed in "Til" means the same as ticking "Jeg er her stadig".
    .transform((value) => (meansNow(value.to) ? { ...value, to: "", ongoing: true } : value))
    .superRefine((value, context) => {
      const issue = (path: string, message: string) => context.addIssue({ code: "custom", path: [path], message });
      if (section.kinds.length > 1 && !section.kinds.includes(value.entryKind as never)) issue("entryKind", "errors.kindRequired");
      if (!value.title) issue("title", `sections.${section.key}.errors.titleRequired`);
      else if (value.title.length > TITLE_MAX) issue("title", "errors.titleTooLong");
      if (section.dated && value.organisation.length > ORGANISATION_MAX) issue("organisation", "errors.organisationTooLong");
      if (section.details && value.details.length > DETAILS_MAX) issue("details", "errors.detailsTooLong");
      if (section.levels) {
        if (value.level && !section.levels.includes(value.level)) issue("level", "errors.levelRequired");
        else if (!value.level && section.key === "languages") issue("level", "errors.levelRequired");
      }
      if (section.categories && !section.categories.includes(value.category as never)) issue("category", "errors.categoryRequired");
      if (!section.dated) return;

      const from = value.from ? parsePartialDate(value.from, now) : null;
      const to = value.to && !value.ongoing ? parsePartialDate(value.to, now) : null;
      const thisMonth = currentMonthValue(now);
      if (!value.from) issue("from", "errors.fromRequired");
      else if (!from) issue("from", "errors.dateFormat");
      if (!value.ongoing) {
        if (!value.to) issue("to", "errors.toRequired");
        else if (!to) issue("to", "errors.dateFormat");
      }
      if (from && !value.ongoing && partialDateValue(from, "start") > thisMonth) issue("from", "errors.fromFuture");
      if (from && to && partialDateValue(to, "end") < partialDateValue(from, "start")) issue("to", "errors.toBeforeFrom");
      else if (to && partialDateValue(to, "start") > thisMonth) issue("to", "errors.toFuture");
    })
    .transform((value) => {
      const from = section.dated && value.from ? parsePartialDate(value.from, now) : null;
      const to = section.dated && value.to && !value.ongoing ? parsePartialDate(value.to, now) : null;
      return {
        kind: (section.kinds.length > 1 ? value.entryKind : section.kinds[0]) as SectionConfig["kinds"][number],
        title: value.title,
        organisation: section.dated && value.organisation ? value.organisation : null,
        fromText: from ? storePartialDate(from) : null,
        toText: to ? storePartialDate(to) : null,
        isOngoing: section.dated ? value.ongoing : false,
        details: section.details && value.details ? value.details : null,
        level: section.levels && value.level ? value.level : null,
        category: section.categories ? (value.category as "professional" | "personal") : null,
        version: value.version,
        submissionId: value.submissionId ?? null,
      };
    });
}

export type EntryInput = z.output<ReturnType<typeof entrySchema>>;

export const summarySchema = z.object({
  summary: optionalText(SUMMARY_MAX, "about.errors.tooLong"),
  version: versionNumber(),
});

export const contactSchema = z.object({
  showEmail: checkbox,
  showPhone: checkbox,
  showAddress: checkbox,
  address: optionalText(ADDRESS_MAX, "contact.errors.addressTooLong"),
  version: versionNumber(),
});

export const commuteOptions = ["15", "30", "45", "60", "90"] as const;

export const wishesSchema = z.object({
  fields: optionalText(FIELDS_MAX, "wishes.errors.fieldsTooLong"),
  /** "20", "10-15", "10 til 15", "ca. 20", "op til 20 timer": read by `parseHours` into a range. */
  hoursPerWeek: z
    .string()
    .optional()
    .default("")
    .transform((value) => value.trim())
    .transform((value, context) => {
      if (!value) return null;
      const hours = parseHours(value);
      if (hours === "too-many") context.addIssue({ code: "custom", message: "wishes.errors.hoursTooMany" });
      else if (!hours) context.addIssue({ code: "custom", message: "wishes.errors.hoursFormat" });
      return hours && hours !== "too-many" ? hours : null;
    }),
  commute: z.enum(commuteOptions).optional(),
  areas: optionalText(AREAS_MAX, "wishes.errors.areasTooLong"),
  accommodations: optionalText(ACCOMMODATIONS_MAX, "wishes.errors.accommodationsTooLong"),
  showAccommodations: checkbox,
  version: versionNumber(),
});

/** The work wishes as saved: fields split, hours as a range, empty text as null. */
export function toWishesInput(value: z.output<typeof wishesSchema>): WishesInput {
  return {
    fields: splitFields(value.fields),
    hoursPerWeek: value.hoursPerWeek?.min ?? null,
    hoursPerWeekMax: value.hoursPerWeek?.max ?? null,
    maxCommuteMinutes: value.commute ? Number(value.commute) : null,
    areas: value.areas || null,
    accommodations: value.accommodations || null,
    showAccommodationsOnCv: value.showAccommodations,
  };
}

/** "Butik, lager\nKantine" -> ["Butik", "lager", "Kantine"]: one kind of work per line or comma. */
export function splitFields(text: string): string[] {
  return text
    .split(/[\n,;]+/)
    .map((part) => part.trim())
    .filter(Boolean)
    .slice(0, 20);
}

/** "Del med min sagsbehandler": the skånehensyn box and the fingerprint of what the page showed. */
export const shareSchema = z.object({
  shareAccommodations: checkbox,
  seen: z.string().regex(/^[0-9a-f]{32}$/),
});

/** A button on /cv/opgaver: save, "Ja, slet" after asking, or "Flyt op/ned" and "Slet" on row N. */
export type TaskIntent =
  | { kind: "save" }
  | { kind: "confirm-delete" }
  | { kind: "move"; direction: "up" | "down"; index: number }
  | { kind: "ask-delete"; index: number };

/** "up-2" -> move row 2 up; anything unknown saves (Enter in a text field sends no intent). */
function taskIntent(value: string): TaskIntent {
  if (value === "confirm-delete") return { kind: "confirm-delete" };
  const row = /^(up|down|delete)-(\d+)$/.exec(value);
  if (!row) return { kind: "save" };
  const index = Number(row[2]);
  return row[1] === "delete" ? { kind: "ask-delete", index } : { kind: "move", direction: row[1] as "up" | "down", index };
}

/**
 * The task list form: the texts as posted (line breaks and spaces tidied; blank ones are dropped
 * on save), the list version it was loaded with (see taskListVersion; anything else matches no
 * list), and for "Ja, slet" the row and the text that was asked about.
 */
export const tasksSchema = z.object({
  intent: z.string().optional().default("save").transform(taskIntent),
  task: z
    .array(z.string().optional().default(""))
    .optional()
    .default([])
    .transform((texts) => texts.map((text) => text.replace(/\s+/g, " ").trim())),
  version: z
    .string()
    .optional()
    .transform((value) => (value && /^[A-Za-z0-9_-]{22}$/.test(value) ? value : "")),
  index: z
    .string()
    .optional()
    .transform((value) => Number(value ?? null)),
  text: z.string().optional().default(""),
});

export type TasksForm = z.output<typeof tasksSchema>;

/** The buttons of a section page (/cv/:section): on one entry, or "Tilføj de valgte". */
export const sectionIntents = ["move-up", "move-down", "delete", "undo", "add-suggestions"] as const;
export type SectionIntent = (typeof sectionIntents)[number];

export const sectionActionSchema = z.object({
  /** null: a button this page does not have. */
  intent: z
    .string()
    .optional()
    .transform((value) => ((sectionIntents as readonly string[]).includes(value ?? "") ? (value as SectionIntent) : null)),
  entryId: z.string().optional().default(""),
  suggestion: z.array(z.string()).optional().default([]),
});

export type SectionAction = z.output<typeof sectionActionSchema>;

/** The button of an edit form: save, or "Behold det gemte" after a conflict (no other field is read). */
export const editIntentSchema = z.object({ intent: z.enum(["save", "keep-saved"]).optional().default("save") });

/** The order of an entry form's fields: the error summary lists problems in it. */
export const entryFieldOrder = ["entryKind", "title", "organisation", "from", "to", "level", "category", "details"];
/** The limit each "too long" message of an entry names. */
export const entryMaxByMessage: Record<string, number> = {
  "errors.titleTooLong": TITLE_MAX,
  "errors.organisationTooLong": ORGANISATION_MAX,
  "errors.detailsTooLong": DETAILS_MAX,
};

/** The order of the work wishes' fields: the error summary lists problems in it. */
export const wishesFieldOrder = ["fields", "hoursPerWeek", "commute", "areas", "accommodations"];
/** The limit each "too long" message of the work wishes names. */
export const wishesMaxByMessage: Record<string, number> = {
  "wishes.errors.fieldsTooLong": FIELDS_MAX,
  "wishes.errors.areasTooLong": AREAS_MAX,
  "wishes.errors.accommodationsTooLong": ACCOMMODATIONS_MAX,
};
