import { Link } from "~/components/ui/Link";
import type { Route } from "./routes/+types/preparation";
import { PageTitle } from "~/components/layout/PageTitle";
import { useFormatWhen } from "~/features/appointments";
import { BringSection, ShareTag, StatusTag, type ShareKind } from "./components";
import { MunicipalityNote } from "./MunicipalityNote";
import { CHECK_SLUG, STEP_COUNT } from "./parts";
import { usePreparationText } from "./setting";

/** What "Tjek og del" shows in the list: whether everything written is shared with the caseworker. */
function checkState(parts: { key: string; status: string; share: ShareKind }[]): ShareKind {
  const written = parts.filter((part) => part.key !== "about_meeting" && part.status !== "not_started");
  if (written.length === 0 || written.every((part) => part.share === "not_shared")) return "not_shared";
  return written.some((part) => part.share !== "shared") ? "changed" : "shared";
}

/**
 * /forberedelse: the task list of nine steps, each with its status, the meeting's time, and the
 * municipality's own words. The texts follow its setting (with or without a team, setting.ts).
 */
export function TaskListPage({ loaderData }: Route.ComponentProps) {
  const { t, context } = usePreparationText();
  const formatWhen = useFormatWhen();
  const { parts, meeting } = loaderData;
  const done = parts.filter((part) => part.status === "done").length;
  const check = checkState(parts);

  return (
    <>
      <PageTitle title={t("title")} />
      {loaderData.savedKey ? (
        <div className="notice" role="status">
          <p>{t("taskList.savedLater", { part: t(`parts.${loaderData.savedKey}.title`) })}</p>
        </div>
      ) : null}
      <h1 tabIndex={-1}>{t("title")}</h1>
      <p className="lead">{t("taskList.intro")}</p>
      <p>{t("taskList.why")}</p>
      {meeting ? (
        <p>
          {t("taskList.meetingOn", { when: formatWhen(new Date(meeting.startsAt)) })}{" "}
          <Link to={`/moeder/${meeting.id}`}>{t("taskList.meetingLink")}</Link>
        </p>
      ) : (
        <div className="notice">
          <p>{t("taskList.noMeeting")}</p>
        </div>
      )}
      <p className="meta">{t("taskList.onlyYou")}</p>
      <MunicipalityNote />

      <h2 id="parts-heading">{t("taskList.listHeading")}</h2>
      <p>{t("taskList.progress", { done, total: parts.length })}</p>
      <ol className="prep-task-list-items" aria-labelledby="parts-heading">
        {parts.map((part, index) => (
          <li key={part.key} className="prep-task-item">
            <div className="prep-task-item__name">
              <Link to={`/forberedelse/${part.slug}`} aria-describedby={`status-${part.slug}`} className="prep-task-item__link">
                <span className="prep-task-item__number">{index + 1}. </span>
                {t(`parts.${part.key}.title`)}
              </Link>
              <p className="prep-task-item__hint">{t(`parts.${part.key}.short`)}</p>
            </div>
            <div className="prep-task-item__status">
              <StatusTag status={part.status} id={`status-${part.slug}`} />
            </div>
          </li>
        ))}
        <li className="prep-task-item">
          <div className="prep-task-item__name">
            <Link to={`/forberedelse/${CHECK_SLUG}`} aria-describedby="status-check" className="prep-task-item__link">
              <span className="prep-task-item__number">{STEP_COUNT}. </span>
              {t("check.title")}
            </Link>
            <p className="prep-task-item__hint">{t("taskList.checkHint")}</p>
          </div>
          <div className="prep-task-item__status">
            <ShareTag kind={check} id="status-check" />
          </div>
        </li>
      </ol>

      <BringSection context={context} />
    </>
  );
}
