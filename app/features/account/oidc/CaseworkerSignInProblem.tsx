import { useTranslation } from "~/lib/i18n/react";
import { PageTitle } from "~/components/layout/PageTitle";

/** What the caseworker is told: several refusals share one explanation. */
export type Problem = "noRole" | "notRegistered" | "tryAgain" | "cancelled" | "unavailable";

/**
 * A calm page when a caseworker's sign-in did not go through: what happened, what to do, and a
 * way to try again. Never which check failed in detail, never anything about the person.
 */
export function CaseworkerSignInProblem({ problem }: { problem: Problem }) {
  const { t } = useTranslation("account");
  return (
    <>
      <PageTitle title={t("caseworkerSignIn.problemTitle")} />
      <h1 tabIndex={-1}>{t("caseworkerSignIn.problemTitle")}</h1>
      <p className="lead">{t(`caseworkerSignIn.problems.${problem}`)}</p>
      <p>
        <a href="/medarbejder/log-ind">{t("caseworkerSignIn.tryAgain")}</a>
      </p>
      <p>
        <a href="/log-ind">{t("caseworkerSignIn.backToSignIn")}</a>
      </p>
    </>
  );
}
