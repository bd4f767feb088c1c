import { useTranslation } from "~/lib/i18n/react";
import { formatDate } from "~/lib/dates";
import { ProposalStatusTag } from "./ProposalParts";
import type { CaseworkerProposal } from "./view";

/**
 * The briefing's "Forslag til planen" (screen): her proposals, waiting ones first, each with a link
 * to its own page where the caseworker answers. Nothing when she has proposed nothing.
 */
export function BriefingProposals({
  participantId,
  name,
  proposals,
  headingLevel = 2,
}: {
  participantId: string;
  name: string;
  proposals: CaseworkerProposal[];
  headingLevel?: 2 | 3;
}) {
  const { t, i18n } = useTranslation("proposals");
  if (proposals.length === 0) return null;
  const Heading = `h${headingLevel}` as const;
  const Item = `h${headingLevel + 1}` as "h3" | "h4";
  return (
    <section aria-labelledby="cw-proposals" className="cw-section">
      <Heading id="cw-proposals">{t("caseworker.heading")}</Heading>
      <p>{t("caseworker.intro", { name })}</p>
      <ul className="plain-list">
        {proposals.map((proposal) => (
          <li key={proposal.proposalId} className="card proposal-card">
            <p className="card__label">
              {t(`kinds.${proposal.kind === "activity" ? "activity" : "sub_goal"}`)} · {t("decide.sent", { date: formatDate(proposal.createdAt, i18n.language) })}
            </p>
            <Item>{proposal.title}</Item>
            <p>
              <ProposalStatusTag status={proposal.status} reader="caseworker" />
            </p>
            <p>
              <a href={`/sagsbehandler/${participantId}/forslag/${proposal.proposalId}`} aria-label={`${t(proposal.status === "waiting" ? "caseworker.open" : "caseworker.see")}: ${proposal.title}`}>
                {t(proposal.status === "waiting" ? "caseworker.open" : "caseworker.see")}
              </a>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
