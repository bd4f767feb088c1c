import { useTranslation } from "~/lib/i18n/react";
import { SummaryList, SummaryRow } from "~/components/ui/SummaryList";
import { Tag } from "~/components/ui/Tag";
import { formatDayMonth, formatMonth, formatMonthName } from "./calendar";
import { CHART_MONTHS, FACTORS, type Factor } from "./levels";
import { LevelChart } from "./LevelChart";
import type { AnswerSetView } from "./queries.server";

/** The URLs of the area (Danish: citizens read them). */
export const PROGRESS_PATH = "/saadan-gaar-det";
/** Where she chooses the day of her monthly reminder, or none (linked from "Sådan får du besked"). */
export const PROGRESS_REMINDER_PATH = `${PROGRESS_PATH}/paamindelse`;
export const paths = {
  home: PROGRESS_PATH,
  answers: `${PROGRESS_PATH}/svar`,
  set: (id: string) => `${PROGRESS_PATH}/svar/${id}`,
  reminder: PROGRESS_REMINDER_PATH,
  diary: `${PROGRESS_PATH}/dagbog`,
  signs: `${PROGRESS_PATH}/tegn`,
  signsPrint: `${PROGRESS_PATH}/tegn/udskriv`,
};

/** A saved-notice that takes focus once the page is alive (role=status for screen readers). */
export function Notice({ id, text }: { id: string; text: string | null }) {
  if (!text) return null;
  return (
    <div data-focus-on-load="" className="notice" id={id} tabIndex={-1} role="status">
      <p>{text}</p>
    </div>
  );
}

export function ShareTag({ shared }: { shared: boolean }) {
  const { t } = useTranslation("progress");
  return shared ? <Tag tone="green">{t("tags.shared")}</Tag> : <Tag tone="grey">{t("tags.notShared")}</Tag>;
}

/** One month's answers as she wrote them (and as the caseworker reads them once shared). */
export function AnswerSummary({ set }: { set: Pick<AnswerSetView, "levels" | "notes" | "whatHelps" | "somethingElse"> }) {
  const { t } = useTranslation("progress");
  return (
    <SummaryList className="progress-summary">
      {FACTORS.map((factor) => (
        <SummaryRow key={factor} label={t(`factors.${factor}.question`)}>
          <p className="progress-summary__level">{set.levels[factor] ? t(`levels.${set.levels[factor]}`) : t("chart.noAnswer")}</p>
          {set.notes[factor] ? <p className="pre-wrap-text progress-summary__note">{set.notes[factor]}</p> : null}
        </SummaryRow>
      ))}
      <SummaryRow label={t("whatHelps.label")} valueClassName="pre-wrap-text">
        {set.whatHelps ?? "–"}
      </SummaryRow>
      <SummaryRow label={t("somethingElse.label")} valueClassName="pre-wrap-text">
        {set.somethingElse ?? "–"}
      </SummaryRow>
    </SummaryList>
  );
}

/** One factor over time: the line (from two months) and the table with her own words. */
export function FactorHistory({ factor, sets }: { factor: Factor; sets: AnswerSetView[] }) {
  const { t, i18n } = useTranslation("progress");
  const name = t(`factors.${factor}.name`);
  const points = sets.slice(-CHART_MONTHS).map((set) => ({ month: set.month, level: set.levels[factor] }));
  return (
    <section className="progress-factor" aria-labelledby={`factor-${factor}`}>
      <h3 id={`factor-${factor}`}>{name}</h3>
      {sets.length >= 2 ? (
        <figure className="progress-figure">
          <LevelChart points={points} factorName={name} idPrefix={`chart-${factor}`} />
        </figure>
      ) : null}
      <div className="progress-table-wrap">
        <table className="progress-table">
          <caption className="visually-hidden">{t("chart.caption", { factor: name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("chart.month")}</th>
              <th scope="col">{t("chart.answer")}</th>
              <th scope="col">{t("chart.note")}</th>
            </tr>
          </thead>
          <tbody>
            {sets.map((set) => (
              <tr key={set.id}>
                <th scope="row">{formatMonth(set.month, i18n.language)}</th>
                <td>{set.levels[factor] ? t(`levels.${set.levels[factor]}`) : t("chart.noAnswer")}</td>
                <td className="pre-wrap-text">{set.notes[factor] ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** What the overview's card needs (`checkInState` in pages.server.ts). */
export interface ProgressCardData {
  today: string;
  month: string;
  current: { id: string } | null;
  reminderDay: number | null;
  nextReminder: string | null;
}

/**
 * The overview's card: this month, gently. From her chosen day on, until she has answered, the
 * card stands out (on that day an e-mail or SMS may come too, as she chose under "Sådan får du besked").
 */
export function ProgressCard({ state }: { state: ProgressCardData }) {
  const { t, i18n } = useTranslation("progress");
  const month = formatMonthName(state.month, i18n.language);
  const due = state.current === null && state.reminderDay !== null && Number(state.today.slice(8, 10)) >= state.reminderDay;
  return (
    <section aria-labelledby="progress-card-heading" className={due ? "card card--highlight" : "card"}>
      <h2 id="progress-card-heading">{t("card.heading")}</h2>
      <p>
        {state.current ? t("card.answered", { month }) : due ? t("card.due", { month }) : t("card.whenYouLike", { month })}
      </p>
      {state.nextReminder && !due ? <p>{t("card.next", { date: formatDayMonth(state.nextReminder, i18n.language) })}</p> : null}
      <p>
        <a href={PROGRESS_PATH}>{t("card.link")}</a>
      </p>
    </section>
  );
}
