import { z } from "~/lib/zod";
import { versionNumber } from "~/components/form/schemas";

/** Limits, stated next to each field before the person reaches them. */
export const TITLE_MAX = 200;
export const WHY_MAX = 1000;
export const SHORT_MAX = 200;
export const DETAIL_MAX = 1000;
export const REASON_MAX = 1000;

export const proposalKinds = ["sub_goal", "activity"] as const;
export type ProposalKind = (typeof proposalKinds)[number];
export const proposalStatuses = ["waiting", "accepted", "changed", "declined", "withdrawn"] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];

/**
 * A free text: line breaks stored as one character (browsers send CRLF), surrounding space
 * trimmed, then checked. Messages are translation keys in the "proposals" namespace.
 */
const text = (messages: { required?: string; tooLong: string }, max: number) =>
  z
    .string()
    .optional()
    .default("")
    .transform((value) => value.replace(/\r\n?/g, "\n").trim())
    .superRefine((value, context) => {
      if (messages.required && value.length === 0) context.addIssue({ code: "custom", message: messages.required });
      if (value.length > max) context.addIssue({ code: "custom", message: messages.tooLong });
    });

/** /min-plan/forslag/ny: what she proposes, in her own words. Only "what" is required. */
export const proposalSchema = z.object({
  kind: z.enum(proposalKinds, { error: "form.errors.kind" }),
  title: text({ required: "form.errors.title", tooLong: "form.errors.titleTooLong" }, TITLE_MAX),
  why: text({ tooLong: "form.errors.whyTooLong" }, WHY_MAX),
  whenText: text({ tooLong: "form.errors.whenTooLong" }, SHORT_MAX),
  howMuch: text({ tooLong: "form.errors.howMuchTooLong" }, SHORT_MAX),
  submissionId: z.uuid().optional(),
});
export type ProposalInput = z.output<typeof proposalSchema>;

/** "Træk forslaget tilbage" on /min-plan/forslag. */
export const withdrawSchema = z.object({
  intent: z.literal("withdraw"),
  proposalId: z.uuid(),
  version: versionNumber(1),
});

/** The caseworker's "Tag med i planen": the words as they go into the plan (hers, or changed). */
export const acceptSchema = z.object({
  intent: z.literal("accept"),
  planTitle: text({ required: "decide.errors.planTitle", tooLong: "decide.errors.planTitleTooLong" }, TITLE_MAX),
  planDetail: text({ tooLong: "decide.errors.planDetailTooLong" }, DETAIL_MAX),
  version: versionNumber(1),
});

/** The caseworker's "Tag ikke med": a reason is required, and she reads it. */
export const declineSchema = z.object({
  intent: z.literal("decline"),
  reason: text({ required: "decide.errors.reason", tooLong: "decide.errors.reasonTooLong" }, REASON_MAX),
  version: versionNumber(1),
});

/** `?gemt=` after a redirect on /min-plan/forslag. */
export const savedNotices = ["sendt", "trukket"] as const;
export type SavedNotice = (typeof savedNotices)[number];
export function parseSaved(url: URL): SavedNotice | null {
  const saved = z.enum(savedNotices).safeParse(url.searchParams.get("gemt"));
  return saved.success ? saved.data : null;
}

/**
 * The plan's words from her proposal as she wrote it: the title, and a detail made of why, when
 * and how much (the jobcentre's plan is written in Danish, so the labels are Danish).
 */
export function wordsAsWritten(proposal: { title: string; why: string | null; whenText: string | null; howMuch: string | null }) {
  const lines = [
    proposal.why,
    proposal.whenText ? `Hvornår: ${proposal.whenText}` : null,
    proposal.howMuch ? `Hvor meget: ${proposal.howMuch}` : null,
  ].filter((line): line is string => Boolean(line));
  return { title: proposal.title, detail: lines.join("\n") };
}
