import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect, useNavigation, useSubmit } from "react-router";
import type { Route } from "./+types/preparation-check";
import { ErrorSummary, type FieldError } from "~/components/form/ErrorSummary";
import { PageTitle } from "~/components/layout/PageTitle";
import { DocumentLinks } from "~/components/ui/DocumentLinks";
import { ConfirmDialog } from "~/components/ui/ConfirmDialog";
import { useFormatWhen } from "~/features/appointments/components";
import { shareParts } from "~/features/preparation/commands.server";
import { PartAnswers, ShareTag, StatusTag } from "~/features/preparation/components";
import { CHECK_SLUG, PARTS, STEP_COUNT, partBySlug, type PartKey, type WritablePartKey } from "~/features/preparation/parts";
import { getPreparation, type PartState } from "~/features/preparation/queries.server";
import { RemarkList } from "~/features/preparation/RemarkList";
import { listRemarks } from "~/features/preparation/remarks.server";
import type { RemarkView } from "~/features/preparation/remarks";
import { possessiveName } from "~/lib/addressee";
import { shareSchema } from "~/features/preparation/schema";
import { parseSubmission } from "~/components/form/submission.server";
import { requireParticipant } from "~/lib/auth.server";
import { participantActor } from "~/lib/actor.server";

const WRITABLE = PARTS.filter((part) => part.key !== "about_meeting").map((part) => part.key as WritablePartKey);

/** The parts that can be shared now: started, and not already shared as they are. */
function shareableParts(parts: PartState[]) {
  return parts.filter(
    (part): part is PartState & { key: WritablePartKey } =>
      part.key !== "about_meeting" && part.status !== "not_started" && part.share.kind !== "shared",
  );
}

/**
 * One box per part that can be shared. Nothing is shared by default (issue 14): every box starts
 * unticked, also for parts that are still "I gang" or hold health details.
 */
function shareChoices(parts: PartState[]) {
  return shareableParts(parts).map((part) => ({
    key: part.key,
    slug: part.slug,
    status: part.status,
    version: part.version,
    shareKind: part.share.kind,
    checked: false,
  }));
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  const [preparation, remarks] = await Promise.all([getPreparation(user.participant.id), listRemarks(user.participant.id)]);
  const url = new URL(request.url);
  const remarkChoice = url.searchParams.get("bemaerkning");
  const sharedCount = url.searchParams.get("delt");
  const withdrawn = partBySlug(url.searchParams.get("trukket") ?? undefined);
  return {
    parts: preparation.parts,
    tasks: preparation.tasks,
    choices: shareChoices(preparation.parts),
    sharedCount: sharedCount && /^\d+$/.test(sharedCount) ? Number(sharedCount) : null,
    withdrawnKey: withdrawn?.key ?? null,
    remarks,
    remarkChoice: remarkChoice === "med" || remarkChoice === "ikke-med" ? remarkChoice : null,
  };
}

/** A part as the caseworker will read it when the person presses "Del med min sagsbehandler". */
interface ReviewPart {
  key: WritablePartKey;
  slug: string;
  status: PartState["status"];
  version: number;
  answers: PartState["answers"];
}

type ActionResult =
  | { step: "choose"; chosen: WritablePartKey[]; error: "errors.chooseParts" | "errors.changedWhileOpen" | null }
  | { step: "review"; parts: ReviewPart[]; tasks: string[] };

/**
 * "Tjek og del" in two steps. `review` (also a post without an intent) shows exactly what will be
 * shared and writes nothing; only `share`, posted from that review with the version of each part
 * the person read, shares. `change` goes back to the boxes as the person ticked them.
 */
