import { useTranslation } from "~/lib/i18n/react";
import { PageTitle } from "~/components/layout/PageTitle";

/** What the person is told; several refusals share one explanation. */
export type MitIdProblem = "unregistered" | "assurance" | "cancelled" | "tryAgain" | "loggedOut";

/**
 * A calm page when MitID did not sign anyone in: what happened, what to do now, whom to ask.
 * Never which check failed, never anything about the person.
 */
export function MitIdProblemPage({ problem, reference }: { problem: MitIdProblem; reference: string }) {
  const { t } = useTranslation("account");
  const title = t(`mitid.problems.${problem}.title`);
  return (
    <>
      <PageTitle title={title} />
      <h1 tabIndex={-1}>{title}</h1>
      <p className="lead">{t(`mitid.problems.${problem}.text`)}</p>
      {problem === "unregistered" ? (
        <>
          <h2>{t("mitid.problems.unregistered.whoHeading")}</h2>
          <ul>
            <li>{t("mitid.problems.unregistered.participant")}</li>
            <li>{t("mitid.problems.unregistered.relative")}</li>
          </ul>
        </>
      ) : null}
      <p>
        <a href="/log-ind" className="button">
          {t("mitid.backToSignIn")}
        </a>
      </p>
      {problem === "tryAgain" ? <p className="hint">{t("mitid.reference", { reference })}</p> : null}
    </>
  );
}
