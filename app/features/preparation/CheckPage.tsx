import { Form } from "react-router";
import { Link } from "~/components/ui/Link";
import type { Route } from "./routes/+types/preparation-check";
import { ErrorSummary, type FieldError } from "~/components/form/ErrorSummary";
import { PageTitle } from "~/components/layout/PageTitle";
import { useFormatWhen } from "~/features/appointments";
import { BringSection, PartAnswers, PartSection, ShareTag } from "./components";
import { CHECK_SLUG, STEP_COUNT } from "./parts";
import { RemarkList } from "./RemarkList";
import { ReviewShare } from "./ReviewShare";
import { usePreparationText } from "./setting";
import type { ShareStep } from "./share";
import { WithdrawButton } from "./WithdrawButton";

/** "Tjek og del" (part 9): the boxes to choose what to share, or, after "Se, hvad du deler", the review. */
export function PreparationCheck({ loaderData, actionData }: Route.ComponentProps) {
  if (actionData?.step === "review") return <ReviewShare parts={actionData.parts} tasks={actionData.tasks} remarks={loaderData.remarks} />;
  return <CheckPage loaderData={loaderData} result={actionData} />;
}

function CheckPage({
  loaderData,
  result,
}: {
  loaderData: Route.ComponentProps["loaderData"];
  result: (ShareStep & { step: "choose" }) | undefined;
}) {
  const { t, context } = usePreparationText();
  const formatWhen = useFormatWhen();
  const { parts, tasks, choices } = loaderData;
  const error = result?.error ?? undefined;
  /** After "Ret mit valg" (or an error), the boxes are as the person ticked them; never ticked by us. */
  const ticked = new Set<string>(result?.chosen ?? []);
  const errors: FieldError[] = error
    ? [{ fieldId: error === "errors.chooseParts" && choices[0] ? `share-${choices[0].slug}` : "share-heading", message: t(error) }]
    : [];
  const title = t("check.title");

  return (
    <>
      <PageTitle title={title} hasErrors={errors.length > 0} />
      <p className="back-link">
        <Link to="/forberedelse">{t("form.back")}</Link>
      </p>
      <ErrorSummary errors={errors} />
      {loaderData.sharedCount !== null && !result ? (
        <div className="notice" role="status">
          <p>{t("check.shared", { count: loaderData.sharedCount })}</p>
        </div>
      ) : null}
      {loaderData.withdrawnKey && !result ? (
        <div className="notice" role="status">
          <p>{t("check.withdrawn", { part: t(`parts.${loaderData.withdrawnKey}.title`) })}</p>
        </div>
      ) : null}
      {loaderData.remarkChoice && !result ? (
        <div className="notice" role="status">
          <p>{t(`remarks.choice.${loaderData.remarkChoice}`)}</p>
        </div>
      ) : null}
      <p className="prep-caption">{t("form.stepOf", { step: STEP_COUNT, total: STEP_COUNT })}</p>
      <h1 tabIndex={-1}>{title}</h1>
      <p className="lead">{t("check.intro")}</p>

      {parts.map((part) => {
        const partTitle = t(`parts.${part.key}.title`);
        return (
          <PartSection
            key={part.key}
            part={part}
            headingId={`check-${part.slug}`}
            context={context}
            shareTag={part.key !== "about_meeting" && part.status !== "not_started" ? <ShareTag kind={part.share.kind} /> : null}
          >
            {part.key === "about_meeting" ? (
              <p>
                {part.status === "done" ? t("check.aboutRead") : t("check.aboutNotRead")}{" "}
                <Link to="/forberedelse/om-moedet">{t("check.aboutLink")}</Link>
              </p>
            ) : (
              <>
                {part.status === "not_started" ? (
                  <p>{t("check.notStarted")}</p>
                ) : (
                  <PartAnswers partKey={part.key} answers={part.answers} tasks={tasks} emptyText={t("check.empty")} context={context} />
                )}
                {part.share.kind === "shared" ? (
                  <p className="meta">{t("check.sharedAt", { when: formatWhen(new Date(part.share.sharedAt)) })}</p>
                ) : part.share.kind === "changed" ? (
                  <p className="meta">{t("check.changedText", { when: formatWhen(new Date(part.share.sharedAt)) })}</p>
                ) : part.status !== "not_started" ? (
                  <p className="meta">{t("check.notShared")}</p>
                ) : null}
                <RemarkList remarks={loaderData.remarks.filter((remark) => remark.partKey === part.key)} back={CHECK_SLUG} headingLevel={3} />
                <div className="button-group prep-check-part__actions">
                  <Link to={`/forberedelse/${part.slug}`} className="button button--secondary">
                    {t("check.change")}
                    <span className="visually-hidden"> {t("check.changeHidden", { part: partTitle })}</span>
                  </Link>
                  {part.share.kind !== "not_shared" ? <WithdrawButton slug={part.slug} title={partTitle} /> : null}
                </div>
              </>
            )}
          </PartSection>
        );
      })}

      <section aria-labelledby="share-heading" id="del" className="panel prep-share">
        <h2 id="share-heading" tabIndex={-1}>
          {t("check.shareHeading")}
        </h2>
        <p>{t("check.shareIntro")}</p>
        <p>{t("check.shareWho")}</p>
        <p className="meta">{loaderData.remarks.length === 0 ? t("check.relatives") : t("remarks.checkNote")}</p>
        {choices.length === 0 ? (
          <p>{t("check.nothingToShare")}</p>
        ) : (
          <Form method="post" action={`/forberedelse/${CHECK_SLUG}#del`}>
            <fieldset
              className={error === "errors.chooseParts" ? "field field--error fieldset" : "field fieldset"}
              aria-describedby={error === "errors.chooseParts" ? "share-hint share-error" : "share-hint"}
            >
              <legend className="fieldset__legend">{t("check.shareLegend")}</legend>
              <div id="share-hint" className="field__hint">
                {t("check.shareHint")}
              </div>
              {error === "errors.chooseParts" ? (
                <p id="share-error" className="error-message">
                  <span className="visually-hidden">{t("common:errorTitlePrefix")}</span>
                  {t(error)}
                </p>
              ) : null}
              <div className="prep-checkboxes">
                {choices.map((choice) => (
                  <div className="prep-checkboxes__item" key={choice.key}>
                    <input
                      className="prep-checkboxes__input"
                      type="checkbox"
                      id={`share-${choice.slug}`}
                      name="parts"
                      value={choice.key}
                      defaultChecked={choice.checked || ticked.has(choice.key)}
                      aria-describedby={`share-${choice.slug}-hint`}
                    />
                    <label className="prep-checkboxes__label" htmlFor={`share-${choice.slug}`}>
                      {t(`parts.${choice.key}.title`)}
                    </label>
                    <div id={`share-${choice.slug}-hint`} className="radios__hint">
                      {choice.status === "in_progress" ? t("check.choiceInProgress") : t("check.choiceDone")}
                      {choice.shareKind === "changed" ? ` ${t("check.choiceChanged")}` : ""}
                    </div>
                    <input type="hidden" name={`seen.${choice.key}`} value={choice.version} />
                  </div>
                ))}
              </div>
            </fieldset>
            <p>{t("check.reviewNext")}</p>
            <button type="submit" name="intent" value="review" className="button">
              {t("check.reviewButton")}
            </button>
          </Form>
        )}
      </section>

      <BringSection context={context} />
    </>
  );
}
