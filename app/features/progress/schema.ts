import { z } from "~/lib/zod";
import { freeText, normaliseText, versionNumber } from "~/components/form/schemas";
import { ACTIVITIES, ENERGY_LEVELS, FACTORS, LEVELS, LIMITS, type Factor } from "./levels";

/** Interpolation values for every limit message, so one translate function serves every field. */
export const limitValues = {
  noteMax: LIMITS.factorNote,
  textMax: LIMITS.longText,
  diaryNoteMax: LIMITS.diaryNote,
  lineMax: LIMITS.signLine,
  linesMax: LIMITS.signLines,
  signTextMax: LIMITS.signText,
};

/** A radio group that may be left out: nothing chosen is `undefined`. */
const optionalLevel = z.enum(LEVELS, { message: "progress:answers.errors.level" }).optional();
const note = (factor: Factor) => freeText(LIMITS.factorNote, `progress:factors.${factor}.noteTooLong`);

/**
 * The month's answers. Every question may be left out, but not all of them: an empty set says
 * nothing, so the page asks for one answer or a few words.
 */
export const answersSchema = z
  .object({
    energy: optionalLevel,
    energyNote: note("energy"),
    sleep: optionalLevel,
    sleepNote: note("sleep"),
    company: optionalLevel,
    companyNote: note("company"),
    outdoors: optionalLevel,
    outdoorsNote: note("outdoors"),
    workBelief: optionalLevel,
    workBeliefNote: note("workBelief"),
    whatHelps: freeText(LIMITS.longText, "progress:whatHelps.tooLong"),
    somethingElse: freeText(LIMITS.longText, "progress:somethingElse.tooLong"),
    /** The version the form was loaded with; 0 when nothing was saved this month. */
    version: versionNumber().optional().default(0),
  })
  .superRefine((value, context) => {
    const anything =
      FACTORS.some((factor) => value[factor] !== undefined || value[`${factor}Note`] !== "") || value.whatHelps !== "" || value.somethingElse !== "";
    if (!anything) context.addIssue({ code: "custom", path: ["energy"], message: "progress:answers.errors.empty" });
  });

export type AnswersInput = z.output<typeof answersSchema>;
export type AnswerFields = Omit<AnswersInput, "version">;

/** The form's fields in page order (for the error summary). */
export const ANSWER_FIELDS = [...FACTORS.flatMap((factor) => [factor, `${factor}Note`]), "whatHelps", "somethingElse"];

export const noteField = (factor: Factor) => `${factor}Note` as const;

/** A checkbox group posts nothing, one value, or several. */
const activities = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
  .pipe(z.array(z.enum(ACTIVITIES, { message: "progress:diary.errors.activity" })))
  .transform((values) => ACTIVITIES.filter((activity) => values.includes(activity)));

/** One day in the energy diary. Which days may be written is checked against today by the action. */
export const diarySchema = z.object({
  day: z.string({ message: "progress:diary.errors.day" }).regex(/^\d{4}-\d{2}-\d{2}$/, { message: "progress:diary.errors.day" }),
  energy: z.enum(ENERGY_LEVELS, { message: "progress:diary.errors.energyRequired" }),
  activities,
  note: freeText(LIMITS.diaryNote, "progress:diary.errors.noteTooLong"),
  version: versionNumber().optional().default(0),
});

export type DiaryInput = z.output<typeof diarySchema>;
export const DIARY_FIELDS = ["energy", "activities", "note"];

/** A list typed one item a line: empty lines dropped, each line trimmed. */
function signList(prefix: "warningSigns" | "strategies") {
  return freeText(LIMITS.signText, `progress:signs.errors.${prefix}TooLong`)
    .transform((text) =>
      normaliseText(text)
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .refine((lines) => lines.length <= LIMITS.signLines, { message: `progress:signs.errors.${prefix}TooMany` })
    .refine((lines) => lines.every((line) => line.length <= LIMITS.signLine), { message: `progress:signs.errors.${prefix}LineTooLong` });
}

/** "Mine tegn og mine strategier": the two lists. */
export const signsSchema = z.object({
  intent: z.literal("save").optional().default("save"),
  warningSigns: signList("warningSigns"),
  strategies: signList("strategies"),
  version: versionNumber().optional().default(0),
});

export type SignsInput = z.output<typeof signsSchema>;
export const SIGN_FIELDS = ["warningSigns", "strategies"];

/** One switch: share with the caseworker, or stop. */
export const shareSchema = z.object({ intent: z.enum(["share", "stop-sharing"]) });

/** The choice "Ingen påmindelse" on the reminder page. */
export const NO_REMINDER = "none";

/** "Hvilken dag i måneden?": 1-28, so the day is in every month; or no reminder at all (null). */
export const reminderSchema = z.object({
  reminderDay: z.union([
    z.literal(NO_REMINDER).transform(() => null),
    z.coerce
      .number({ message: "progress:reminder.errors.day" })
      .int({ message: "progress:reminder.errors.day" })
      .min(1, { message: "progress:reminder.errors.day" })
      .max(28, { message: "progress:reminder.errors.day" }),
  ]),
});

/** What a redirect may ask a page to say (`?gemt=`); anything else says nothing. */
export const progressNotice = z.enum(["svar", "dag", "ingen-dag"]).nullable().catch(null);
export const setNotice = z.enum(["delt", "stoppet"]).nullable().catch(null);
export const diaryNotice = z.enum(["1"]).nullable().catch(null);
export const signsNotice = z.enum(["gemt", "delt", "stoppet"]).nullable().catch(null);