export async function action({ request, context }: Route.ActionArgs) {
  const user = await requireParticipant(context);
  const submission = parseSubmission(await request.formData(), { schema: shareSchema });
  if (submission.status !== "success") return data<ActionResult>({ step: "choose", chosen: [], error: null }, { status: 400 });
  const { intent } = submission.value;
  const chosen = [...new Set(submission.value.parts)].filter((key): key is WritablePartKey => (WRITABLE as string[]).includes(key));
  const seen: Partial<Record<PartKey, number>> = {};
  for (const key of chosen) {
    const value = submission.value.seen[key];
    if (typeof value === "string" && /^\d+$/.test(value)) seen[key] = Number(value);
  }
  if (intent === "change") return data<ActionResult>({ step: "choose", chosen, error: null });
  if (chosen.length === 0) return data<ActionResult>({ step: "choose", chosen: [], error: "errors.chooseParts" }, { status: 400 });

  const preparation = await getPreparation(user.participant.id);
  const shareable = shareableParts(preparation.parts).filter((part) => chosen.includes(part.key));
  if (shareable.length === 0) return data<ActionResult>({ step: "choose", chosen: [], error: "errors.chooseParts" }, { status: 400 });
  if (shareable.some((part) => seen[part.key] !== undefined && seen[part.key] !== part.version)) {
    return data<ActionResult>({ step: "choose", chosen, error: "errors.changedWhileOpen" }, { status: 409 });
  }
  // Only a part the person has seen in the review is shared: without its version, show the review.
  if (intent === "review" || shareable.some((part) => seen[part.key] === undefined)) {
    return data<ActionResult>({
      step: "review",
      parts: shareable.map((part) => ({ key: part.key, slug: part.slug, status: part.status, version: part.version, answers: part.answers })),
      tasks: shareable.some((part) => part.key === "wishes") ? preparation.tasks : [],
    });
  }

  const result = await shareParts(
    participantActor(context, user),
    shareable.map((part) => part.key),
    seen,
  );
  if (result.status === "changed") return data<ActionResult>({ step: "choose", chosen, error: "errors.changedWhileOpen" }, { status: 409 });
  return redirect(`/forberedelse/${CHECK_SLUG}?delt=${result.parts.length}#del`);
}

export default function PreparationCheckPage({ loaderData, actionData }: Route.ComponentProps) {
  const navigation = useNavigation();
  const idle = navigation.state === "idle";
  // The step stays as it is while a post is on its way, so the boxes are never drawn twice (a box
  // drawn unticked first would stay unticked: `defaultChecked` only counts when it is drawn).
  if (actionData?.step === "review") return <ReviewShare parts={actionData.parts} tasks={actionData.tasks} remarks={loaderData.remarks} />;
  return <CheckPage loaderData={loaderData} result={actionData} showError={idle} />;
}

function CheckPage({
  loaderData,
  result,
  showError,
}: {
  loaderData: Route.ComponentProps["loaderData"];
  result: (ActionResult & { step: "choose" }) | undefined;
  showError: boolean;
}) {
  const { t } = useTranslation("preparation");
  const formatWhen = useFormatWhen();
  const { parts, tasks, choices } = loaderData;
  const error = showError ? (result?.error ?? undefined) : undefined;
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

      <section aria-labelledby="bring-heading">
        <h2 id="bring-heading">{t("taskList.bringHeading")}</h2>
        <DocumentLinks
          print={{ to: "/forberedelse/udskriv", label: t("taskList.printLink") }}
          pdf={{ href: "/forberedelse/forberedelse.pdf", label: t("taskList.pdfLink") }}
        />
      </section>
    </>
  );
}

/**
 * Step 2, "Tjek hvad du deler": exactly what the caseworker will read for each ticked part (the
 * answers as they are now, the work tasks, and relatives' remarks the person let go along), and
 * only then the share button. Works the same with and without JavaScript.
 */
function ReviewShare({ parts, tasks, remarks }: { parts: ReviewPart[]; tasks: string[]; remarks: RemarkView[] }) {
  const { t, i18n } = useTranslation("preparation");
  const title = t("review.title");
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    window.scrollTo(0, 0);
    heading.current?.focus();
  }, []);
  return (
    <>
      <PageTitle title={title} />
      <p className="prep-caption">{t("form.stepOf", { step: STEP_COUNT, total: STEP_COUNT })}</p>
      <h1 tabIndex={-1} ref={heading}>
        {title}
      </h1>
      <p className="lead">{t("review.intro", { count: parts.length })}</p>
      {parts.map((part) => {
        const partTitle = t(`parts.${part.key}.title`);
        const headingId = `review-${part.slug}`;
        const going = remarks.filter((remark) => remark.partKey === part.key && remark.includeWhenShared);
        return (
          <section key={part.key} className="prep-check-part" aria-labelledby={headingId}>
            <div className="prep-check-part__header">
              <h2 id={headingId}>{partTitle}</h2>
              <p className="prep-check-part__tags">
                <StatusTag status={part.status} />
              </p>
            </div>
            {part.status === "in_progress" ? <p className="meta">{t("review.inProgress")}</p> : null}
            <PartAnswers partKey={part.key} answers={part.answers} tasks={tasks} emptyText={t("review.empty")} />
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
          </section>
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
