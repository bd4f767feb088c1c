import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import type { z } from "~/lib/zod";
import { useTranslation } from "~/lib/i18n/react";
import { Form } from "react-router";
import { Link } from "~/components/ui/Link";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { summaryErrors } from "~/components/form/errors";
import { Field } from "~/components/form/Field";
import { TextareaField } from "~/components/form/TextareaField";
import { PageTitle } from "~/components/layout/PageTitle";
import { formatDate } from "~/lib/dates";
import { BothTexts, HerWords, ProposalStatusTag } from "./ProposalParts";
import { acceptSchema, declineSchema, DETAIL_MAX, REASON_MAX, TITLE_MAX, wordsAsWritten } from "./schema";
import type { CaseworkerProposal } from "./view";

export interface DecisionConflict {
  now: { status: string; decidedByName: string | null; planTitle: string | null; planDetail: string | null; declineReason: string | null };
  yours: { reason: string } | { planTitle: string; planDetail: string };
}

type ActionData = { intent: "accept" | "decline"; result: SubmissionResult<string[]> | undefined; conflict: DecisionConflict | null } | undefined;

/**
 * /sagsbehandler/:participantId/forslag/:proposalId: her proposal in her words, and the decision:
 * "Tag med i planen" (her words, or changed ones) or "Tag ikke med" with a reason she reads.
 */
