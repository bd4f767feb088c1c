import { z } from "~/lib/zod";
import { CLOSENESS, HELP_KINDS, LIMITS, SECTORS, STANCES } from "./constants";
import { freeText, versionNumber } from "~/components/form/schemas";

/** Interpolation values for every limit message, so one translate function serves every field. */
export const limitValues = {
  nameMax: LIMITS.name,
  relationMax: LIMITS.relation,
  contactFrequencyMax: LIMITS.contactFrequency,
  noteMax: LIMITS.note,
};

/** A checkbox group posts nothing, one value, or several. */
const helpKinds = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) =>
    value === undefined ? [] : Array.isArray(value) ? value : [value],
  )
  .pipe(
    z.array(z.enum(HELP_KINDS, { message: "network:form.errors.helpKinds" })),
  )
  .transform((values) => HELP_KINDS.filter((kind) => values.includes(kind)));

/** One person in the network: the add and the edit form. */
export const personSchema = z.object({
  intent: z.enum(["save", "keep-saved"]).optional().default("save"),
  name: freeText(LIMITS.name, "network:form.errors.nameTooLong").refine(
    (value) => value.length > 0,
    {
      message: "network:form.errors.nameRequired",
    },
  ),
  relation: freeText(LIMITS.relation, "network:form.errors.relationTooLong"),
  sector: z.enum(SECTORS, { message: "network:form.errors.sectorRequired" }),
  closeness: z.enum(CLOSENESS, {
    message: "network:form.errors.closenessRequired",
  }),
  helpKinds,
  stance: z.enum(STANCES, { message: "network:form.errors.stanceRequired" }),
  contactFrequency: freeText(
    LIMITS.contactFrequency,
    "network:form.errors.contactFrequencyTooLong",
  ),
  note: freeText(LIMITS.note, "network:form.errors.noteTooLong"),
  wantedAtMeeting: z
    .string()
    .optional()
    .transform((value) => value === "on" || value === "true"),
  /** The version the person started from (edit form only). */
  version: versionNumber().optional().default(0),
});

export type PersonInput = z.output<typeof personSchema>;

export const PERSON_FIELDS = [
  "name",
  "relation",
  "sector",
  "closeness",
  "helpKinds",
  "stance",
  "contactFrequency",
  "note",
  "wantedAtMeeting",
] as const;

/**
 * The share switch on /netvaerk/del. `share` shares the map (names, relation, ring, help, contact,
 * meeting wish), with the judgement only when the separate `includeStance` box is ticked.
 * `share-stance` / `stop-stance` change only the judgement while the map is shared.
 */
export const shareSchema = z.object({
  intent: z.enum(["share", "stop-sharing", "share-stance", "stop-stance"]),
  includeStance: z
    .string()
    .optional()
    .transform((value) => value === "on" || value === "true"),
});

/** "Sammenlign": two snapshot ids, or "now" for the network as it is. */
export const compareSchema = z.object({
  from: z.string().optional(),
  to: z.string().optional(),
});

/** What a redirect after a save may ask /netvaerk to say (`?gemt=`); anything else says nothing. */
export const networkNotice = z.enum(["tilfoejet", "rettet", "fjernet", "uaendret"]).nullable().catch(null);
export type NetworkNotice = NonNullable<z.output<typeof networkNotice>>;

/** What a redirect after a switch may ask /netvaerk/del to say (`?gemt=`). */
export const shareNotice = z
  .enum(["delt", "stoppet", "vurdering-delt", "vurdering-stoppet", "uaendret"])
  .nullable()
  .catch(null);
export type ShareNotice = NonNullable<z.output<typeof shareNotice>>;

/** /netvaerk/tidligere after a save: `?gemt=1` (stored) or `?gemt=uaendret` (nothing had changed). */
export const snapshotNotice = z.enum(["1", "uaendret"]).nullable().catch(null);

/** "Gem, hvordan mit netværk ser ud nu" is the snapshot page's one form. */
export const snapshotActionSchema = z.object({ intent: z.literal("save-snapshot") });

/** "Behold det gemte" in the conflict panel of the edit form: nothing is written. */
export const keepSavedSchema = z.object({ intent: z.literal("keep-saved") });

/** The person's fields from a parsed form (without the form's own intent and version). */
export function personFields(
  value: PersonInput,
): Omit<PersonInput, "intent" | "version"> {
  return {
    name: value.name,
    relation: value.relation,
    sector: value.sector,
    closeness: value.closeness,
    helpKinds: value.helpKinds,
    stance: value.stance,
    contactFrequency: value.contactFrequency,
    note: value.note,
    wantedAtMeeting: value.wantedAtMeeting,
  };
}
