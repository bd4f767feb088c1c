import { z } from "~/lib/zod";

/** The demo sign-in form. Messages are translation keys (account namespace). */
export const demoSignInSchema = z.object({
  person: z
    .string({ error: "signIn.personRequired" })
    .trim()
    .min(1, "signIn.personRequired")
    .max(40, "signIn.personUnknown")
    .regex(/^[a-z0-9_-]+$/, "signIn.personUnknown"),
});

/** The sign-out form: `reason=timeout` when the session-timeout warning ran out. */
const signOutSchema = z.object({ reason: z.enum(["timeout"]).optional() });

/** Whether the person was signed out because the session timed out; any other body (or none) is a plain sign-out. */
export function isTimeoutSignOut(formData: FormData | null): boolean {
  const parsed = signOutSchema.safeParse({ reason: formData?.get("reason") ?? undefined });
  return parsed.success && parsed.data.reason === "timeout";
}
