import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect, useNavigation, useSubmit } from "react-router";
import type { Route } from "./+types/preparation-check";
import { ErrorSummary, type FieldError } from "~/components/form/ErrorSummary";
import { PageTitle } from "~/components/layout/PageTitle";
import { ConfirmDialog } from "~/components/ui/ConfirmDialog";
import { useFormatWhen } from "~/features/appointments/components";
import { shareParts } from "~/features/preparation/commands.server";
import { PartAnswers, ShareTag, StatusTag } from "~/features/preparation/components";
import { CHECK_SLUG, PARTS, STEP_COUNT, partBySlug, type PartKey, type WritablePartKey } from "~/features/preparation/parts";
import { getPreparation } from "~/features/preparation/queries.server";
import { RemarkList } from "~/features/preparation/RemarkList";
import { listRemarks } from "~/features/preparation/remarks.server";
import { requireParticipant } from "~/lib/auth.server";

const WRITABLE = PARTS.filter((part) => part.key !== "about_meeting").map((part) => part.key as WritablePartKey);

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireParticipant(request);
  const [preparation, remarks] = await Promise.all([getPreparation(user.participant.id), listRemarks(user.participant.id)]);
  const url = new URL(request.url);
  const remarkChoice = url.searchParams.get("bemaerkning");
  const sharedCount = url.searchParams.get("delt");
  const withdrawn = partBySlug(url.searchParams.get("trukket") ?? undefined);
  return {
    parts: preparation.parts,
    tasks: preparation.tasks,
    sharedCount: sharedCount && /^\d+$/.test(sharedCount) ? Number(sharedCount) : null,
    withdrawnKey: withdrawn?.key ?? null,
    remarks,
    remarkChoice: remarkChoice === "med" || remarkChoice === "ikke-med" ? remarkChoice : null,
  };
}

/** "Del med min sagsbehandler": shares the chosen parts as they are now. */
export async function action({ request, context }: Route.ActionArgs) {
  const user = await requireParticipant(request);
  const formData = await request.formData();
  const chosen = formData
    .getAll("parts")
    .map(String)
    .filter((key): key is WritablePartKey => (WRITABLE as string[]).includes(key));
  if (chosen.length === 0) return data({ error: "errors.chooseParts" as const }, { status: 400 });
  const seen: Partial<Record<PartKey, number>> = {};
  for (const key of chosen) {
    const value = formData.get(`seen.${key}`);
    if (typeof value === "string" && /^\d+$/.test(value)) seen[key] = Number(value);
  }
  const result = await shareParts(
    {
      personId: user.personId,
      participantId: user.participant.id,
      requestId: (context as { requestId?: string }).requestId ?? null,
    },
    chosen,
    seen,
  );
  if (result.status === "changed") return data({ error: "errors.changedWhileOpen" as const }, { status: 409 });
  return redirect(`/forberedelse/${CHECK_SLUG}?delt=${result.parts.length}#del`);
}

