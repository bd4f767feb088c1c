import { z } from "~/lib/zod";

/**
 * "Jonas' bemærkninger": a relative's own remarks on a part of the preparation. Shared by the
 * browser and the server. Messages are translation keys in the "relatives" namespace.
 */
export const REMARK_MAX = 1000;
/** A relative can write at most this many remarks on one part (they can delete and write again). */
export const REMARKS_PER_PART_MAX = 20;

export const remarkSchema = z.object({
  body: z
    .string({ error: "remarks.errors.required" })
    .transform((value) => value.replace(/\r\n?/g, "\n").trim())
    .superRefine((value, context) => {
      if (value.length === 0) context.addIssue({ code: "custom", message: "remarks.errors.required" });
      else if (value.length > REMARK_MAX) context.addIssue({ code: "custom", message: "remarks.errors.tooLong" });
      // eslint-disable-next-line no-control-regex
      else if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(value)) context.addIssue({ code: "custom", message: "remarks.errors.invalid" });
    }),
});

/** A remark as the pages show it: the author by first name only, the text shown as text. */
export interface RemarkView {
  id: string;
  partKey: string;
  body: string;
  createdAt: Date;
  authorFirstName: string;
  includeWhenShared: boolean;
}
