import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect, useNavigation } from "react-router";
import type { Route } from "./+types/relatives-shared-preparation-part";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { TextareaField } from "~/components/form/TextareaField";
import { PageTitle } from "~/components/layout/PageTitle";
import { useFormatWhen } from "~/features/appointments";
import { isWritable, PartAnswers, partBySlug, REMARK_MAX, REMARKS_PER_PART_MAX, remarkSchema, StatusTag, type WritablePartKey } from "~/features/preparation";
import { addRemark, deleteRemark, getPart, listOwnRemarks } from "~/features/preparation/index.server";
import { openSharedView } from "~/features/relatives/access.server";
import { usePossessive } from "~/features/relatives/components";
import { participantName } from "~/features/relatives/queries.server";
import { notFound } from "~/lib/auth.server";
import { parseSubmission } from "~/components/form/submission.server";
import { requestIdOf } from "~/lib/request.server";

function writablePart(slug: string | undefined) {
  const part = partBySlug(slug);
  if (!part || !isWritable(part)) throw notFound();
  return part as typeof part & { key: WritablePartKey };
}

/**
 * One part of the participant's preparation, read-only, with the relative's own remarks
 * ("Jonas' bemærkninger"). With the comment right the relative can add a remark and delete their
 * own; that is the only thing a relative can ever write. The participant decides whether a remark
 * goes along to the caseworker.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const part = writablePart(params.part);
  const { user, grant, participantId, viewed } = await openSharedView(request, params.participantId, "preparation", "preparation", context);
  const person = await participantName(participantId);
  if (!person) throw notFound();
  const [state, remarks] = await Promise.all([getPart(participantId, part.key), listOwnRemarks(participantId, user.personId)]);
  await viewed();
  const notice = new URL(request.url).searchParams.get("besked");
  return {
    participantId,
    firstName: person.firstName,
    key: part.key,
    slug: part.slug,
    status: state.status,
    answers: state.status === "not_started" ? {} : state.answers,
    tasks: state.status === "not_started" ? [] : state.tasks,
    mayComment: grant.mayComment,
    remarks: remarks
      .filter((remark) => remark.partKey === part.key)
      .map((remark) => ({ id: remark.id, body: remark.body, createdAt: remark.createdAt })),
    notice: notice === "gemt" || notice === "slettet" ? notice : null,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const part = writablePart(params.part);
  // Access again, on this request: an active grant with the preparation scope AND the comment right.
  const { user, grant, participantId } = await openSharedView(request, params.participantId, "preparation", "preparation", context);
  if (!grant.mayComment) throw notFound();
  const actor = {
    personId: user.personId,
    participantId,
    grantId: grant.id,
    requestId: requestIdOf(context),
  };
  const here = `/hjaelper/${participantId}/forberedelse/${part.slug}`;
  const formData = await request.formData();
  if (formData.get("intent") === "delete") {
    const result = await deleteRemark(actor, String(formData.get("commentId") ?? ""));
    if (result === "not_found") throw notFound();
    return redirect(`${here}?besked=slettet#bemaerkninger`);
  }
  const submission = parseSubmission(formData, { schema: remarkSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const result = await addRemark(actor, part.key, submission.value.body);
  if (result.status === "not_started") throw notFound();
  if (result.status === "too_many") {
    return data({ result: submission.reply({ fieldErrors: { body: ["remarks.errors.tooMany"] } }) }, { status: 400 });
  }
  return redirect(`${here}?besked=gemt#bemaerkninger`);
}

export default function SharedPreparationPartPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("relatives");
  const { t: tp } = useTranslation("preparation");
  const owner = usePossessive();
  const formatWhen = useFormatWhen();
  const navigation = useNavigation();
  const { participantId, firstName, key, status, answers, tasks, mayComment, remarks, notice } = loaderData;
  const [form, fields] = useForm({
    id: "remark",
    lastResult: navigation.state === "idle" ? actionData?.result : null,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: remarkSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
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
        <PartAnswers partKey={key} answers={answers} tasks={tasks} emptyText={tp("check.empty")} />
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
          <Form method="post" {...getFormProps(form)} key={remarks.map((remark) => remark.id).join(",")} noValidate className="relatives-remark-form">
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