export default function PreparationCheckPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("preparation");
  const formatWhen = useFormatWhen();
  const navigation = useNavigation();
  const idle = navigation.state === "idle";
  const { parts, tasks } = loaderData;
  const shareable = parts.filter((part) => part.key !== "about_meeting" && part.status !== "not_started" && part.share.kind !== "shared");
  const error = idle ? actionData?.error : undefined;
  const errors: FieldError[] = error
    ? [{ fieldId: error === "errors.chooseParts" && shareable[0] ? `share-${shareable[0].slug}` : "share-heading", message: t(error) }]
    : [];
  const title = t("check.title");

  return (
    <>
      <PageTitle title={title} hasErrors={errors.length > 0} />
      <p className="back-link">
        <Link to="/forberedelse">{t("form.back")}</Link>
      </p>
      <ErrorSummary errors={errors} />
      {loaderData.sharedCount !== null && !actionData ? (
        <div className="notice" role="status">
          <p>{t("check.shared", { count: loaderData.sharedCount })}</p>
        </div>
      ) : null}
      {loaderData.withdrawnKey && !actionData ? (
        <div className="notice" role="status">
          <p>{t("check.withdrawn", { part: t(`parts.${loaderData.withdrawnKey}.title`) })}</p>
        </div>
      ) : null}
      {loaderData.remarkChoice && !actionData ? (
        <div className="notice" role="status">
          <p>{t(`remarks.choice.${loaderData.remarkChoice}`)}</p>
        </div>
      ) : null}
      <p className="prep-caption">{t("form.stepOf", { step: STEP_COUNT, total: STEP_COUNT })}</p>
      <h1 tabIndex={-1}>{title}</h1>
      <p className="lead">{t("check.intro")}</p>

      {parts.map((part) => {
        const partTitle = t(`parts.${part.key}.title`);
        const headingId = `check-${part.slug}`;
        return (
          <section key={part.key} className="prep-check-part" aria-labelledby={headingId}>
            <div className="prep-check-part__header">
              <h2 id={headingId}>{partTitle}</h2>
              <p className="prep-check-part__tags">
                <StatusTag status={part.status} />
                {part.key !== "about_meeting" && part.status !== "not_started" ? <ShareTag kind={part.share.kind} /> : null}
              </p>
            </div>
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
                  <PartAnswers partKey={part.key} answers={part.answers} tasks={tasks} emptyText={t("check.empty")} />
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
          </section>
        );
      })}

      <section aria-labelledby="share-heading" id="del" className="panel prep-share">
        <h2 id="share-heading" tabIndex={-1}>
          {t("check.shareHeading")}
        </h2>
        <p>{t("check.shareIntro")}</p>
        <p>{t("check.shareWho")}</p>
        <p className="meta">{loaderData.remarks.length === 0 ? t("check.relatives") : t("remarks.checkNote")}</p>
        {shareable.length === 0 ? (
          <p>{t("check.nothingToShare")}</p>
        ) : (
          <Form method="post">
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
                {shareable.map((part) => (
                  <div className="prep-checkboxes__item" key={part.key}>
                    <input
                      className="prep-checkboxes__input"
                      type="checkbox"
                      id={`share-${part.slug}`}
                      name="parts"
                      value={part.key}
                      defaultChecked={!error}
                    />
                    <label className="prep-checkboxes__label" htmlFor={`share-${part.slug}`}>
                      {t(`parts.${part.key}.title`)}
                    </label>
                    <input type="hidden" name={`seen.${part.key}`} value={part.version} />
                  </div>
                ))}
              </div>
            </fieldset>
            <button type="submit" className="button">
              {t("check.shareButton")}
            </button>
          </Form>
        )}
      </section>

      <section aria-labelledby="bring-heading">
        <h2 id="bring-heading">{t("taskList.bringHeading")}</h2>
        <ul className="plain-list prep-links">
          <li>
            <Link to="/forberedelse/udskriv">{t("taskList.printLink")}</Link>
          </li>
          <li>
            <a href="/forberedelse/forberedelse.pdf" download>
              {t("taskList.pdfLink")}
            </a>
          </li>
        </ul>
      </section>
    </>
  );
}

/**
 * "Træk tilbage": without JavaScript a link to a page that asks first; with JavaScript a button
 * that asks in a dialog and then posts to the same address.
 */
function WithdrawButton({ slug, title }: { slug: string; title: string }) {
  const { t } = useTranslation("preparation");
  const submit = useSubmit();
  const [hydrated, setHydrated] = useState(false);
  const [open, setOpen] = useState(false);
  useEffect(() => setHydrated(true), []);
  const href = `/forberedelse/${CHECK_SLUG}/traek-tilbage/${slug}`;
  const label = (
    <>
      {t("check.withdraw")}
      <span className="visually-hidden"> {t("check.withdrawHidden", { part: title })}</span>
    </>
  );
  if (!hydrated) {
    return (
      <Link to={href} className="button button--secondary">
        {label}
      </Link>
    );
  }
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={setOpen}
      title={t("withdraw.title", { part: title })}
      description={t("withdraw.text")}
      confirmLabel={t("withdraw.confirm")}
      cancelLabel={t("withdraw.cancel")}
      onConfirm={() => {
        setOpen(false);
        void submit({ confirm: "yes" }, { method: "post", action: href });
      }}
      trigger={
        <button type="button" className="button button--secondary">
          {label}
        </button>
      }
    />
  );
}
