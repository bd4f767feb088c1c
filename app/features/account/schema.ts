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
