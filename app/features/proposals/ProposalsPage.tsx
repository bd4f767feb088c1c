import { useTranslation } from "~/lib/i18n/react";
import { Form } from "react-router";
import { Link } from "~/components/ui/Link";
import { PageTitle } from "~/components/layout/PageTitle";
import { formatDate } from "~/lib/dates";
import { BothTexts, HerWords, ProposalStatusTag } from "./ProposalParts";
import type { SavedNotice } from "./schema";
import type { OwnProposal } from "./view";

/** /min-plan/forslag: her proposals, newest first, each with where it stands and the answer. */
export function ProposalsPage({
  proposals,
  saved,
  refused,
}: {
  proposals: OwnProposal[];
  saved: SavedNotice | null;
  refused: "invalid" | "decided" | null;
}) {
  const { t, i18n } = useTranslation("proposals");
  return (
    <>
      <PageTitle title={t("list.title")} hasErrors={refused !== null} />
      <p>
        <Link to="/min-plan#propose-heading">{t("backToPlan")}</Link>
      </p>
      <h1 tabIndex={-1}>{t("list.title")}</h1>
      <p className="lead">{t("list.intro")}</p>
      {saved ? (
        <div data-focus-on-load="" className="notice" id="proposals-saved" tabIndex={-1} role="status">
          <p>{t(`list.saved.${saved}`)}</p>
        </div>
      ) : null}
      {refused ? (
        <div className="notice notice--warning" role="alert">
          <p>{t(`list.refused.${refused}`)}</p>
        </div>
      ) : null}
      <p>
        <Link to="/min-plan/forslag/ny" className="button">
          {t("list.new")}
        </Link>
      </p>
      {proposals.length === 0 ? (
        <p>{t("list.none")}</p>
      ) : (
        <ul className="proposal-list">
          {proposals.map((proposal) => (
            <li key={proposal.id} className="card proposal-card" id={`forslag-${proposal.id}`}>
              <p className="card__label">
                {t(`kinds.${proposal.kind}`)} · {t("list.sent", { date: formatDate(proposal.createdAt, i18n.language) })}
              </p>
              <h2>{proposal.title}</h2>
              <p>
                <ProposalStatusTag status={proposal.status} />
              </p>
              <Answer proposal={proposal} />
              {proposal.status === "changed" ? null : <HerWords proposal={proposal} />}
              {proposal.status === "waiting" ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="withdraw" />
                  <input type="hidden" name="proposalId" value={proposal.id} />
                  <input type="hidden" name="version" value={proposal.version} />
                  <button type="submit" className="button button--secondary" aria-label={`${t("list.withdraw")}: ${proposal.title}`}>
                    {t("list.withdraw")}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function Answer({ proposal }: { proposal: OwnProposal }) {
  const { t, i18n } = useTranslation("proposals");
  const when = (value: Date | null) => (value ? formatDate(value, i18n.language) : "");
  const by = proposal.decidedByName ?? t("list.yourCaseworker");
  switch (proposal.status) {
    case "waiting":
      return <p>{t("list.waiting")}</p>;
    case "withdrawn":
      return <p>{t("list.withdrawn", { date: when(proposal.withdrawnAt) })}</p>;
    case "accepted":
      return (
        <p>
          {t("list.accepted", { name: by, date: when(proposal.decidedAt) })} <Link to="/min-plan">{t("list.seePlan")}</Link>
        </p>
      );
    case "changed":
      return (
        <>
          <p>{t("list.changed", { name: by, date: when(proposal.decidedAt) })}</p>
          <BothTexts proposal={proposal} herLabel={t("words.yours")} />
          <p>
            <Link to="/min-plan">{t("list.seePlan")}</Link>
          </p>
        </>
      );
    case "declined":
      return (
        <>
          <p>{t("list.declined", { name: by, date: when(proposal.decidedAt) })}</p>
          <h3 className="proposal-reason-heading">{t("list.reasonHeading", { name: by })}</h3>
          <blockquote>
            <p className="proposal-words" lang="da">
              {proposal.declineReason}
            </p>
          </blockquote>
          <p>{t("list.declinedNext")}</p>
        </>
      );
  }
}
