import { safeLocalPath } from "~/lib/safe-path";
import { z } from "~/lib/zod";
import { withoutShowAll } from "./scope";

/**
 * The switch (POST /hard-dag): "on" or "off" (anything else changes nothing) and a page on this
 * site to return to (anything else returns to the front page), without `?vis=alt`.
 */
const hardDaySwitchSchema = z.object({
  hardDay: z.enum(["on", "off"]).nullable().catch(null),
  returnTo: z.unknown().transform((value) => withoutShowAll(safeLocalPath(value))),
});

export function parseHardDaySwitch(formData: FormData) {
  return hardDaySwitchSchema.parse({ hardDay: formData.get("hardDay"), returnTo: formData.get("returnTo") });
}
