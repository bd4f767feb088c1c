import { CASE_SYSTEM_READS } from "~/features/api";
import { MY_DATA_LOG_ACTIONS, myDataLogKey } from "~/features/my-data";
import type { AccessLogEntry } from "./queries.server";

type Translate = (key: string, options?: Record<string, unknown>) => string;

const KNOWN = ["invited", "accepted", "declined", "confirmed", "rejected", "withdrawn", "ended", "viewed", "changed", "resent", "commented", "comment_deleted"];
const PAGES = ["home", "plan", "appointments", "appointment", "preparation", "cv", "network", "messages", "conversation", "list"];
/** Pages the caseworker's briefing may name; anything else is shown without a page. */
const CASEWORKER_PAGES = ["briefing", "plan", "appointments", "preparation", "cv", "network", "list"];
const PARTS = ["education_work", "resources", "challenges", "abilities", "wishes", "network", "questions"];

/**
 * Who did it, as "Hvem har set mine oplysninger" says it: "Dig", "Din sagsbehandler" (never a
 * caseworker's name), "Kommunens sagssystem (…)", or the relative's own name. `t` is the
 * relatives namespace's.
 */
export function accessLogWho(entry: AccessLogEntry, t: Translate): string {
  if (entry.bySystem) {
    return entry.bySystem.municipalityName ? t("log.caseSystemOf", { municipality: entry.bySystem.municipalityName }) : t("log.caseSystem");
  }
  if (entry.byCaseworker) return t("log.caseworker");
  if (entry.byParticipant) return t("log.you");
  return entry.actorName ?? t("log.unknown");
}

/** What they did or saw, in the same words (the page, the part, the grant's real name). */
export function accessLogWhat(entry: AccessLogEntry, t: Translate): string {
  if (entry.bySystem) {
    const what = (CASE_SYSTEM_READS as readonly string[]).includes(entry.details.what ?? "") ? entry.details.what : "other";
    return t(`log.caseSystemRead.${what}`);
  }
  if (entry.action === "caseworker.conversation_viewed") {
    return t(entry.details.page === "inbox" ? "log.caseworkerInbox" : "log.caseworkerConversation");
  }
  if (entry.byCaseworker) {
    const page = entry.details.page;
    return `${t("log.caseworkerViewed")}${page && CASEWORKER_PAGES.includes(page) ? ` (${t(`log.caseworkerPages.${page}`)})` : ""}`;
  }
  if ((MY_DATA_LOG_ACTIONS as readonly string[]).includes(entry.action)) {
    return t(`my-data:${myDataLogKey(entry.action, entry.details.format)}`);
  }
  const verb = entry.action.replace(/^relatives\./, "");
  if (!KNOWN.includes(verb)) return t("log.other");
  if (verb === "viewed") {
    const page = PAGES.includes(entry.details.page ?? "") ? entry.details.page : "home";
    return t("log.viewed", { page: t(`log.pages.${page}`) });
  }
  if (verb === "commented" || verb === "comment_deleted") {
    const part = PARTS.includes(entry.details.part ?? "") ? t(`preparation:parts.${entry.details.part}.title`) : t("log.pages.preparation");
    return t(`log.${verb}`, { part });
  }
  // The real account's name once someone answered; the typed name only as "invited as ...".
  const invitedAs = entry.details.invitedAs ? ` (${t("log.invitedAs", { name: entry.details.invitedAs })})` : "";
  return `${t(`log.${verb}`, { name: entry.details.grantName ?? "" })}${invitedAs}`;
}
