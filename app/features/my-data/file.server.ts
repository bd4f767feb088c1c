import { requestIdOf, type RequestContext } from "~/lib/request.server";
import { languageOf } from "~/lib/i18n/i18n.server";
import { createI18n } from "~/lib/i18n/instance";
import { resources } from "~/lib/i18n/resources.server";
import { unitWordsOf } from "~/lib/municipality.server";
import { copenhagenDay } from "~/lib/dates";
import type { CurrentUser } from "~/lib/auth.server";
import { recordDownload } from "./commands.server";
import { buildExport } from "./export.server";

/**
 * The export of the session's own person in the request's language (with her municipality's
 * words), and the line in her log that she downloaded it. Both downloads go through here.
 */
export async function exportForDownload(context: RequestContext, user: CurrentUser, format: "pdf" | "json", now = new Date()) {
  const language = languageOf(context);
  const i18n = createI18n(language, resources[language], unitWordsOf(user.participant?.municipalityKey, language));
  const t = i18n.getFixedT(language, "my-data");
  const file = await buildExport(
    { personId: user.personId, participant: user.participant },
    { language, t, tRelatives: i18n.getFixedT(language, "relatives"), now },
  );
  await recordDownload({ personId: user.personId, participantId: user.participant?.id ?? null, requestId: requestIdOf(context) }, format);
  const filename = `${language === "da" ? "mine-data" : "my-data"}-${copenhagenDay(now)}.${format}`;
  return { file, language, t, filename };
}
