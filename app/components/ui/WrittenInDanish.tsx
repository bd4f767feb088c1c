import { useTranslation } from "~/lib/i18n/react";
import { possessiveName } from "~/lib/addressee";

/**
 * On a page in another language than Danish: the jobcentre's own words on it (plan, meetings)
 * stay as the caseworker wrote them, in Danish, and the page says so once, near the top
 * (issue 14, point 14). `participantName` when someone else reads about the participant.
 */
export function WrittenInDanish({ participantName }: { participantName?: string }) {
  const { t, i18n } = useTranslation();
  if (i18n.language === "da") return null;
  return (
    <p className="written-in-danish">
      {participantName
        ? t("writtenInDanish.byTheirCaseworker", { owner: possessiveName(participantName, i18n.language) })
        : t("writtenInDanish.byYourCaseworker")}
    </p>
  );
}
