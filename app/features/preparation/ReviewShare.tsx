import { Form } from "react-router";
import { PageTitle } from "~/components/layout/PageTitle";
import { possessiveName } from "~/lib/addressee";
import { PartAnswers, PartSection } from "./components";
import { CHECK_SLUG, STEP_COUNT } from "./parts";
import type { RemarkView } from "./remarks";
import { usePreparationText } from "./setting";
import type { ReviewPart } from "./share";

/**
 * Step 2, "Tjek hvad du deler": exactly what the caseworker will read for each ticked part (the
 * answers as they are now, the work tasks, and relatives' remarks the person let go along), and
 * only then the share button. Works the same with and without JavaScript.
 */
export function ReviewShare({ parts, tasks, remarks }: { parts: ReviewPart[]; tasks: string[]; remarks: RemarkView[] }) {
  const { t, i18n, context } = usePreparationText();
  const title = t("review.title");
  return (
    <>
      <PageTitle title={title} />
      <p className="prep-caption">{t("form.stepOf", { step: STEP_COUNT, total: STEP_COUNT })}</p>
      <h1 tabIndex={-1} data-focus-on-load="">
        {title}
      </h1>
      <p className="lead">{t("review.intro", { count: parts.length })}</p>
      {parts.map((part) => {
        const going = remarks.filter((remark) => remark.partKey === part.key && remark.includeWhenShared);
        return (
          <PartSection key={part.key} part={part} headingId={`review-${part.slug}`} context={context}>
            {part.status === "in_progress" ? <p className="meta">{t("review.inProgress")}</p> : null}
            <PartAnswers partKey={part.key} answers={part.answers} tasks={tasks} emptyText={t("review.empty")} context={context} />
            {going.length > 0 ? (
              <div className="prep-review-remarks">
                <h3>{t("review.remarksHeading")}</h3>
                <ul className="plain-list">
                  {going.map((remark) => (
                    <li key={remark.id}>
                      <p className="meta">{t("review.remarkBy", { owner: possessiveName(remark.authorFirstName, i18n.language) })}</p>
                      <blockquote className="own-words pre-wrap-text">
                        <p>{remark.body}</p>
                      </blockquote>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </PartSection>
        );
      })}
      <section aria-labelledby="review-share-heading" className="panel prep-share">
        <h2 id="review-share-heading">{t("review.shareHeading")}</h2>
        <p>{t("review.onlyThese")}</p>
        <p>{t("check.shareWho")}</p>
        <p>{t("review.withdrawLater")}</p>
        <Form method="post" action={`/forberedelse/${CHECK_SLUG}`}>
          {parts.map((part) => (
            <span key={part.key}>
              <input type="hidden" name="parts" value={part.key} />
              <input type="hidden" name={`seen.${part.key}`} value={part.version} />
            </span>
          ))}
          <div className="button-group">
            <button type="submit" name="intent" value="share" className="button">
              {t("check.shareButton")}
            </button>
            <button type="submit" name="intent" value="change" className="button button--secondary">
              {t("review.change")}
            </button>
          </div>
        </Form>
      </section>
    </>
  );
}
