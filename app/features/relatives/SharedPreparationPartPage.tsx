import { getFormProps, useForm } from "@conform-to/react";
import type { z } from "~/lib/zod";
import { useTranslation } from "~/lib/i18n/react";
import { Form } from "react-router";
import { Link } from "~/components/ui/Link";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { TextareaField } from "~/components/form/TextareaField";
import { PageTitle } from "~/components/layout/PageTitle";
import { useFormatWhen } from "~/features/appointments";
import { PartAnswers, preparationContext, REMARK_MAX, REMARKS_PER_PART_MAX, remarkSchema, StatusTag } from "~/features/preparation";
import { useMunicipality } from "~/lib/municipality";
import { usePossessive } from "./components";
import type { Route } from "./routes/+types/relatives-shared-preparation-part";

/** One part of the preparation, read-only, with the relative's own remarks and (with the comment right) the form for a new one. */
export function SharedPreparationPartPage({ loaderData, actionData }: Pick<Route.ComponentProps, "loaderData" | "actionData">) {
  const { t } = useTranslation("relatives");
  const { t: tp } = useTranslation("preparation");
  // The helped person's municipality (the root's data on /hjaelper/<id>): with or without a team.
  const municipality = useMunicipality();
  const owner = usePossessive();
  const formatWhen = useFormatWhen();
  const { participantId, firstName, key, status, answers, tasks, mayComment, remarks, notice } = loaderData;
  const [form, fields] = useForm<z.input<typeof remarkSchema>>({
    id: "remark",
    lastResult: actionData?.result,
  });
  const partTitle = tp(`parts.${key}.title`);
  const errorKey = fields.body.errors?.[0];
  const error = errorKey ? t(errorKey, { max: REMARK_MAX, count: REMARKS_PER_PART_MAX }) : undefined;
  const typed = actionData?.result?.initialValue as Record<string, unknown> | undefined;
  const title = t("shared.preparationPartTitle", { owner: owner(firstName), part: partTitle });
  return (
    <>
      <PageTitle title={title} hasErrors={Boolean(error)} />
      <p className="back-link">
        <Link to={`/hjaelper/${participantId}/forberedelse`}>{t("shared.backToPreparation", { owner: owner(firstName) })}</Link>
      </p>
      <ErrorSummary errors={error ? [{ fieldId: "body", message: error }] : []} />
      {notice && !actionData ? (
        <div className="notice" role="status">
          <p>{t(`remarks.notice.${notice}`, { name: firstName })}</p>
        </div>
      ) : null}
      <p className="prep-caption">{t("shared.preparationCaption", { owner: owner(firstName) })}</p>
      <h1 tabIndex={-1}>{partTitle}</h1>
      <p className="tags">
        <StatusTag status={status} />
      </p>
      {status === "not_started" ? (
        <p>{t("shared.partNotStarted", { name: firstName })}</p>
      ) : (
        <PartAnswers context={preparationContext(municipality)} partKey={key} answers={answers} tasks={tasks} emptyText={tp("check.empty")} />
      )}

      <section aria-labelledby="bemaerkninger" className="relatives-remarks">
        <h2 id="bemaerkninger" tabIndex={-1}>
          {t("remarks.yourHeading")}
        </h2>
        <p>{t("remarks.whoReads", { name: firstName })}</p>
        {remarks.length === 0 ? (
          <p className="meta">{t("remarks.noneYet")}</p>
        ) : (
          <ul className="plain-list relatives-remarks__list">
            {remarks.map((remark) => (
              <li key={remark.id} className="card relatives-remark">
                <p className="meta">{t("remarks.writtenAt", { when: formatWhen(new Date(remark.createdAt)) })}</p>
                <p className="pre-wrap-text">{remark.body}</p>
                {mayComment ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="delete" />
                    <input type="hidden" name="commentId" value={remark.id} />
                    <button type="submit" className="button button--secondary">
                      {t("remarks.delete")}
                      <span className="visually-hidden"> {t("remarks.deleteHidden", { when: formatWhen(new Date(remark.createdAt)) })}</span>
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {mayComment && status !== "not_started" ? (
          <Form method="post" {...getFormProps(form)} noValidate className="relatives-remark-form">
            <TextareaField
              id="body"
              name="body"
              label={t("remarks.label", { part: partTitle })}
              hint={t("remarks.hint", { name: firstName })}
              maxLength={REMARK_MAX}
              rows={5}
              defaultValue={typeof typed?.body === "string" ? typed.body : ""}
              error={error}
            />
            <button type="submit" className="button">
              {t("remarks.save")}
            </button>
          </Form>
        ) : null}
      </section>
    </>
  );
}