export function DecisionPage({
  participant,
  proposal,
  done,
  action,
}: {
  participant: { id: string; name: string; firstName: string };
  proposal: CaseworkerProposal;
  done: boolean;
  action: ActionData;
}) {
  const { t, i18n } = useTranslation("proposals");
  const [acceptForm, acceptFields] = useForm<z.input<typeof acceptSchema>>({
    id: "accept",
    lastResult: action?.intent === "accept" ? action.result : null,
  });
  const [declineForm, declineFields] = useForm<z.input<typeof declineSchema>>({
    id: "decline",
    lastResult: action?.intent === "decline" ? action.result : null,
  });
  const translate = (key: string) => t(key, { max: key.endsWith("reasonTooLong") || key.endsWith("planDetailTooLong") ? REASON_MAX : TITLE_MAX, name: participant.firstName });
  const errors = [
    ...summaryErrors(acceptForm.allErrors, ["planTitle", "planDetail"], translate),
    ...summaryErrors(declineForm.allErrors, ["reason"], translate),
  ];
  const formError = acceptForm.errors?.[0] ?? declineForm.errors?.[0];
  const fieldError = (errorsOf: Record<string, string[] | undefined>, name: string) => {
    const key = errorsOf[name]?.[0];
    return key ? translate(key) : undefined;
  };
  const initial = (value: unknown, otherwise: string) => (typeof value === "string" ? value : otherwise);
  const asWritten = wordsAsWritten(proposal);
  const conflict = action?.conflict ?? null;
  const waiting = proposal.status === "waiting" && !conflict;
  const kind = t(`kinds.${proposal.kind === "activity" ? "activity" : "sub_goal"}`);
  const title = t("decide.title", { name: participant.name });

  return (
    <>
      <PageTitle title={title} hasErrors={errors.length > 0 || Boolean(formError) || Boolean(conflict)} />
      <p>
        <a href={`/sagsbehandler/${participant.id}#cw-proposals`}>{t("decide.back", { name: participant.name })}</a>
      </p>
      <ErrorSummary errors={errors} />
      <h1 tabIndex={-1}>{title}</h1>
      {done ? (
        <div data-focus-on-load="" className="notice" id="proposal-done" tabIndex={-1} role="status">
          <p>{t("decide.done", { name: participant.firstName })}</p>
        </div>
      ) : null}
      {formError ? (
        <div className="notice notice--warning" role="alert">
          <p>{translate(formError)}</p>
        </div>
      ) : null}
      {conflict ? <ConflictNotice conflict={conflict} /> : null}

      <section aria-labelledby="proposal-heading" className="card proposal-card">
        <p className="card__label">
          {kind} · {t("decide.sent", { date: formatDate(proposal.createdAt, i18n.language) })}
        </p>
        <h2 id="proposal-heading">{proposal.title}</h2>
        <p>
          <ProposalStatusTag status={proposal.status} reader="caseworker" />
        </p>
        {proposal.status === "changed" ? null : <HerWords proposal={proposal} name={participant.firstName} />}
        {proposal.status === "changed" ? <BothTexts proposal={proposal} herLabel={t("words.hers", { name: participant.firstName })} /> : null}
        {proposal.status === "accepted" || proposal.status === "changed" ? (
          <p>{t("decide.inPlan", { version: proposal.planVersion, name: proposal.decidedByName ?? "" })}</p>
        ) : null}
        {proposal.status === "declined" ? (
          <>
            <h3>{t("decide.reasonGiven", { name: proposal.decidedByName ?? "" })}</h3>
            <p className="proposal-words" lang="da">
              {proposal.declineReason}
            </p>
          </>
        ) : null}
      </section>

      {waiting ? (
        <>
          <section aria-labelledby="accept-heading" className="proposal-decide">
            <h2 id="accept-heading">{t("decide.acceptHeading")}</h2>
            <p>{t(proposal.kind === "activity" ? "decide.acceptTextActivity" : "decide.acceptTextSubGoal", { name: participant.firstName })}</p>
            <Form method="post" {...getFormProps(acceptForm)}>
              <input type="hidden" name="intent" value="accept" />
              <input type="hidden" name="version" value={proposal.version} />
              <Field id="planTitle" label={t("decide.planTitleLabel")} hint={t("decide.planTitleHint", { max: TITLE_MAX })} error={fieldError(acceptForm.allErrors, "planTitle")}>
                {({ id, describedBy, invalid }) => (
                  <input
                    id={id}
                    name="planTitle"
                    className="input"
                    lang="da"
                    maxLength={TITLE_MAX}
                    defaultValue={initial(acceptFields.planTitle.initialValue, asWritten.title)}
                    aria-describedby={describedBy}
                    aria-invalid={invalid || undefined}
                    autoComplete="off"
                  />
                )}
              </Field>
              <TextareaField
                id="planDetail"
                name="planDetail"
                label={t(proposal.kind === "activity" ? "decide.planPurposeLabel" : "decide.planDetailLabel")}
                hint={t("decide.planDetailHint")}
                error={fieldError(acceptForm.allErrors, "planDetail")}
                optional
                maxLength={DETAIL_MAX}
                rows={4}
                defaultValue={initial(acceptFields.planDetail.initialValue, asWritten.detail)}
              />
              <button type="submit" className="button">
                {t("decide.accept")}
              </button>
            </Form>
          </section>
          <section aria-labelledby="decline-heading" className="proposal-decide">
            <h2 id="decline-heading">{t("decide.declineHeading")}</h2>
            <Form method="post" {...getFormProps(declineForm)}>
              <input type="hidden" name="intent" value="decline" />
              <input type="hidden" name="version" value={proposal.version} />
              <TextareaField
                id="reason"
                name="reason"
                label={t("decide.reasonLabel")}
                hint={t("decide.reasonHint", { name: participant.firstName })}
                error={fieldError(declineForm.allErrors, "reason")}
                maxLength={REASON_MAX}
                rows={4}
                defaultValue={initial(declineFields.reason.initialValue, "")}
              />
              <button type="submit" className="button button--secondary">
                {t("decide.decline")}
              </button>
            </Form>
          </section>
        </>
      ) : null}
      <p>
        <Link to="/sagsbehandler">{t("decide.toList")}</Link>
      </p>
    </>
  );
}

/** 409: someone answered first (or she took it back). What stands now, and what you wrote, so nothing is lost. */
function ConflictNotice({ conflict }: { conflict: DecisionConflict }) {
  const { t } = useTranslation("proposals");
  const { now, yours } = conflict;
  const by = now.decidedByName ?? t("decide.someone");
  return (
    <div className="notice notice--warning" role="alert" id="proposal-conflict">
      <h2>{t("decide.conflict.heading")}</h2>
      <p>{now.status === "withdrawn" ? t("decide.conflict.withdrawn") : t("decide.conflict.text", { name: by, status: t(`caseworker.status.${now.status}`) })}</p>
      {now.planTitle ? (
        <p className="proposal-words" lang="da">
          {[now.planTitle, now.planDetail].filter(Boolean).join("\n")}
        </p>
      ) : null}
      {now.declineReason ? (
        <p className="proposal-words" lang="da">
          {now.declineReason}
        </p>
      ) : null}
      <h3>{t("decide.conflict.yours")}</h3>
      <p className="proposal-words" lang="da">
        {"reason" in yours ? yours.reason : [yours.planTitle, yours.planDetail].filter(Boolean).join("\n")}
      </p>
      <p>{t("decide.conflict.next")}</p>
    </div>
  );
}
