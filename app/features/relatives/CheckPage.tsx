import { useTranslation } from "~/lib/i18n/react";
import { Form } from "react-router";
import { Link } from "~/components/ui/Link";
import { PageTitle } from "~/components/layout/PageTitle";
import { SummaryList, SummaryRow } from "~/components/ui/SummaryList";
import { formatDate, formatDay, formatTime } from "~/lib/dates";
import { ScopeList } from "./components";
import type { Route } from "./routes/+types/relatives-check";
import { ALL_SCOPES } from "./scopes";

/** "Ret" at a row's end, with the row's name for a screen reader. */
function ChangeLink({ to, row }: { to: string; row: string }) {
  const { t } = useTranslation("relatives");
  return (
    <Link to={to}>
      {t("check.change")}
      <span className="visually-hidden"> {row.toLowerCase()}</span>
    </Link>
  );
}

/** "Tjek og bekræft": what the relative will and will not see, before the invitation (or change) is sent. */
export function CheckPage({ loaderData, actionData }: Pick<Route.ComponentProps, "loaderData" | "actionData">) {
  const { t, i18n } = useTranslation("relatives");
  const language = i18n.language;
  const { draft, scopes, bisidder, confirmation, change } = loaderData;
  const name = draft.name;
  const notShared = ALL_SCOPES.filter((scope) => !scopes.includes(scope));
  // The form the "Ret" links go back to: the invitation, or "Ret adgangen" for an existing grant.
  const formPath = change ? `/paaroerende/${change.grantId}/ret` : "/paaroerende/inviter";
  const title = change ? t("check.changeTitle", { name }) : t("check.title");
  const problem = actionData?.problem;
  return (
    <>
      <PageTitle title={title} hasErrors={Boolean(problem)} />
      <p className="back-link">
        <Link to={formPath}>{t("check.back")}</Link>
      </p>
      {problem ? (
        <div className="notice notice--warning" role="alert">
          <p>{t(`check.problem.${problem}`, { name })}</p>
          {problem === "stale" && actionData?.grantId ? (
            <p>
              <Link to={`/paaroerende/${actionData.grantId}/ret`}>{t("check.problemStaleLink", { name })}</Link>
            </p>
          ) : problem === "gone" ? (
            <p>
              <Link to="/paaroerende">{t("backToList")}</Link>
            </p>
          ) : null}
        </div>
      ) : null}
      <h1 tabIndex={-1}>{title}</h1>
      <p className="lead">{change ? t("check.changeIntro", { name }) : t("check.intro", { name })}</p>

      <SummaryList className="relatives-check">
        {(
          [
            ["name", name],
            ["email", draft.email],
            ["relation", draft.relation],
          ] as const
        ).map(([key, value]) => (
          <SummaryRow
            key={key}
            label={t(`check.rows.${key}`)}
            action={change ? null : <ChangeLink to={`/paaroerende/inviter#${key}`} row={t(`check.rows.${key}`)} />}
          >
            {value}
          </SummaryRow>
        ))}
        {change && !draft.birthDate ? null : (
          // Who may accept: only the person born that day, when she wrote a birth date. Fixed once sent.
          <SummaryRow
            label={t("check.rows.birthDate")}
            action={change ? null : <ChangeLink to="/paaroerende/inviter#birthDate" row={t("check.rows.birthDate")} />}
          >
            {draft.birthDate ? (
              <>
                <time dateTime={draft.birthDate}>{formatDay(draft.birthDate, language)}</time>
                <br />
                {t("check.birthDateBound", { name })}
              </>
            ) : (
              t("check.birthDateNone", { name })
            )}
          </SummaryRow>
        )}
        <SummaryRow label={t("check.rows.scopes")} action={<ChangeLink to={`${formPath}#scopes`} row={t("check.rows.scopes")} />}>
          <ScopeList scopes={scopes} owner="you" />
        </SummaryRow>
        <SummaryRow label={t("check.rows.comment")} action={<ChangeLink to={`${formPath}#mayComment`} row={t("check.rows.comment")} />}>
          {draft.mayComment ? t("check.commentYes", { name }) : t("check.commentNo", { name })}
        </SummaryRow>
        {scopes.includes("messages") ? (
          <SummaryRow
            label={t("check.rows.writeMessages")}
            action={<ChangeLink to={`${formPath}#mayWriteMessages`} row={t("check.rows.writeMessages")} />}
          >
            {draft.mayWriteMessages ? t("check.writeMessagesYes", { name }) : t("check.writeMessagesNo", { name })}
          </SummaryRow>
        ) : null}
        <SummaryRow label={t("check.rows.bisidder")} action={<ChangeLink to={`${formPath}#bisidder`} row={t("check.rows.bisidder")} />}>
          {bisidder.length === 0 ? (
            t("check.bisidderNone")
          ) : (
            <ul className="plain-list">
              {bisidder.map((meeting) => (
                <li key={meeting.id}>
                  <span lang="da">{meeting.title}</span>, {formatDate(meeting.startsAt, language)}{" "}
                  {t("list.at", { time: formatTime(meeting.startsAt, language) })}
                </li>
              ))}
            </ul>
          )}
        </SummaryRow>
        <SummaryRow label={t("check.rows.until")} action={<ChangeLink to={`${formPath}#validUntil`} row={t("check.rows.until")} />}>
          <time dateTime={draft.validUntil}>{formatDay(draft.validUntil, language)}</time>
        </SummaryRow>
      </SummaryList>

      <section aria-labelledby="will-see-heading" className="panel">
        <h2 id="will-see-heading">{t("check.willSeeHeading", { name })}</h2>
        <ul>
          {scopes.map((scope) => (
            <li key={scope}>{t(`explain.${scope}`)}</li>
          ))}
          {draft.mayComment ? <li>{t("explain.comment", { name })}</li> : null}
          {draft.mayWriteMessages ? <li>{t("explain.writeMessages", { name })}</li> : null}
          {bisidder.length > 0 ? <li>{t("explain.bisidder", { count: bisidder.length, name })}</li> : null}
        </ul>
        <h2>{t("check.willNotSeeHeading", { name })}</h2>
        <ul>
          {notShared.map((scope) => (
            <li key={scope}>{t(`scopes.${scope}`)}</li>
          ))}
          <li>{t(scopes.includes("messages") ? "explain.neverWithMessages" : "explain.never")}</li>
        </ul>
        <p>{t(draft.mayWriteMessages ? "check.writesMessages" : "check.readOnly", { name })}</p>
        <p>{t("check.rights", { name })}</p>
      </section>

      <section aria-labelledby="confirm-heading">
        <h2 id="confirm-heading">{change ? t("check.changeConfirmHeading") : t("check.confirmHeading")}</h2>
        {change ? (
          <p>{change.active ? t("check.changeActive", { name }) : t("check.changeInvited", { name })}</p>
        ) : (
          <p>{t("check.mail", { email: draft.email, name })}</p>
        )}
        <p>{t(confirmation === "demo" ? "check.confirmDemo" : confirmation === "mitidFresh" ? "check.confirmMitidFresh" : "check.confirmMitid", { name })}</p>
        <div className="button-group">
          <Form method="post">
            <input type="hidden" name="confirm" value="yes" />
            <button type="submit" className="button">
              {change ? t("check.changeConfirmButton") : t("check.confirmButton")}
            </button>
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value="cancel" />
            <button type="submit" className="button button--secondary">
              {change ? t("check.changeCancelButton") : t("check.cancelButton")}
            </button>
          </Form>
        </div>
      </section>
    </>
  );
}
