import { useTranslation } from "~/lib/i18n/react";
import { Form } from "react-router";
import { Link } from "~/components/ui/Link";
import { PageTitle } from "~/components/layout/PageTitle";
import { SummaryList, SummaryRow } from "~/components/ui/SummaryList";
import { formatMoment } from "~/lib/dates";
import { Checkbox, CvFormButtons, StatusNotice } from "./components";
import { formatHours } from "./hours";
import { formatPeriod } from "./partial-date";
import { sections } from "./sections";
import type { CvSnapshot } from "./snapshot.server";

/** What /cv/del shows: the CV as the caseworker will read it, and whether to share the skånehensyn. */
export interface SharePageData {
  review: CvSnapshot;
  /** The fingerprint of what the page shows: sharing is refused if the CV changed meanwhile. */
  fingerprint: string;
  shareAccommodations: boolean;
  sharedAt: Date | null;
  recommendedTasks: number;
}

type Entry = CvSnapshot["entries"][number];

function EntryLine({ entry }: { entry: Entry }) {
  const { t, i18n } = useTranslation("cv");
  const period = formatPeriod({ fromText: entry.from_text, toText: entry.to_text, isOngoing: entry.is_ongoing }, i18n.language, t("now"));
  const level =
    entry.level && (entry.kind === "language" || entry.kind === "it_skill")
      ? t(`levels.${entry.kind === "language" ? "languages" : "it"}.${entry.level}`)
      : null;
  const meta = [
    entry.kind === "course" ? t("kinds.course") : null,
    entry.category ? t(`categories.${entry.category}`) : null,
    entry.organisation,
    period || null,
    level,
  ].filter(Boolean);
  return (
    <li>
      {entry.title}
      {meta.length ? <span className="meta"> ({meta.join(" · ")})</span> : null}
      {entry.details ? <p className="pre-wrap cv-share-review__details">{entry.details}</p> : null}
    </li>
  );
}

export function SharePage({ loaderData, actionData }: { loaderData: SharePageData; actionData?: { changed: boolean; shareAccommodations: boolean } }) {
  const { t, i18n } = useTranslation("cv");
  const { review, recommendedTasks } = loaderData;
  const changed = actionData?.changed;
  const wishes = review.work_wishes;
  const contact = [
    review.email ? `${t("doc.email")}: ${review.email}` : null,
    review.phone ? `${t("doc.phone")}: ${review.phone}` : null,
    review.address ? `${t("doc.address")}: ${review.address}` : null,
  ].filter((line) => line !== null);
  const filledSections = Object.values(sections).map((section) => ({
    key: section.key,
    entries: review.entries.filter((entry) => (section.kinds as readonly string[]).includes(entry.kind)),
  }));
  const hours = formatHours(wishes.hours_per_week, wishes.hours_per_week_max, t);
  const wishRows = [
    wishes.fields.length ? { label: t("doc.fields"), value: wishes.fields.join(", ") } : null,
    hours ? { label: t("doc.hours"), value: hours } : null,
    wishes.max_commute_minutes !== null ? { label: t("doc.commute"), value: t(`wishes.commute.${wishes.max_commute_minutes}`) } : null,
    wishes.areas ? { label: t("doc.areas"), value: wishes.areas } : null,
  ].filter((row) => row !== null);
  const empty = [
    review.summary.trim() ? null : "about",
    ...filledSections.filter((section) => section.entries.length === 0).map((section) => section.key),
    wishRows.length ? null : "wishes",
    wishes.task_suggestions.length ? null : "tasks",
  ].filter((key): key is string => key !== null);
  const shareAccommodations = actionData ? actionData.shareAccommodations : loaderData.shareAccommodations;

  return (
    <>
      <PageTitle title={t("sharePage.title")} />
      <p>
        <Link to="/cv" className="plan-back">
          {t("backToCv")}
        </Link>
      </p>
      <h1 tabIndex={-1}>{t("sharePage.title")}</h1>
      <p className="lead">{t("sharePage.intro")}</p>
      {changed ? (
        <StatusNotice warning>
          <p>{t("sharePage.changed")}</p>
        </StatusNotice>
      ) : null}
      <p>
        {loaderData.sharedAt
          ? t("share.last", { when: formatMoment(loaderData.sharedAt, i18n.language) })
          : t("share.never")}
      </p>

      <section className="panel cv-share-review" aria-labelledby="review-heading">
        <h2 id="review-heading">{t("sharePage.readsHeading")}</h2>
        <h3>{t("sharePage.nameAndContact")}</h3>
        <p>
          {review.first_name} {review.last_name}
        </p>
        {contact.length ? (
          <ul>
            {contact.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ) : (
          <p className="meta">{t("sharePage.onlyName")}</p>
        )}
        {review.summary.trim() ? (
          <>
            <h3>{t("parts.about")}</h3>
            <p className="pre-wrap">{review.summary}</p>
          </>
        ) : null}
        {filledSections
          .filter((section) => section.entries.length > 0)
          .map((section) => (
            <div key={section.key}>
              <h3>{t(`parts.${section.key}`)}</h3>
              <ul>
                {section.entries.map((entry) => (
                  <EntryLine key={entry.entry_id} entry={entry} />
                ))}
              </ul>
            </div>
          ))}
        {wishRows.length ? (
          <>
            <h3>{t("parts.wishes")}</h3>
            <SummaryList>
              {wishRows.map((row) => (
                <SummaryRow key={row.label} label={row.label}>
                  {row.value}
                </SummaryRow>
              ))}
            </SummaryList>
          </>
        ) : null}
        {wishes.task_suggestions.length ? (
          <>
            <h3>{t("parts.tasks")}</h3>
            <ul>
              {wishes.task_suggestions.map((task, index) => (
                <li key={index}>{task}</li>
              ))}
            </ul>
            {wishes.task_suggestions.length < recommendedTasks ? (
              <p className="meta">{t("sharePage.tasksTooFew", { count: wishes.task_suggestions.length, recommended: recommendedTasks })}</p>
            ) : null}
          </>
        ) : null}
        {empty.length ? (
          <>
            <h3>{t("sharePage.notFilledHeading")}</h3>
            <p>{t("sharePage.notFilled")}</p>
            <ul>
              {empty.map((key) => (
                <li key={key}>{t(`parts.${key}`)}</li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <Form method="post" action="/cv/del">
        <input type="hidden" name="seen" value={loaderData.fingerprint} />
        {wishes.accommodations ? (
          <section className="cv-share-accommodations" aria-labelledby="accommodations-heading">
            <h2 id="accommodations-heading">{t("sharePage.accommodationsHeading")}</h2>
            <p>{t("sharePage.accommodationsIntro")}</p>
            <blockquote className="pre-wrap cv-share-review__quote">{wishes.accommodations}</blockquote>
            <Checkbox
              // Drawn again when the answer changes, so a box is never left as the last page had it.
              key={String(shareAccommodations)}
              name="shareAccommodations"
              label={t("sharePage.accommodationsLabel")}
              hint={t("sharePage.accommodationsHint")}
              defaultChecked={shareAccommodations}
            />
          </section>
        ) : null}
        <CvFormButtons submit={loaderData.sharedAt ? t("share.again") : t("share.button")} cancel={t("sharePage.notNow")} />
      </Form>
    </>
  );
}
