import { useTranslation } from "~/lib/i18n/react";
import { Form } from "react-router";
import { PageTitle } from "~/components/layout/PageTitle";
import { ScopeList, Until } from "./components";
import type { Route } from "./routes/+types/relatives-invitation";
import type { Calm } from "./status";

function CalmPage({ calm, participantName }: { calm: Calm; participantName: string | null }) {
  const { t } = useTranslation("relatives");
  const name = participantName ?? t("invitation.someone");
  return (
    <>
      <PageTitle title={t(`invitation.calm.${calm}.title`)} />
      <h1 tabIndex={-1}>{t(`invitation.calm.${calm}.title`)}</h1>
      <p className="lead">{t(`invitation.calm.${calm}.text`, { name })}</p>
      <p>{t(`invitation.calm.${calm}.next`, { name })}</p>
      <p>
        <a href="/">{t("invitation.toFrontPage")}</a>
      </p>
    </>
  );
}

/** The invitation link's page: sign in first, the offer to answer, or a calm note that it no longer works. */
export function InvitationPage({ loaderData, actionData }: Pick<Route.ComponentProps, "loaderData" | "actionData">) {
  const { t } = useTranslation("relatives");
  if (actionData?.done === "declined") {
    return (
      <>
        <PageTitle title={t("invitation.declined.title")} />
        <h1 tabIndex={-1}>{t("invitation.declined.title")}</h1>
        <p className="lead">{t("invitation.declined.text")}</p>
        <p>
          <a href="/">{t("invitation.toFrontPage")}</a>
        </p>
      </>
    );
  }
  if (actionData?.calm) return <CalmPage calm={actionData.calm} participantName={actionData.participantName} />;
  if (loaderData.view === "calm") return <CalmPage calm={loaderData.calm} participantName={loaderData.participantName} />;
  if (loaderData.view === "signIn") {
    return (
      <>
        <PageTitle title={t("invitation.signIn.title")} />
        <h1 tabIndex={-1}>{t("invitation.signIn.title")}</h1>
        <p className="lead">{t("invitation.signIn.text")}</p>
        <p>{t("invitation.signIn.why")}</p>
        <p>
          <a href="/log-ind" className="button">
            {t("invitation.signIn.button")}
          </a>
        </p>
      </>
    );
  }
  const { invitation, signedInAs } = loaderData;
  const name = invitation.participantFirstName;
  return (
    <>
      <PageTitle title={t("invitation.answer.title", { name: invitation.participantName })} />
      <h1 tabIndex={-1}>{t("invitation.answer.title", { name: invitation.participantName })}</h1>
      <p className="lead">{t("invitation.answer.intro", { name: invitation.participantName })}</p>
      <section aria-labelledby="offer-heading" className="panel">
        <h2 id="offer-heading">{t("invitation.answer.offerHeading", { name })}</h2>
        <ScopeList scopes={invitation.scopes} owner="other" />
        {invitation.mayComment ? <p>{t("invitation.answer.comment", { name })}</p> : null}
        {invitation.mayWriteMessages ? <p>{t("invitation.answer.writeMessages", { name })}</p> : null}
        {invitation.bisidderCount > 0 ? <p>{t("invitation.answer.bisidder", { count: invitation.bisidderCount, name })}</p> : null}
        <p>
          {t("invitation.answer.until")} <Until day={invitation.validUntil} />
        </p>
        <p>{t(invitation.mayWriteMessages ? "invitation.answer.noChange" : "invitation.answer.readOnly", { name })}</p>
      </section>
      <p>{t("invitation.answer.signedInAs", { name: signedInAs })}</p>
      <p>{t("invitation.answer.stop", { name })}</p>
      <div className="button-group">
        <Form method="post">
          <input type="hidden" name="answer" value="accept" />
          <button type="submit" className="button">
            {t("invitation.answer.accept")}
          </button>
        </Form>
        <Form method="post">
          <input type="hidden" name="answer" value="decline" />
          <button type="submit" className="button button--secondary">
            {t("invitation.answer.decline")}
          </button>
        </Form>
      </div>
    </>
  );
}
