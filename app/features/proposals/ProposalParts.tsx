import { useTranslation } from "~/lib/i18n/react";
import { SummaryList, SummaryRow } from "~/components/ui/SummaryList";
import { Tag, type TagTone } from "~/components/ui/Tag";
import type { ProposalStatus } from "./schema";

const TONES: Record<ProposalStatus, TagTone> = { waiting: "blue", accepted: "green", changed: "green", declined: "grey", withdrawn: "grey" };

/** Where a proposal stands, as a tag ("Venter på svar fra din sagsbehandler"). `reader`: whose page it is. */
export function ProposalStatusTag({ status, reader = "participant" }: { status: string; reader?: "participant" | "caseworker" }) {
  const { t } = useTranslation("proposals");
  const known = (status in TONES ? status : "waiting") as ProposalStatus;
  return <Tag tone={TONES[known]}>{t(`${reader === "participant" ? "status" : "caseworker.status"}.${known}`)}</Tag>;
}

/** Her words: what, and why / when / how much when she wrote them. The title is the card's heading. */
export function HerWords({
  proposal,
  name,
}: {
  proposal: { why: string | null; whenText: string | null; howMuch: string | null };
  /** Someone else reads it (her caseworker): "Hvorfor Mette foreslår det". */
  name?: string;
}) {
  const { t } = useTranslation("proposals");
  if (!proposal.why && !proposal.whenText && !proposal.howMuch) return null;
  return (
    <SummaryList>
      {proposal.why ? (
        <SummaryRow label={name ? t("words.whyOther", { name }) : t("words.why")} preWrap>
          {proposal.why}
        </SummaryRow>
      ) : null}
      {proposal.whenText ? <SummaryRow label={t("words.when")}>{proposal.whenText}</SummaryRow> : null}
      {proposal.howMuch ? <SummaryRow label={t("words.howMuch")}>{proposal.howMuch}</SummaryRow> : null}
    </SummaryList>
  );
}

/** "Det skrev du" next to "Det står i planen" (a proposal taken in with other words). */
export function BothTexts({
  proposal,
  herLabel,
}: {
  proposal: { title: string; why: string | null; whenText: string | null; howMuch: string | null; planTitle: string | null; planDetail: string | null };
  herLabel: string;
}) {
  const { t } = useTranslation("proposals");
  const hers = [proposal.title, proposal.why, proposal.whenText, proposal.howMuch].filter(Boolean).join("\n");
  const plan = [proposal.planTitle, proposal.planDetail].filter(Boolean).join("\n");
  return (
    <div className="proposal-compare">
      <div>
        <h3>{herLabel}</h3>
        <blockquote className="own-words">
          <p className="proposal-words">{hers}</p>
        </blockquote>
      </div>
      <div>
        <h3>{t("words.inPlan")}</h3>
        <p className="proposal-words" lang="da">
          {plan}
        </p>
      </div>
    </div>
  );
}
